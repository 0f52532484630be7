import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SuggestionForm } from "@/components/organisation-form/suggestion-page";
import { getOrganisationDocument } from "@/lib/data/change-sets";
import { openConfirmation } from "@/lib/data/confirmations";
import { localePath, type Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Confirm" });
  return { title: t("changesMetaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

/** "Something has changed": the suggestion form with the listing filled in, sent as the organisation's own. */
export default async function ConfirmationChangesPage({ params }: Props) {
  await connection();
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Confirm");
  const opened = token.length <= 200 ? await openConfirmation(token) : null;
  const organisation = opened?.state === "valid" ? await getOrganisationDocument(opened.organisation.id) : null;
  if (opened?.state !== "valid" || !organisation) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("changesInvalidTitle")}</h1>
        <p className="mt-2 max-w-2xl text-slate-700">{t("changesInvalidText")}</p>
        <p className="mt-6">
          <Link href={localePath(locale, `/confirm/${token}`)} className="font-medium text-brand-700 underline hover:no-underline">
            {t("changesInvalidLink")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="text-sm">
        <Link href={localePath(locale, `/confirm/${token}`)} className="text-brand-700 underline hover:no-underline">
          {t("changesBack")}
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-brand-900">{t("changesTitle", { name: opened.organisation.name })}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("changesIntro")}</p>
      <SuggestionForm organisation={{ id: opened.organisation.id, document: organisation.document }} confirmation={token} locale={locale} />
    </>
  );
}
