import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
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
 * organisations, and ranking or counting all of them cannot be fast. The page says so. 200 rather
 * than 1,000 halves the time of one-word searches at a million rows (docs/performance.md).
 */
export const matchCap = 200;

type Mode = "words" | "similar";
/** `corrected`: in "similar" mode, the typo fallback's tsquery (`correctedQuery`). */
type Filters = { q: string; country?: string; kind?: OrganisationKind; corrected?: string };
/** Share of organisations whose search document holds a lexeme, for PostgreSQL's most common ones. */
export type LexemeShares = ReadonlyMap<string, number>;

const noShares: LexemeShares = new Map();
let shares = { loadedAt: 0, value: noShares };

/**
 * The most common lexemes of the search documents and the share of organisations holding each,
 * from PostgreSQL's own statistics (`pg_stats.most_common_elems`, kept by ANALYZE), read at most
 * every ten minutes. Lexemes missing from them are rarer than every one listed.
 */
export async function lexemeShares(): Promise<LexemeShares> {
  if (Date.now() - shares.loadedAt < 10 * 60_000) return shares.value;
  const [row] = await db.$queryRaw<{ elems: string[] | null; freqs: number[] | null }[]>`
    SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'Organisation' AND attname = 'search'`;
  const value = new Map((row?.elems ?? []).map((lexeme, index) => [lexeme, row!.freqs![index]]));
  // No statistics yet (a new database before ANALYZE): asked again at the next search.
  if (value.size) shares = { loadedAt: Date.now(), value };
  return value;
}

/** At or above this estimated share of matching organisations, reading the table in order finds the capped candidates sooner than the index. */
const scanShare = 0.02;

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
 * The share of organisations expected to match all the words (and the country), assuming the
 * words occur independently, or null when the query uses operators (quotes, "or", "-").
 * A word missing from the statistics is rare: the estimate is then 0.
 */
export function estimatedShare(q: string, country: string | undefined, known: LexemeShares): number | null {
  if (/["]|(^|\s)-|(^|\s)or(\s|$)/i.test(q)) return null;
  const words = queryWords(q);
  if (words.length === 0) return null;
  const lexemes = country ? [...words, country] : words;
  return lexemes.reduce((share, lexeme) => share * (known.get(lexeme) ?? 0), 1);
}

/**
 * The text condition. "words": full text over name, acronym and description (unaccented,
 * `simple` configuration). "similar": names and acronyms holding words that resemble the query's
 * (`correctedQuery`), used only when no organisation has all the words, for typos. Both use GIN
 * indexes.
 */
function textCondition(q: string, mode: Mode, known: LexemeShares, country?: string, corrected?: string) {
  if (mode === "similar") return corrected ? Prisma.sql`o.search @@ to_tsquery('simple', ${corrected})` : Prisma.sql`false`;
  // The country, when given, is an upper-case lexeme of the same document ('FR'): one GIN scan.
  const query = country
    ? Prisma.sql`(websearch_to_tsquery('simple', f_unaccent(${q})) && ${country}::tsquery)`
    : Prisma.sql`websearch_to_tsquery('simple', f_unaccent(${q}))`;
  // Words that many organisations share: the GIN index would have to collect every match (tens
  // of thousands of rows, 50 ms for two common words) before the first is returned, while the
  // table read in order yields the capped number of candidates in a few thousand rows. The
  // planner misjudges this for several correlated words, so the condition is then written in a
  // form the index cannot serve (coalesce), which leaves it the sequential scan that stops at
  // the cap (docs/performance.md).
  const share = estimatedShare(q, country, known);
  const document = share !== null && share >= scanShare ? Prisma.sql`coalesce(o.search, ''::tsvector)` : Prisma.sql`o.search`;
  return Prisma.sql`${document} @@ ${query}`;
}

/**
 * The typo fallback's query: each word of `q` replaced by the (up to three) dictionary words that
 * resemble it most (`SearchWord`, trigram similarity through its GIN index), to be looked for in names and acronyms
 * only (weight A): "tolerence" becomes `(tolerance:A | …)`. Words nothing resembles are left
 * out; null when none is left. One indexed lookup per word, in a dictionary of tens of thousands
 * of words, where comparing the query with a million names took 70 ms.
 */
export async function correctedQuery(q: string): Promise<string | null> {
  const words = [...new Set(queryWords(q))].slice(0, 8);
  const alternatives = await Promise.all(
    words.map(async (word) => {
      const rows = await db.$queryRaw<{ word: string }[]>`
        SELECT w.word FROM "SearchWord" w WHERE w.word % f_unaccent(${word}) ORDER BY similarity(w.word, f_unaccent(${word})) DESC, w.word LIMIT 3`;
      // Dictionary words are letters and digits only (split so when stored): safe in a tsquery.
      return rows.filter((row) => /^[\p{L}\p{N}]+$/u.test(row.word)).map((row) => `${row.word}:A`);
    }),
  );
  const found = alternatives.filter((list) => list.length > 0);
  return found.length ? found.map((list) => `(${list.join(" | ")})`).join(" & ") : null;
}

function where({ q, country, kind, corrected }: Filters, mode: Mode, known: LexemeShares, text = true) {
  const conditions = [Prisma.sql`o.status = 'published'`];
  const countryInText = Boolean(q && text && mode === "words" && country);
  if (q && text) conditions.push(textCondition(q, mode, known, countryInText ? country : undefined, corrected));
  // countryCodes mirrors OrganisationCountry and has a GIN index of its own.
  if (country && !countryInText) conditions.push(Prisma.sql`o."countryCodes" @> ARRAY[${country}]::text[]`);
  if (kind) conditions.push(Prisma.sql`o.kind = ${kind.toLowerCase()}::"OrganisationKind"`);
  return Prisma.join(conditions, " AND ");
}

/** Up to matchCap + 1 matches (id, name, acronym, country codes), always including exact name and acronym matches. */
function matches(filters: Filters, mode: Mode, known: LexemeShares) {
  const { q } = filters;
  const columns = Prisma.sql`o.id, o.name, o.acronym, o.kind, o."countryCodes"`;
  if (!q) return Prisma.sql`SELECT ${columns} FROM "Organisation" o WHERE ${where(filters, mode, known)} LIMIT ${matchCap + 1}`;
  return Prisma.sql`(SELECT ${columns} FROM "Organisation" o WHERE ${where(filters, mode, known)} LIMIT ${matchCap + 1})
    UNION
    (SELECT ${columns} FROM "Organisation" o WHERE ${where(filters, mode, known, false)}
      AND (f_unaccent(lower(o.name)) = f_unaccent(lower(${q})) OR f_unaccent(lower(o.acronym)) = f_unaccent(lower(${q})))
      LIMIT 100)`;
}

// Ranking: an exact name or acronym first, then how closely the name resembles the query (a
// name holding the query's words scores 1), then alphabetical. ts_rank over the whole document
// would read every candidate's description and cost ten times more at a million rows.
function rank(q: string) {
  return Prisma.sql`(CASE WHEN f_unaccent(lower(o.name)) = f_unaccent(lower(${q}))
      OR f_unaccent(lower(COALESCE(o.acronym, ''))) = f_unaccent(lower(${q})) THEN 10 ELSE 0 END)
    + word_similarity(f_unaccent(lower(${q})), f_unaccent(lower(o.name)))`;
}

type HitRow = Omit<SearchHit, "summary" | "kind" | "countries"> & { kind: string; description: string; countries: string[] | null };

// Country names in the organisation's order (its first, default country first), from the
// codes on the row itself: no lookup in OrganisationCountry per hit.
const hitColumns = Prisma.sql`r.id, r.slug, r.name, r.acronym, r.kind::text AS kind, r.description,
  ARRAY(SELECT c.name FROM unnest(r."countryCodes") WITH ORDINALITY AS u(code, position)
    JOIN "Country" c ON c.code = u.code ORDER BY u.position) AS countries`;

/**
 * The statement behind a search (exported for `npm run search:plans`, which EXPLAINs it): one
 * round trip that finds the candidates once per set of filters (the facets count within the other
 * filter, so each shows what choosing it would give) and returns the count, the page of hits and
 * both facets. `known`: the common lexemes' shares (`lexemeShares()`), which decide how common
 * words are read.
 */
export function searchStatements({ q, country, kind, page }: SearchParams, mode: Mode = "words", known: LexemeShares = noShares, corrected?: string) {
  const filters = { q, country, kind, corrected };
  const offset = (page - 1) * pageSize;
  // Without a country (or kind) filter, the facet's candidates are the search's own.
  const byCountry = country ? Prisma.sql`by_country` : Prisma.sql`found`;
  const byKind = kind ? Prisma.sql`by_kind` : Prisma.sql`found`;
  const extra = [
    country ? Prisma.sql`, by_country AS MATERIALIZED (${matches({ q, kind, corrected }, mode, known)})` : Prisma.empty,
    kind ? Prisma.sql`, by_kind AS MATERIALIZED (${matches({ q, country, corrected }, mode, known)})` : Prisma.empty,
  ];
  // With a query: rank the candidates (on name and acronym alone; the rest of the row is read for
  // one page). Without: alphabetical, straight from the listing index.
  const top = q
    ? Prisma.sql`SELECT o.id, ${rank(q)} AS rank, o.name FROM found o ORDER BY rank DESC, o.name, o.id LIMIT ${pageSize} OFFSET ${offset}`
    : Prisma.sql`SELECT o.id, 0 AS rank, o.name FROM "Organisation" o WHERE ${where(filters, mode, known)} ORDER BY o.name, o.id LIMIT ${pageSize} OFFSET ${offset}`;
  return {
    search: Prisma.sql`
      WITH found AS MATERIALIZED (${matches(filters, mode, known)}) ${extra[0]} ${extra[1]}
      SELECT
        (SELECT count(*) FROM found) AS total,
        (SELECT coalesce(json_agg(hit ORDER BY hit.rank DESC, hit.name, hit.id), '[]') FROM (
          SELECT ${hitColumns}, top.rank FROM (${top}) top JOIN "Organisation" r ON r.id = top.id) hit) AS hits,
        (SELECT count(*) FROM ${byCountry}) AS "countryMatched",
        (SELECT coalesce(json_agg(facet ORDER BY facet.count DESC, facet.name), '[]') FROM (
          SELECT c.code, c.name, count(*) AS count FROM ${byCountry} m
          CROSS JOIN unnest(m."countryCodes") AS mc(code) JOIN "Country" c ON c.code = mc.code
          GROUP BY c.code, c.name) facet) AS "countryFacets",
        (SELECT count(*) FROM ${byKind}) AS "kindMatched",
        (SELECT coalesce(json_agg(facet ORDER BY facet.count DESC), '[]') FROM (
          SELECT m.kind::text AS kind, count(*) AS count FROM ${byKind} m GROUP BY m.kind) facet) AS "kindFacets"`,
  };
}

type SearchRow = {
  total: bigint;
  hits: HitRow[];
  countryMatched: bigint;
  countryFacets: { code: string; name: string; count: number }[];
  kindMatched: bigint;
  kindFacets: { kind: string; count: number }[];
};

const noMatch: SearchRow = { total: 0n, hits: [], countryMatched: 0n, countryFacets: [], kindMatched: 0n, kindFacets: [] };

/** Published organisations matching the query and filters, best first, with facet counts. */
export async function searchOrganisations(params: SearchParams): Promise<SearchResult> {
  const known = params.q ? await lexemeShares() : noShares;
  const run = async (mode: Mode, corrected?: string) => (await db.$queryRaw<SearchRow[]>(searchStatements(params, mode, known, corrected).search))[0];
  let mode: Mode = "words";
  let found = await run(mode);
  if (Number(found.total) === 0 && /[\p{L}\p{N}]/u.test(params.q)) {
    mode = "similar";
    const corrected = await correctedQuery(params.q);
    found = corrected ? await run(mode, corrected) : noMatch;
  }
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
      countries: row.countries ?? [],
    })),
    total: Math.min(total, matchCap),
    capped,
    mode,
    page: params.page,
    pageCount,
    facets: {
      countries: found.countryFacets.map((facet) => ({ code: facet.code, name: facet.name, count: facetCount(found.countryMatched, facet.count) })),
      kinds: found.kindFacets.map((facet) => ({ kind: facet.kind.toUpperCase() as OrganisationKind, count: facetCount(found.kindMatched, facet.count) })),
    },
  };
}
