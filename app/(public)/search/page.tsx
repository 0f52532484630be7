import type { Metadata } from "next";
import Link from "next/link";
import { FacetList } from "@/components/search/facet-list";
import { Highlighted } from "@/components/search/highlighted";
import { SearchForm } from "@/components/search/search-form";
import { pageSize, searchOrganisations } from "@/lib/data/search";
import { organisationKindLabels } from "@/lib/validation/labels";
import { searchParamsSchema, type SearchParams } from "@/lib/validation/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = searchParamsSchema.parse(await searchParams);
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false } };
}

function href(params: SearchParams, change: Partial<SearchParams>) {
  const next = { ...params, page: 1, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.country) query.set("country", next.country.toLowerCase());
  if (next.kind) query.set("kind", next.kind.toLowerCase());
  if (next.page > 1) query.set("page", String(next.page));
  return `/search?${query}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const params = searchParamsSchema.parse(await searchParams);
  const searched = Boolean(params.q || params.country || params.kind);
  const result = searched ? await searchOrganisations(params) : null;
  /** A facet's links: each option's (marked when chosen) and, once one is chosen, the way back to all. */
  const facetLinks = <Key extends "country" | "kind">(key: Key, facets: { value: NonNullable<SearchParams[Key]>; label: string; count: number | null }[]) => ({
    allHref: params[key] ? href(params, { [key]: undefined }) : null,
    options: facets.map((facet) => ({ ...facet, href: href(params, { [key]: facet.value }), current: params[key] === facet.value })),
  });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">Search the directory</h1>
      <div className="mt-4">
        <SearchForm defaultValue={params.q} />
      </div>
      {!result ? (
        <p className="mt-6 text-slate-700">Search by an organisation&apos;s name, acronym or what it does.</p>
      ) : (
        <div className="mt-6 grid gap-8 md:grid-cols-[14rem_1fr]">
          <nav aria-label="Filters" className="text-sm">
            <FacetList
              title="Country"
              allLabel="All countries"
              {...facetLinks("country", result.facets.countries.map((facet) => ({ value: facet.code, label: facet.name, count: facet.count })))}
            />
            <FacetList
              title="Kind of organisation"
              allLabel="All kinds"
              {...facetLinks("kind", result.facets.kinds.map((facet) => ({ value: facet.kind, label: organisationKindLabels[facet.kind], count: facet.count })))}
            />
          </nav>
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {result.total === 0
                ? "No organisations found"
                : result.capped
                  ? `More than ${result.total.toLocaleString("en-GB")} organisations found`
                  : `${result.total.toLocaleString("en-GB")} ${result.total === 1 ? "organisation" : "organisations"} found`}
            </h2>
            {result.mode === "similar" && result.total > 0 ? (
              <p className="mt-1 text-slate-700">No organisation has all of these words; these names look similar.</p>
            ) : null}
            {result.capped ? (
              <p className="mt-1 text-slate-700">
                Showing the best matches among the first {result.total.toLocaleString("en-GB")}. Add words, a country or a kind
                of organisation to narrow the search.
              </p>
            ) : null}
            {result.total === 0 ? (
              <p className="mt-2 text-slate-700">
                Check the spelling, use fewer words, or <Link href="/" className="text-brand-700 underline">browse by country</Link>.
              </p>
            ) : (
              <ol className="divide-y divide-slate-200" start={(result.page - 1) * pageSize + 1}>
                {result.hits.map((hit) => (
                  <li key={hit.id} className="py-4">
                    <h3 className="text-lg font-semibold text-brand-900">
                      <Link href={`/organisations/${hit.slug}`} className="underline-offset-2 hover:underline">
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
                      {organisationKindLabels[hit.kind]} · {hit.countries.join(", ")}
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
              <nav aria-label="Pages" className="mt-6 flex items-center gap-4">
                {result.page > 1 ? (
                  <Link href={href(params, { page: result.page - 1 })} rel="prev" prefetch={false} className="text-brand-700 underline">
                    Previous page
                  </Link>
                ) : null}
                <span>
                  Page {result.page} of {result.pageCount}
                </span>
                {result.page < result.pageCount ? (
                  <Link href={href(params, { page: result.page + 1 })} rel="next" prefetch={false} className="text-brand-700 underline">
                    Next page
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
