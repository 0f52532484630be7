import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrganisationLinkHealth } from "@/components/links/organisation-link-health";
import { PendingChanges } from "@/components/changes/pending-changes";
import { ListingActions } from "@/components/organisation-form/listing-actions";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formCountries, formTexts } from "@/components/organisation-form/form-texts";
import { defaultLocale, localePath } from "@/lib/i18n/locales";
import { formValues } from "@/components/organisation-form/form-values";
import { currentSession, requireUser } from "@/lib/auth/session";
import { findOpenChangeSet, getOrganisationDocument, listPendingChanges } from "@/lib/data/change-sets";
import { latestConfirmations } from "@/lib/data/confirmations";
import { linkProblemsOf } from "@/lib/data/links";
import { isId } from "@/lib/validation/ids";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Organisations" });
  return { title: t("editTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

export default async function EditOrganisationPage({ params }: Props) {
  const { id } = await params;
  const session = await requireUser(`/admin/organisations/${id}/edit`);
  const locale = session.user.language ?? defaultLocale;
  if (!isId(id)) notFound();
  // One open change per author and organisation: carry on with it.
  const open = await findOpenChangeSet(session.user, id);
  if (open) redirect(`/admin/changes/${open}`);
  const published = await getOrganisationDocument(id);
  if (!published) notFound();
  const [asked, t] = await Promise.all([latestConfirmations([id]).then((confirmations) => confirmations.get(id)), getTranslations({ locale, namespace: "Organisations" })]);
  return (
    <>
      <Breadcrumb href="/admin/organisations" label={t("title")} current={published.document.name} />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">{t("editHeading", { name: published.document.name })}</h1>
      <p className="mt-2 text-slate-700">
        {t("editIntro")}
        {published.document.archived ? ` ${t("archivedNote")}` : null}{" "}
        {published.document.archived ? null : (
          <Link href={localePath(locale, `/organisations/${published.document.slug}`)} className="text-brand-700 underline">
            {t("publicPage")}
          </Link>
        )}{" "}
        <Link href={`/admin/organisations/${id}/history`} className="text-brand-700 underline">
          {t("history")}
        </Link>
      </p>
      <OrganisationLinkHealth organisationId={id} links={(await linkProblemsOf([id])).get(id)} locale={locale} />
      <ListingActions
        locale={locale}
        organisationId={id}
        name={published.document.name}
        archived={published.document.archived}
        verified={published.lastVerifiedAt ? { at: published.lastVerifiedAt, by: published.lastVerifiedBy, source: published.lastVerifiedSource } : null}
        asked={asked}
      />
      <PendingChanges changes={await listPendingChanges(session.user, id)} reviewer={session.user.role !== "EDITOR"} locale={locale} />
      <OrganisationForm values={formValues(published.document)} countries={await formCountries(locale)} texts={await formTexts(locale)} organisationId={id} />
    </>
  );
}
