import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CountryListing } from "@/components/organisation/country-listing";
import { getCountry } from "@/lib/data/countries";
import { countryNameIn, languageAlternates, localePath, type Locale } from "@/lib/i18n/locales";

export const revalidate = 3600;

type Props = { params: Promise<{ locale: Locale; code: string }> };

// Rendered on first request, then served from the ISR cache (a build reads no database).
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const country = await getCountry(code);
  const t = await getTranslations({ locale, namespace: "Country" });
  if (!country) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  const name = countryNameIn(locale, country.code, country.name);
  const title = t("title", { country: name });
  const description = t("description", { country: name });
  const path = `/countries/${country.code.toLowerCase()}`;
  return { title, description, alternates: { canonical: localePath(locale, path), languages: languageAlternates(path) }, openGraph: { title, description } };
}

export default async function CountryPage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  return <CountryListing code={code} locale={locale} />;
}
