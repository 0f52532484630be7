import Link from "next/link";
import { OrganisationList } from "@/components/organisation/organisation-list";
import { listCountriesWithOrganisations } from "@/lib/data/countries";
import {
  countPublishedByKind,
  listRecentlyUpdated,
} from "@/lib/data/organisations";
import { SearchForm } from "@/components/search/search-form";
import { EuropeMap } from "@/components/map/europe-map";
import { isBuildPhase } from "@/lib/build-phase";
import { organisationKindLabels } from "@/lib/validation/labels";

export const revalidate = 300;

export default async function HomePage() {
  // A build prerenders this page without the database, for no one (lib/build-phase.ts).
  const [countries, kinds, recent] = isBuildPhase()
    ? [[], [], []]
    : await Promise.all([listCountriesWithOrganisations(), countPublishedByKind(), listRecentlyUpdated(10)]);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">
        PROVA directory
      </h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">
        Organisations across Europe that work to prevent radicalisation and
        violent extremism: projects, civil society, public authorities and
        networks, with what they do and how to reach them.
      </p>

      <div className="mt-6">
        <SearchForm />
      </div>

      <section aria-labelledby="countries-heading" className="mt-10">
        <h2 id="countries-heading" className="text-xl font-semibold">
          Browse by country
        </h2>
        {countries.length === 0 ? (
          <p className="mt-3 text-slate-600">
            No organisations are listed yet.
          </p>
        ) : (
          <>
            <div className="mt-4 max-w-3xl">
              <EuropeMap countries={countries} />
            </div>
            <ul className="mt-3 flex flex-wrap gap-2" role="list">
              {countries.map((country) => (
                <li key={country.code}>
                  <Link
                    href={`/countries/${country.code.toLowerCase()}`}
                    aria-label={`${country.name}, ${country.organisationCount} ${country.organisationCount === 1 ? "organisation" : "organisations"}`}
                    className="inline-block rounded-full border border-slate-300 px-4 py-1.5 hover:border-brand-600 hover:bg-brand-50"
                  >
                    {country.name}{" "}
                    <span className="text-slate-600">
                      ({country.organisationCount})
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {kinds.length > 0 ? (
        <section aria-labelledby="kinds-heading" className="mt-10">
          <h2 id="kinds-heading" className="text-xl font-semibold">
            Browse by kind of organisation
          </h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2" role="list">
            {kinds.map(({ kind, count }) => (
              <li key={kind}>
                <Link
                  href={`/search?kind=${kind.toLowerCase()}`}
                  className="text-brand-700 underline hover:no-underline"
                >
                  {organisationKindLabels[kind]}
                </Link>{" "}
                <span className="text-slate-600">({count})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading" className="mt-10">
          <h2 id="recent-heading" className="text-xl font-semibold">
            Recently updated
          </h2>
          <OrganisationList organisations={recent} headingLevel="h3" />
        </section>
      ) : null}
    </>
  );
}
