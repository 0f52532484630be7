import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrganisationList } from "@/components/organisation/organisation-list";
import { getCountry, listCountriesWithOrganisations } from "@/lib/data/countries";
import { listPublishedByCountry } from "@/lib/data/organisations";

export const revalidate = 300;

type Props = { params: Promise<{ code: string }> };

export async function generateStaticParams() {
  const countries = await listCountriesWithOrganisations();
  return countries.map((country) => ({ code: country.code.toLowerCase() }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).code);
  if (!country) return {};
  return {
    title: `Organisations in ${country.name}`,
    description: `Organisations in ${country.name} that work to prevent radicalisation and violent extremism.`,
  };
}

export default async function CountryPage({ params }: Props) {
  const { code } = await params;
  // Only the lower-case form is the page's address; /countries/BE is not a second copy of it.
  const country = code === code.toLowerCase() ? await getCountry(code) : null;
  if (!country) notFound();
  const organisations = await listPublishedByCountry(country.code);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">Organisations in {country.name}</h1>
      <p className="mt-2 text-slate-600">
        {organisations.length === 1 ? "1 organisation" : `${organisations.length} organisations`}
        {organisations.length > 0 ? (
          <>
            {" · "}
            <Link href={`/search?country=${country.code.toLowerCase()}`} className="text-brand-700 underline hover:no-underline">
              Filter by kind or search within {country.name}
            </Link>
          </>
        ) : null}
      </p>
      {organisations.length === 0 ? (
        <p className="mt-6 text-slate-700">No organisations in {country.name} are listed yet.</p>
      ) : (
        <OrganisationList organisations={organisations} />
      )}
    </>
  );
}
