import "server-only";
import { db } from "@/lib/db";
import { listCountries } from "@/lib/data/countries";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";
import { summarise } from "@/lib/text";
import { SearchResultCache } from "@/lib/search-result-cache.js";
import { normaliseQuery, searchKey, type SearchParams } from "@/lib/validation/search";
import { matchCap, pageSize } from "./limits";
import { searchStatements, type Mode, type SearchRow } from "./statements";
import { noStats, tableStats } from "./statistics";
import { correctedQuery, type Corrected } from "./typos";
import { searchStamp, searchUnchangedSince } from "./validity";

// Search's public entry: importers use "@/lib/data/search".
export { matchCap, pageSize } from "./limits";
export { searchStatements } from "./statements";
export { scanIsCheaper, tableStats, type TableStats } from "./statistics";
export { correctedQuery, correctionStatements, type Corrected } from "./typos";

export type SearchHit = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  summary: string;
  /** Country names, the organisation's first (default) country first. */
  countries: string[];
  /** Their codes, in the same order (a page in another language names them itself). */
  countryCodes: string[];
};

export type SearchResult = {
  hits: SearchHit[];
  /** Matches, counted up to `matchCap`; `capped` when there are more. */
  total: number;
  capped: boolean;
  /** "similar" when no organisation has all the words and names that resemble them are shown. */
  mode: Mode;
  page: number;
  pageCount: number;
  facets: {
    countries: { code: string; name: string; count: number | null }[];
    kinds: { kind: OrganisationKind; count: number | null }[];
  };
};

let names = { loadedAt: 0, value: new Map<string, string>() };

/**
 * Country names by code, read at most every ten minutes (46 rows of reference data, changed only
 * by migrations). Naming the hits' and facets' countries in the statement cost a join per hit, a
 * millisecond of each search.
 */
async function countryNames(codes: Iterable<string>): Promise<ReadonlyMap<string, string>> {
  const fresh = Date.now() - names.loadedAt < 10 * 60_000;
  // Read again when a code is missing: a country added since (the seed adds them at run time).
  if (fresh && [...codes].every((code) => names.value.has(code))) return names.value;
  const value = new Map((await listCountries.uncached()).map((country) => [country.code, country.name]));
  names = { loadedAt: value.size ? Date.now() : 0, value };
  return value;
}

const noMatch: SearchRow = { total: 0n, hits: [], countryMatched: 0n, countryFacets: [], kindMatched: 0n, kindFacets: [] };

// One per process (Next may load this module from more than one bundle), so on globalThis.
const cacheKey = Symbol.for("prova.searchResultCache");
const processState = globalThis as { [cacheKey]?: SearchResultCache<SearchResult, number> };

/**
 * Results of repeated searches, per instance: at most 2,000 of them within 16 MB (a page of
 * results is 10-30 KB here), each for 30 s at most and only while none of the tags search results
 * depend on (`searchResultTags`) was invalidated since it was read, here or on another instance:
 * a change shows in search as it shows on the pages it changes.
 */
export const searchResults = (processState[cacheKey] ??= new SearchResultCache<SearchResult, number>({
  maxEntries: 2_000,
  maxBytes: 16 * 2 ** 20,
  ttlMs: 30_000,
  stamp: searchStamp,
  stillValid: searchUnchangedSince,
}));

/**
 * Published organisations matching the query and filters, best first, with facet counts; the
 * same search (`searchKey`: the query normalised) answered from `searchResults` while valid. The
 * result is shared: callers must not change it.
 */
export async function searchOrganisations(params: SearchParams): Promise<SearchResult> {
  const normalised = { ...params, q: normaliseQuery(params.q) };
  return searchResults.get(searchKey(normalised), () => readSearch(normalised));
}

const countryOrder = new Intl.Collator("en");

async function readSearch(params: SearchParams): Promise<SearchResult> {
  const known = params.q ? await tableStats() : noStats;
  const run = async (mode: Mode, corrected?: Corrected) => (await db.$queryRaw<SearchRow[]>(searchStatements(params, mode, known, corrected).search))[0];
  let mode: Mode = "words";
  let found = await run(mode);
  if (Number(found.total) === 0 && /[\p{L}\p{N}]/u.test(params.q)) {
    mode = "similar";
    const corrected = await correctedQuery(params.q);
    found = corrected ? await run(mode, corrected) : noMatch;
  }
  const named = await countryNames(new Set([...found.hits.flatMap((hit) => hit.countryCodes ?? []), ...found.countryFacets.map((facet) => facet.code)]));
  // A code without a country (none: countries are never deleted while organisations use them) is left out.
  const countryName = (code: string) => (named.has(code) ? [named.get(code)!] : []);
  const total = Number(found.total);
  const capped = total > matchCap;
  const pageCount = Math.max(1, Math.ceil(Math.min(total, matchCap) / pageSize));
  const rows = params.page <= pageCount ? found.hits : [];
  // A facet computed from a capped set of candidates shows which values occur, not how often.
  const facetCount = (matched: bigint, count: number) => (Number(matched) > matchCap ? null : Number(count));
  return {
    hits: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      acronym: row.acronym,
      kind: row.kind.toUpperCase() as OrganisationKind,
      summary: summarise(row.description),
      countries: (row.countryCodes ?? []).flatMap((code) => countryName(code)),
      countryCodes: (row.countryCodes ?? []).filter((code) => countryName(code).length > 0),
    })),
    total: Math.min(total, matchCap),
    capped,
    mode,
    page: params.page,
    pageCount,
    facets: {
      countries: found.countryFacets
        .flatMap((facet) => countryName(facet.code).map((name) => ({ code: facet.code, name, count: facet.count })))
        .sort((a, b) => b.count - a.count || countryOrder.compare(a.name, b.name))
        .map((facet) => ({ ...facet, count: facetCount(found.countryMatched, facet.count) })),
      kinds: found.kindFacets.map((facet) => ({ kind: facet.kind.toUpperCase() as OrganisationKind, count: facetCount(found.kindMatched, facet.count) })),
    },
  };
}
