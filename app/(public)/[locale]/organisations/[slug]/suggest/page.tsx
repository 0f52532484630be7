import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SuggestionForm } from "@/components/organisation-form/suggestion-page";
import { getOrganisationDocument } from "@/lib/data/change-sets";
import { findPublishedIdBySlug } from "@/lib/data/organisations";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { languageAlternates, localePath, type Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: "Suggest" });
  return { title: t("correctionMetaTitle"), robots: { index: false }, alternates: { languages: languageAlternates(`/organisations/${slug}/suggest`) } };
}

// Rendered per request: the form carries a fresh signed stamp, and the page a fresh nonce.
export default async function SuggestCorrectionPage({ params }: Props) {
  await connection();
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const id = await findPublishedIdBySlug(slug);
  const organisation = id ? await getOrganisationDocument(id) : null;
  if (!id || !organisation) notFound();
  const t = await getTranslations("Suggest");
  const name = organisation.document.name;
  return (
    <>
      <Breadcrumb href={localePath(locale, `/organisations/${slug}`)} label={name} current={t("correctionBreadcrumb")} />
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-brand-900">{t("correctionTitle", { name })}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("correctionIntro")}</p>
      <SuggestionForm organisation={{ id, document: organisation.document }} locale={locale} />
    </>
  );
}
