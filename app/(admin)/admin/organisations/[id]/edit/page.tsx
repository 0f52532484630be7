import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { OrganisationLinkHealth } from "@/components/links/organisation-link-health";
import { askedSummary } from "@/components/confirmations/asked-status";
import { PendingChanges } from "@/components/changes/pending-changes";
import { ListingActions } from "@/components/organisation-form/listing-actions";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formCountries, formTexts } from "@/components/organisation-form/form-texts";
import { defaultLocale } from "@/lib/i18n/locales";
import { formValues } from "@/components/organisation-form/form-values";
import { requireUser } from "@/lib/auth/session";
import { findOpenChangeSet, getOrganisationDocument, listPendingChanges } from "@/lib/data/change-sets";
import { latestConfirmations } from "@/lib/data/confirmations";
import { linkProblemsOf } from "@/lib/data/links";
import { isId } from "@/lib/validation/ids";
import { verificationSummary } from "@/lib/verification";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export const metadata: Metadata = { title: "Change an organisation", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function EditOrganisationPage({ params }: Props) {
  const { id } = await params;
  const session = await requireUser(`/admin/organisations/${id}/edit`);
  if (!isId(id)) notFound();
  // One open change per author and organisation: carry on with it.
  const open = await findOpenChangeSet(session.user, id);
  if (open) redirect(`/admin/changes/${open}`);
  const published = await getOrganisationDocument(id);
  if (!published) notFound();
  const asked = (await latestConfirmations([id])).get(id);
  return (
    <>
      <Breadcrumb href="/admin/organisations" label="Organisations" current={published.document.name} />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">Change {published.document.name}</h1>
      <p className="mt-2 text-slate-700">
        Your changes are saved as a draft and go public once a reviewer approves them.
        {published.document.archived ? " This organisation is archived." : null}{" "}
        {published.document.archived ? null : (
          <Link href={`/en/organisations/${published.document.slug}`} className="text-brand-700 underline">
            See its public page
          </Link>
        )}{" "}
        <Link href={`/admin/organisations/${id}/history`} className="text-brand-700 underline">
          History
        </Link>
      </p>
      <OrganisationLinkHealth organisationId={id} links={(await linkProblemsOf([id])).get(id)} />
      <ListingActions
        organisationId={id}
        name={published.document.name}
        archived={published.document.archived}
        lastVerified={
          published.lastVerifiedAt ? verificationSummary(published.lastVerifiedAt, published.lastVerifiedBy, published.lastVerifiedSource, (at) => date.format(at)) : null
        }
        asked={askedSummary(asked)}
        suppressed={asked?.suppressed ? asked.email : null}
      />
      <PendingChanges changes={await listPendingChanges(session.user, id)} reviewer={session.user.role !== "EDITOR"} />
      <OrganisationForm values={formValues(published.document)} countries={await formCountries(session.user.language ?? defaultLocale)} texts={await formTexts(session.user.language ?? defaultLocale)} organisationId={id} />
    </>
  );
}
