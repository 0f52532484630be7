import type { Metadata } from "next";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { CountryListing } from "@/components/organisation/country-listing";
import { getCountry } from "@/lib/data/countries";

export const revalidate = 3600;

type Props = { params: Promise<{ code: string; page: string }> };

// Later pages are rendered on first request and then cached like the first one.
export async function generateStaticParams() {
  return [];
}

/** Page numbers from 2 up; page 1 lives at /countries/<code>. */
function pageNumber(raw: string) {
  return /^[1-9]\d{0,5}$/.test(raw) && Number(raw) >= 2 ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code, page } = await params;
  const country = await getCountry(code);
  if (!country || !pageNumber(page)) return { title: "Page not found" };
  return { title: `Organisations in ${country.name}, page ${page}` };
}

export default async function CountryPageN({ params }: Props) {
  const { code, page } = await params;
  const number = pageNumber(page);
  if (!number) return <StaticNotFound />;
  return <CountryListing code={code} page={number} />;
}
