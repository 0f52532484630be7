import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/validation/search";
import { matchCap, pageSize } from "./limits";
import { noStats, scanIsCheaper, type TableStats } from "./statistics";
import type { Corrected } from "./typos";

/** "similar" when no organisation has all the words and names that resemble them are shown. */
export type Mode = "words" | "similar";
type Filters = { q: string; country?: string; kind?: OrganisationKind; corrected?: Corrected };

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

/** A hit as the statement returns it (named and summarised by `searchOrganisations`). */
type HitRow = { id: string; slug: string; name: string; acronym: string | null; kind: string; description: string; countryCodes: string[] | null };

// The country codes on the row itself, in the organisation's order (its first, default country
// first): named here from `countryNames()`, no lookup per hit in the statement.
const hitColumns = Prisma.sql`r.id, r.slug, r.name, r.acronym, r.kind::text AS kind, r.description, r."countryCodes"`;

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

export type SearchRow = {
  total: bigint;
  hits: HitRow[];
  countryMatched: bigint;
  countryFacets: { code: string; count: number }[];
  kindMatched: bigint;
  kindFacets: { kind: string; count: number }[];
};
