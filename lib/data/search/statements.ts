import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { listCountries } from "@/lib/data/countries";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";
import { summarise } from "@/lib/text";
import type { SearchParams } from "@/lib/validation/search";

export const pageSize = 20;

export type SearchHit = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  summary: string;
  /** Country names, the organisation's first (default) country first. */
  countries: string[];
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

/**
 * Past this many matches a search stops counting and ranks only a first set of candidates (plus
 * every exact name or acronym match): common words match a large share of a million
 * organisations, and ranking or counting all of them cannot be fast. The page says so. Each step
 * down (1,000, 200, 100) cut the time of searches for common words at a million rows by about
 * as much as it cut the candidates (docs/performance.md); five pages of twenty remain.
 */
export const matchCap = 100;

type Mode = "words" | "similar";
/** The typo fallback's tsqueries (`correctedQuery`): `any` finds the candidates, `best` ranks them. */
export type Corrected = { any: string; best: string };
type Filters = { q: string; country?: string; kind?: OrganisationKind; corrected?: Corrected };
/**
 * What the search knows of the table: how many organisations it holds and, for PostgreSQL's most
 * common lexemes of their search documents, the share of organisations holding each.
 */
export type TableStats = { rows: number; shares: ReadonlyMap<string, number> };

const noStats: TableStats = { rows: 0, shares: new Map() };
let stats = { loadedAt: 0, value: noStats };

/**
 * The table's size and most common lexemes from PostgreSQL's own statistics (`pg_class.reltuples`,
 * `pg_stats.most_common_elems`, kept by ANALYZE), read at most every ten minutes. Lexemes missing
 * from them are rarer than every one listed.
 */
export async function tableStats(): Promise<TableStats> {
  if (Date.now() - stats.loadedAt < 10 * 60_000) return stats.value;
  const [row] = await db.$queryRaw<{ rows: number; elems: string[] | null; freqs: number[] | null }[]>`
    SELECT c.reltuples::float8 AS rows, s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs
    FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'Organisation' AND s.attname = 'search'
    WHERE c.oid = '"Organisation"'::regclass`;
  const shares = new Map((row?.elems ?? []).map((lexeme, index) => [lexeme, row!.freqs![index]]));
  const value = { rows: Math.max(0, row?.rows ?? 0), shares };
  // No statistics yet (a new database before ANALYZE): asked again at the next search.
  if (shares.size) stats = { loadedAt: Date.now(), value };
  return value;
}

/** The words of a query as the search document holds them: unaccented, lower-case, letters and digits. */
function queryWords(q: string): string[] {
  return q
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Relative costs, measured at a million organisations (docs/performance.md, "Sixth round"): reading
 * one row of the table and testing its document; reading one organisation of a country's list
 * (an index entry, then its row by primary key); decoding one entry of a lexeme's list in the GIN
 * index; adding one match to the index scan's bitmap.
 */
const cost = { row: 1, countryRow: 3, posting: 0.07, match: 0.25 };

/**
 * Whether reading organisations in order (the table, or with a country that country's list of
 * organisations: `matches`) finds the capped candidates sooner than the GIN index. The index has
 * to decode the whole list of every word (and the country) and collect every match before the
 * first is returned: for common words, tens of thousands of entries (50 ms for two words at a
 * million rows). Read in order, it stops at the cap: about cap / share rows, the share of the
 * words among the organisations read. Shares come from the statistics, the words assumed
 * independent (which underestimates the share of related words, so leans towards the index); a
 * word missing from them is rare and the index wins. Null when the query uses operators (quotes,
 * "or", "-"): PostgreSQL decides.
 */
export function scanIsCheaper(q: string, country: string | undefined, { rows, shares }: TableStats): boolean | null {
  if (/["]|(^|\s)-|(^|\s)or(\s|$)/i.test(q)) return null;
  const words = queryWords(q);
  if (words.length === 0) return null;
  // A word missing from the statistics is rare: the index wins. A country missing from them is a
  // small one, which its own list reads best: counted as common as the least common lexeme listed.
  const least = Math.min(1, ...shares.values());
  const shareOf = (lexeme: string) => shares.get(lexeme) ?? (lexeme === country ? least : 0);
  const share = (lexemes: string[]) => lexemes.reduce((product, lexeme) => product * shareOf(lexeme), 1);
  const lexemes = country ? [...words, country] : words;
  const wordShare = share(words);
  if (wordShare === 0) return false;
  const index = rows * (lexemes.reduce((sum, lexeme) => sum + shareOf(lexeme), 0) * cost.posting + share(lexemes) * cost.match);
  const ordered = ((matchCap + 1) / wordShare) * (country ? cost.countryRow : cost.row);
  return ordered < index;
}

/**
 * The text condition. "words": full text over name, acronym and description (unaccented,
 * `simple` configuration). "similar": names and acronyms holding words that resemble the query's
 * (`correctedQuery`), used only when no organisation has all the words, for typos. Both use GIN
 * indexes.
 */
function textCondition(q: string, mode: Mode, scan: boolean, country?: string, corrected?: Corrected) {
  if (mode === "similar") return corrected ? Prisma.sql`o.search @@ to_tsquery('simple', ${corrected.any})` : Prisma.sql`false`;
  // The country, when given, is an upper-case lexeme of the same document ('FR'): one GIN scan.
  const query = country
    ? Prisma.sql`(websearch_to_tsquery('simple', f_unaccent(${q})) && ${country}::tsquery)`
    : Prisma.sql`websearch_to_tsquery('simple', f_unaccent(${q}))`;
  // Words that many organisations share (`scanIsCheaper`): the planner misjudges this for
  // several correlated words, so the condition is then written in a form the index cannot serve
  // (coalesce), which leaves it the sequential scan that stops at the cap (docs/performance.md).
  const document = scan ? Prisma.sql`coalesce(o.search, ''::tsvector)` : Prisma.sql`o.search`;
  return Prisma.sql`${document} @@ ${query}`;
}

/** The dictionary lookups of `correctedQuery`, one per distinct word of `q` (at most eight; exported for `npm run search:plans`). */
export function correctionStatements(q: string) {
  return [...new Set(queryWords(q))]
    .slice(0, 8)
    .map(
      (word) =>
        Prisma.sql`SELECT w.word FROM "SearchWord" w WHERE w.word % f_unaccent(${word}) ORDER BY similarity(w.word, f_unaccent(${word})) DESC, w.word LIMIT 3`,
    );
}

/**
 * The typo fallback's queries: each word of `q` replaced by the (up to three) dictionary words that
 * resemble it most (`SearchWord`, trigram similarity through its GIN index), to be looked for in
 * names and acronyms only (weight A). `any` holds every alternative ("tolerence" becomes
 * `(tolerance:A | tolera:A | …)`) and finds the candidates; `best` only the closest of each word
 * (`tolerance:A`) and ranks the names holding them first. Words nothing resembles are left out;
 * null when none is left. One indexed lookup per word, in a dictionary of tens of thousands of
 * words, where comparing the query with a million names took 70 ms.
 */
export async function correctedQuery(q: string): Promise<Corrected | null> {
  const alternatives = await Promise.all(
    correctionStatements(q).map(async (statement) => {
      const rows = await db.$queryRaw<{ word: string }[]>(statement);
      // Dictionary words are letters and digits only (split so when stored): safe in a tsquery.
      return rows.filter((row) => /^[\p{L}\p{N}]+$/u.test(row.word)).map((row) => `${row.word}:A`);
    }),
  );
  const found = alternatives.filter((list) => list.length > 0);
  if (found.length === 0) return null;
  return { any: found.map((list) => `(${list.join(" | ")})`).join(" & "), best: found.map((list) => list[0]).join(" & ") };
}

/**
 * Whether the candidates come from the country's list of organisations rather than the table:
 * with a country and no words, or words common enough to be read in order. The country's list
 * (OrganisationCountry by country, in id order) holds only its organisations, where reading the
 * table in order tested every organisation's countries first: `prevention` in France read ~9,500
 * rows to find 101 (10–13 ms), the list 1,136 (~5 ms).
 */
function fromCountryList({ q, country }: Filters, mode: Mode, known: TableStats) {
  return Boolean(country) && (!q || (mode === "words" && scanIsCheaper(q, country, known) === true));
}

function where({ q, country, kind, corrected }: Filters, mode: Mode, known: TableStats, text = true, countryList = false) {
  const conditions = [Prisma.sql`o.status = 'published'`];
  const words = Boolean(q && text && mode === "words");
  // The country goes into the text condition when the GIN index serves it (one index scan); a
  // scan of the table tests it on the row's codes.
  const scan = words && scanIsCheaper(q, country, known) === true;
  const countryInText = words && !scan && Boolean(country);
  // countryCodes mirrors OrganisationCountry and has a GIN index of its own. Tested before the
  // text (PostgreSQL keeps the written order of conditions that cost the same): most rows fail it.
  if (country && !countryInText && !countryList) conditions.push(Prisma.sql`o."countryCodes" @> ARRAY[${country}]::text[]`);
  if (q && text) conditions.push(textCondition(q, mode, scan, countryInText ? country : undefined, corrected));
  if (kind) conditions.push(Prisma.sql`o.kind = ${kind.toLowerCase()}::"OrganisationKind"`);
  return Prisma.join(conditions, " AND ");
}

/**
 * What ranks a candidate, taken while its row is read (no second pass over the candidates): its
 * name or acronym holding every word of the query (the corrected words in "similar" mode), then
 * ts_rank over its whole document. Both read the document's lexemes only; comparing the query
 * with each name by trigram similarity cost ten times more (docs/performance.md).
 */
function rankColumns({ q, corrected }: Filters, mode: Mode) {
  const query =
    mode === "similar" ? Prisma.sql`to_tsquery('simple', ${corrected?.best ?? ""})` : Prisma.sql`websearch_to_tsquery('simple', f_unaccent(${q}))`;
  return Prisma.sql`ts_filter(o.search, '{a}') @@ ${query} AS in_name, ts_rank(o.search, ${query}) AS score`;
}

/**
 * Up to matchCap + 1 matches (id, name, acronym, kind, country codes), always including exact name
 * and acronym matches (marked `exact`); with a query and `ranked`, what ranks them.
 */
function matches(filters: Filters, mode: Mode, known: TableStats, ranked = false) {
  const { q } = filters;
  const columns = Prisma.sql`o.id, o.name, o.acronym, o.kind, o."countryCodes"`;
  const countryList = fromCountryList(filters, mode, known);
  const conditions = where(filters, mode, known, true, countryList);
  // The country's list is read first and each organisation looked up by primary key until the cap
  // is reached: OFFSET 0 keeps both subqueries apart, so that PostgreSQL cannot turn this into a
  // join that hashes the whole list first (123,000 entries for France, 63 ms).
  const found = (extra: Prisma.Sql) =>
    countryList
      ? Prisma.sql`SELECT m.* FROM (SELECT oc."organisationId" FROM "OrganisationCountry" oc WHERE oc."countryCode" = ${filters.country}::bpchar OFFSET 0) oc
          CROSS JOIN LATERAL (SELECT ${columns} ${extra} FROM "Organisation" o WHERE o.id = oc."organisationId" AND ${conditions} OFFSET 0) m
          LIMIT ${matchCap + 1}`
      : Prisma.sql`SELECT ${columns} ${extra} FROM "Organisation" o WHERE ${conditions} LIMIT ${matchCap + 1}`;
  if (!q) return found(Prisma.empty);
  const rank = ranked ? Prisma.sql`, ${rankColumns(filters, mode)}` : Prisma.empty;
  // An exact match is usually among the text's matches too: kept once, marked exact.
  return Prisma.sql`SELECT DISTINCT ON (m.id) m.* FROM (
      (${found(Prisma.sql`, false AS exact ${rank}`)})
      UNION ALL
      (SELECT ${columns}, true AS exact ${rank} FROM "Organisation" o WHERE ${where(filters, mode, known, false)}
        AND (f_unaccent(lower(o.name)) = f_unaccent(lower(${q})) OR f_unaccent(lower(o.acronym)) = f_unaccent(lower(${q})))
        LIMIT ${matchCap})) m
    ORDER BY m.id, m.exact DESC`;
}

type HitRow = Omit<SearchHit, "summary" | "kind" | "countries"> & { kind: string; description: string; countryCodes: string[] | null };

// The country codes on the row itself, in the organisation's order (its first, default country
// first): named here from `countryNames()`, no lookup per hit in the statement.
const hitColumns = Prisma.sql`r.id, r.slug, r.name, r.acronym, r.kind::text AS kind, r.description, r."countryCodes"`;

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

/**
 * The statement behind a search (exported for `npm run search:plans`, which EXPLAINs it): one
 * round trip that finds the candidates once per set of filters (the facets count within the other
 * filter, so each shows what choosing it would give) and returns the count, the page of hits and
 * both facets. `known`: the table's statistics (`tableStats()`), which decide how common words are
 * read.
 */
export function searchStatements({ q, country, kind, page }: SearchParams, mode: Mode = "words", known: TableStats = noStats, corrected?: Corrected) {
  const filters = { q, country, kind, corrected };
  const offset = (page - 1) * pageSize;
  // Without a country (or kind) filter, the facet's candidates are the search's own.
  const byCountry = country ? Prisma.sql`by_country` : Prisma.sql`found`;
  const byKind = kind ? Prisma.sql`by_kind` : Prisma.sql`found`;
  const extra = [
    country ? Prisma.sql`, by_country AS MATERIALIZED (${matches({ q, kind, corrected }, mode, known)})` : Prisma.empty,
    kind ? Prisma.sql`, by_kind AS MATERIALIZED (${matches({ q, country, corrected }, mode, known)})` : Prisma.empty,
  ];
  // With a query: an exact name or acronym first, then names holding the words, then the rest by
  // ts_rank, then alphabetical (the rest of the row is read for one page). Without: alphabetical,
  // straight from the listing index.
  const order = q ? Prisma.sql`o.exact DESC, o.in_name DESC, o.score DESC, o.name, o.id` : Prisma.sql`o.name, o.id`;
  const source = q ? Prisma.sql`found o` : Prisma.sql`"Organisation" o WHERE ${where(filters, mode, known)}`;
  const top = Prisma.sql`SELECT o.id, row_number() OVER (ORDER BY ${order}) AS position FROM ${source} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`;
  return {
    search: Prisma.sql`
      WITH found AS MATERIALIZED (${matches(filters, mode, known, true)}) ${extra[0]} ${extra[1]}
      SELECT
        (SELECT count(*) FROM found) AS total,
        (SELECT coalesce(json_agg(hit ORDER BY hit.position), '[]') FROM (
          SELECT ${hitColumns}, top.position FROM (${top}) top JOIN "Organisation" r ON r.id = top.id) hit) AS hits,
        (SELECT count(*) FROM ${byCountry}) AS "countryMatched",
        (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT mc.code, count(*) AS count FROM ${byCountry} m CROSS JOIN unnest(m."countryCodes") AS mc(code) GROUP BY mc.code) facet) AS "countryFacets",
        (SELECT count(*) FROM ${byKind}) AS "kindMatched",
        (SELECT coalesce(json_agg(facet ORDER BY facet.count DESC), '[]') FROM (
          SELECT m.kind::text AS kind, count(*) AS count FROM ${byKind} m GROUP BY m.kind) facet) AS "kindFacets"`,
  };
}

type SearchRow = {
  total: bigint;
  hits: HitRow[];
  countryMatched: bigint;
  countryFacets: { code: string; count: number }[];
  kindMatched: bigint;
  kindFacets: { kind: string; count: number }[];
};

const noMatch: SearchRow = { total: 0n, hits: [], countryMatched: 0n, countryFacets: [], kindMatched: 0n, kindFacets: [] };

/** Published organisations matching the query and filters, best first, with facet counts. */
export async function searchOrganisations(params: SearchParams): Promise<SearchResult> {
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
    })),
    total: Math.min(total, matchCap),
    capped,
    mode,
    page: params.page,
    pageCount,
    facets: {
      countries: found.countryFacets
        .flatMap((facet) => countryName(facet.code).map((name) => ({ code: facet.code, name, count: facet.count })))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en"))
        .map((facet) => ({ ...facet, count: facetCount(found.countryMatched, facet.count) })),
      kinds: found.kindFacets.map((facet) => ({ kind: facet.kind.toUpperCase() as OrganisationKind, count: facetCount(found.kindMatched, facet.count) })),
    },
  };
}
