import type { Metadata } from "next";
import { CountryListing } from "@/components/organisation/country-listing";
import { getCountry } from "@/lib/data/countries";

export const revalidate = 3600;

type Props = { params: Promise<{ code: string }> };

// Rendered on first request, then served from the ISR cache (a build reads no database).
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).code);
  if (!country) return { title: "Page not found" };
  const title = `Organisations in ${country.name}`;
  const description = `Organisations in ${country.name} that work to prevent radicalisation and violent extremism.`;
  return { title, description, alternates: { canonical: `/countries/${country.code.toLowerCase()}` }, openGraph: { title, description } };
}

export default async function CountryPage({ params }: Props) {
  return <CountryListing code={(await params).code} />;
}
