import type { Metadata } from "next";
import { CountryListing } from "@/components/organisation/country-listing";
import { getCountry } from "@/lib/data/countries";

export const revalidate = 3600;

type Props = { params: Promise<{ code: string; slug: string }> };

// Rendered on first request and then cached like the first page.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).code);
  if (!country) return { title: "Page not found" };
  return { title: `Organisations in ${country.name}, continued` };
}

export default async function CountryPageFrom({ params }: Props) {
  const { code, slug } = await params;
  return <CountryListing code={code} from={slug} />;
}
