import { permanentRedirect } from "next/navigation";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { setRequestLocale } from "next-intl/server";
import { getCountry } from "@/lib/data/countries";
import { localePath, type Locale } from "@/lib/i18n/locales";

export const revalidate = 3600;

type Props = { params: Promise<{ locale: Locale; code: string; page: string }> };

export async function generateStaticParams() {
  return [];
}

/**
 * The former numbered pages (/en/countries/be/page/2): pages are now addressed by the organisation
 * they start from, and a number no longer names the same organisations from one day to the next,
 * so an old link leads to the country's first page.
 */
export default async function FormerCountryPage({ params }: Props) {
  const { locale, code, page } = await params;
  setRequestLocale(locale);
  const country = code === code.toLowerCase() ? await getCountry(code) : null;
  // Page numbers were from 2 up (page 1 lived at /countries/<code>).
  if (!country || !/^[1-9]\d{0,5}$/.test(page) || page === "1") return <StaticNotFound locale={locale} />;
  permanentRedirect(localePath(locale, `/countries/${code}`));
}
