import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Document } from "@/components/layout/document";
import { EnglishPage } from "@/components/layout/english-page";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { isLocale, languageName, locales, routedLocales } from "@/lib/i18n/locales";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

// Every language's pages are rendered on their first request and cached (a build reads no database).
export function generateStaticParams() {
  return routedLocales.map((locale) => ({ locale }));
}

const openGraphLocales: Record<string, string> = { en: "en_GB", fr: "fr_FR", nl: "nl_BE", de: "de_DE", it: "it_IT", es: "es_ES", ro: "ro_RO" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Site" });
  const name = t("name");
  return {
    // Absolute: the root layout's English template does not wrap a language's own name.
    title: { absolute: name, template: `%s · ${name}` },
    description: t("description"),
    openGraph: { siteName: name, type: "website", locale: openGraphLocales[locale], title: name, description: t("description") },
  };
}

/** The public pages of one language (`/fr/…`): the document in that language, its header with the language switch, and its footer. */
export default async function PublicLayout({ children, params }: Props) {
  const { locale } = await params;
  // An address under no language of the directory's (/xx/organisations/…): "Page not found" in
  // English with a 404, as a page of the site (notFound() here would answer a blank document).
  if (!isLocale(locale)) {
    return (
      <EnglishPage>
        <StaticNotFound locale="en" />
      </EnglishPage>
    );
  }
  // Keeps the page statically rendered (ISR) while next-intl knows its language.
  setRequestLocale(locale);
  const t = await getTranslations("Site");
  const labels = { brand: t("brand"), brandSuffix: t("brandSuffix"), navigation: t("mainNavigation"), search: t("search"), suggest: t("suggest"), skipLink: t("skipLink") };
  const names = Object.fromEntries(locales.map((each) => [each, languageName(each)]));
  return (
    <Document lang={locale}>
      <SiteHeader locale={locale} labels={labels} languages={<LanguageSwitch current={locale} names={names} label={t("languages")} />} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter text={t("footer")} />
    </Document>
  );
}
