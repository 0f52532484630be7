import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SuggestionForm } from "@/components/organisation-form/suggestion-page";
import { languageAlternates, type Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Suggest" });
  return { title: t("title"), robots: { index: false }, alternates: { languages: languageAlternates("/suggest") } };
}

// Rendered per request: the form carries a fresh signed stamp, and the page a fresh nonce.
export default async function ProposeOrganisationPage({ params }: Props) {
  await connection();
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Suggest");
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("intro")}</p>
      <SuggestionForm locale={locale} />
    </>
  );
}
