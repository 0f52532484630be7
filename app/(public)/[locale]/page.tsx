import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrganisationList } from "@/components/organisation/organisation-list";
import { listCountriesWithOrganisations } from "@/lib/data/countries";
import { countPublishedByKind, listRecentlyUpdated } from "@/lib/data/organisations";
import { SearchForm } from "@/components/search/search-form";
import { EuropeMap } from "@/components/map/europe-map";
import { isBuildPhase } from "@/lib/build-phase";
import { appUrl } from "@/lib/env";
import { compareIn, countryNameIn, languageAlternates, localePath, type Locale } from "@/lib/i18n/locales";

export const revalidate = 300;
// Only the languages (the layout's params): /no-such-page is the site's static "Page not found".
export const dynamicParams = false;

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { alternates: { canonical: `${appUrl()}${localePath(locale, "/")}`, languages: languageAlternates("/", appUrl()) } };
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, site, kindLabel, map] = await Promise.all([getTranslations("Home"), getTranslations("Site"), getTranslations("Kinds"), getTranslations("Map")]);
  // A build prerenders this page without the database, for no one (lib/build-phase.ts).
  const [listed, kinds, recent] = isBuildPhase()
    ? [[], [], []]
    : await Promise.all([listCountriesWithOrganisations(), countPublishedByKind(), listRecentlyUpdated(10)]);
  const countries = listed
    .map((country) => ({ ...country, name: countryNameIn(locale, country.code, country.name) }))
    .sort((a, b) => compareIn(locale)(a.name, b.name));
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{site("name")}</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">{t("intro")}</p>

      <div className="mt-6">
        <SearchForm locale={locale} />
      </div>

      <section aria-labelledby="countries-heading" className="mt-10">
        <h2 id="countries-heading" className="text-xl font-semibold">
          {t("byCountry")}
        </h2>
        {countries.length === 0 ? (
          <p className="mt-3 text-slate-600">{t("noCountries")}</p>
        ) : (
          <>
            <div className="mt-4 max-w-3xl">
              <EuropeMap
                countries={countries}
                labels={{ country: (country, count) => map("country", { country, count }), caption: map("caption"), none: map("none") }}
                countryHref={(code) => localePath(locale, `/countries/${code}`)}
              />
            </div>
            <ul className="mt-3 flex flex-wrap gap-2" role="list">
              {countries.map((country) => (
                <li key={country.code}>
                  <Link
                    href={localePath(locale, `/countries/${country.code.toLowerCase()}`)}
                    aria-label={t("countryLink", { country: country.name, count: country.organisationCount })}
                    className="inline-block rounded-full border border-slate-300 px-4 py-1.5 hover:border-brand-600 hover:bg-brand-50"
                  >
                    {country.name} <span className="text-slate-600">({country.organisationCount})</span>
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
            {t("byKind")}
          </h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2" role="list">
            {kinds.map(({ kind, count }) => (
              <li key={kind}>
                <Link href={localePath(locale, `/search?kind=${kind.toLowerCase()}`)} className="text-brand-700 underline hover:no-underline">
                  {kindLabel(kind)}
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
            {t("recent")}
          </h2>
          <OrganisationList organisations={recent} locale={locale} headingLevel="h3" />
        </section>
      ) : null}
    </>
  );
}
