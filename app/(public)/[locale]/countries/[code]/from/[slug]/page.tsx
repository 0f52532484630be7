import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CountryListing } from "@/components/organisation/country-listing";
import { getCountry } from "@/lib/data/countries";
import { countryNameIn, languageAlternates, localePath, type Locale } from "@/lib/i18n/locales";

export const revalidate = 3600;

type Props = { params: Promise<{ locale: Locale; code: string; slug: string }> };

// Rendered on first request and then cached like the first page.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code, slug } = await params;
  const country = await getCountry(code);
  if (!country) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  const t = await getTranslations({ locale, namespace: "Country" });
  const path = `/countries/${code}/from/${slug}`;
  return {
    title: t("titleContinued", { country: countryNameIn(locale, country.code, country.name) }),
    alternates: { canonical: localePath(locale, path), languages: languageAlternates(path) },
  };
}

export default async function CountryPageFrom({ params }: Props) {
  const { locale, code, slug } = await params;
  setRequestLocale(locale);
  return <CountryListing code={code} from={slug} locale={locale} />;
}
