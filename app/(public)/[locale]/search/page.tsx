import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FacetList } from "@/components/search/facet-list";
import { Highlighted } from "@/components/search/highlighted";
import { SearchForm } from "@/components/search/search-form";
import { pageSize, searchOrganisations } from "@/lib/data/search";
import { countryNameIn, languageAlternates, localePath, type Locale } from "@/lib/i18n/locales";
import { searchParamsSchema, type SearchParams } from "@/lib/validation/search";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const { q } = searchParamsSchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: "Search" });
  return { title: q ? t("metaTitleQuery", { query: q }) : t("metaTitle"), robots: { index: false }, alternates: { languages: languageAlternates("/search") } };
}

function href(locale: Locale, params: SearchParams, change: Partial<SearchParams>) {
  const next = { ...params, page: 1, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.country) query.set("country", next.country.toLowerCase());
  if (next.kind) query.set("kind", next.kind.toLowerCase());
  if (next.page > 1) query.set("page", String(next.page));
  return localePath(locale, `/search?${query}`);
}

export default async function SearchPage({ params: route, searchParams }: Props) {
  const { locale } = await route;
  setRequestLocale(locale);
  const [t, kindLabel] = await Promise.all([getTranslations("Search"), getTranslations("Kinds")]);
  const params = searchParamsSchema.parse(await searchParams);
  const searched = Boolean(params.q || params.country || params.kind);
  const result = searched ? await searchOrganisations(params) : null;
  /** A facet's links: each option's (marked when chosen) and, once one is chosen, the way back to all. */
  const facetLinks = <Key extends "country" | "kind">(key: Key, facets: { value: NonNullable<SearchParams[Key]>; label: string; count: number | null }[]) => ({
    allHref: params[key] ? href(locale, params, { [key]: undefined }) : null,
    options: facets.map((facet) => ({ ...facet, href: href(locale, params, { [key]: facet.value }), current: params[key] === facet.value })),
  });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("title")}</h1>
      <div className="mt-4">
        <SearchForm locale={locale} defaultValue={params.q} />
      </div>
      {!result ? (
        <p className="mt-6 text-slate-700">{t("hint")}</p>
      ) : (
        <div className="mt-6 grid gap-8 md:grid-cols-[14rem_1fr]">
          <nav aria-label={t("filters")} className="text-sm">
            <FacetList
              title={t("country")}
              allLabel={t("allCountries")}
              {...facetLinks("country", result.facets.countries.map((facet) => ({ value: facet.code, label: countryNameIn(locale, facet.code, facet.name), count: facet.count })))}
            />
            <FacetList
              title={t("kind")}
              allLabel={t("allKinds")}
              {...facetLinks("kind", result.facets.kinds.map((facet) => ({ value: facet.kind, label: kindLabel(facet.kind), count: facet.count })))}
            />
          </nav>
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {result.total === 0 ? t("none") : result.capped ? t("moreThan", { count: result.total }) : t("found", { count: result.total })}
            </h2>
            {result.mode === "similar" && result.total > 0 ? (
              <p className="mt-1 text-slate-700">{t("similar")}</p>
            ) : null}
            {result.capped ? (
              <p className="mt-1 text-slate-700">{t("capped", { count: result.total })}</p>
            ) : null}
            {result.total === 0 ? (
              <p className="mt-2 text-slate-700">
                {t.rich("noneHelp", {
                  link: (chunks) => (
                    <Link href={localePath(locale, "/")} className="text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : (
              <ol className="divide-y divide-slate-200" start={(result.page - 1) * pageSize + 1}>
                {result.hits.map((hit) => (
                  <li key={hit.id} className="py-4">
                    <h3 className="text-lg font-semibold text-brand-900">
                      <Link href={localePath(locale, `/organisations/${hit.slug}`)} className="underline-offset-2 hover:underline">
                        <Highlighted text={hit.name} query={params.q} />
                        {hit.acronym ? (
                          <span className="font-normal text-slate-600">
                            {" "}
                            (<Highlighted text={hit.acronym} query={params.q} />)
                          </span>
                        ) : null}
                      </Link>
                    </h3>
                    <p className="text-sm text-slate-600">
                      {kindLabel(hit.kind)} · {hit.countryCodes.map((code, index) => countryNameIn(locale, code, hit.countries[index])).join(", ")}
                    </p>
                    {hit.summary ? (
                      <p className="mt-1 text-slate-800">
                        <Highlighted text={hit.summary} query={params.q} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {result.pageCount > 1 ? (
              <nav aria-label={t("pages")} className="mt-6 flex items-center gap-4">
                {result.page > 1 ? (
                  <Link href={href(locale, params, { page: result.page - 1 })} rel="prev" prefetch={false} className="text-brand-700 underline">
                    {t("previous")}
                  </Link>
                ) : null}
                <span>{t("pageOf", { page: result.page, pages: result.pageCount })}</span>
                {result.page < result.pageCount ? (
                  <Link href={href(locale, params, { page: result.page + 1 })} rel="next" prefetch={false} className="text-brand-700 underline">
                    {t("next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
