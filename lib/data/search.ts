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
type Filters = { q: string; country?: string; kind?: OrganisationKind };

/**
 * The text condition. "words": full text over name, acronym and description (unaccented,
 * `simple` configuration). "similar": names whose words resemble the query (trigram word
 * similarity), used only when no organisation has all the words, for typos. Both use GIN indexes.
 */
function textCondition(q: string, mode: Mode, country?: string) {
  if (mode === "similar") return Prisma.sql`f_unaccent(lower(o.name)) %> f_unaccent(lower(${q}))`;
  // The country, when given, is an upper-case lexeme of the same document ('FR'): one GIN scan.
  const query = country
    ? Prisma.sql`(websearch_to_tsquery('simple', f_unaccent(${q})) && ${country}::tsquery)`
    : Prisma.sql`websearch_to_tsquery('simple', f_unaccent(${q}))`;
  return Prisma.sql`o.search @@ ${query}`;
}

function where({ q, country, kind }: Filters, mode: Mode, text = true) {
  const conditions = [Prisma.sql`o.status = 'published'`];
  const countryInText = Boolean(q && text && mode === "words" && country);
  if (q && text) conditions.push(textCondition(q, mode, countryInText ? country : undefined));
  // countryCodes mirrors OrganisationCountry and has a GIN index of its own.
  if (country && !countryInText) conditions.push(Prisma.sql`o."countryCodes" @> ARRAY[${country}]::text[]`);
  if (kind) conditions.push(Prisma.sql`o.kind = ${kind.toLowerCase()}::"OrganisationKind"`);
  return Prisma.join(conditions, " AND ");
}

/** Up to matchCap + 1 matches (id, name, acronym, country codes), always including exact name and acronym matches. */
function matches(filters: Filters, mode: Mode) {
  const { q } = filters;
  const columns = Prisma.sql`o.id, o.name, o.acronym, o."countryCodes"`;
  if (!q) return Prisma.sql`SELECT ${columns} FROM "Organisation" o WHERE ${where(filters, mode)} LIMIT ${matchCap + 1}`;
  return Prisma.sql`(SELECT ${columns} FROM "Organisation" o WHERE ${where(filters, mode)} LIMIT ${matchCap + 1})
    UNION
    (SELECT ${columns} FROM "Organisation" o WHERE ${where(filters, mode, false)}
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

const hitColumns = Prisma.sql`r.id, r.slug, r.name, r.acronym, r.kind::text AS kind, r.description,
  (SELECT array_agg(c.name ORDER BY oc.position) FROM "OrganisationCountry" oc JOIN "Country" c ON c.code = oc."countryCode"
    WHERE oc."organisationId" = r.id) AS countries`;

/** The statements behind a search (exported for `npm run search:plans`, which EXPLAINs them). */
export function searchStatements({ q, country, kind, page }: SearchParams, mode: Mode = "words") {
  const filters = { q, country, kind };
  const offset = (page - 1) * pageSize;
  return {
    count: Prisma.sql`SELECT count(*) AS count FROM (${matches(filters, mode)}) m`,
    // With a query: rank the candidates. Without: alphabetical, straight from the name index.
    // Candidates are ranked on name and acronym alone; the rest of the row is read for one page.
    hits: q
      ? Prisma.sql`SELECT ${hitColumns} FROM (
          SELECT o.id, ${rank(q)} AS rank FROM (${matches(filters, mode)}) o
          ORDER BY rank DESC, o.name, o.id LIMIT ${pageSize} OFFSET ${offset}) top
        JOIN "Organisation" r ON r.id = top.id
        ORDER BY top.rank DESC, r.name, r.id`
      : Prisma.sql`SELECT ${hitColumns} FROM (
          SELECT o.id, o.slug, o.name, o.acronym, o.kind, o.description FROM "Organisation" o WHERE ${where(filters, mode)} ORDER BY o.name, o.id LIMIT ${pageSize} OFFSET ${offset}) r
        ORDER BY r.name, r.id`,
    // Facets count within the other filter, so each one shows what choosing it would give.
    countryFacets: Prisma.sql`
      WITH m AS MATERIALIZED (${matches({ q, kind }, mode)})
      SELECT c.code, c.name, count(*) AS count, (SELECT count(*) FROM m) AS matched
      FROM m
      CROSS JOIN unnest(m."countryCodes") AS mc(code)
      JOIN "Country" c ON c.code = mc.code
      GROUP BY c.code, c.name
      ORDER BY count DESC, c.name ASC`,
    kindFacets: Prisma.sql`
      WITH m AS MATERIALIZED (${matches({ q, country }, mode)})
      SELECT o.kind::text AS kind, count(*) AS count, (SELECT count(*) FROM m) AS matched
      FROM m JOIN "Organisation" o ON o.id = m.id
      GROUP BY o.kind
      ORDER BY count DESC`,
  };
}

async function count(statement: Prisma.Sql) {
  const [row] = await db.$queryRaw<{ count: bigint }[]>(statement);
  return Number(row.count);
}

/** Published organisations matching the query and filters, best first, with facet counts. */
export async function searchOrganisations(params: SearchParams): Promise<SearchResult> {
  let mode: Mode = "words";
  let total = await count(searchStatements(params, mode).count);
  if (total === 0 && /[\p{L}\p{N}]/u.test(params.q)) {
    mode = "similar";
    total = await count(searchStatements(params, mode).count);
  }
  const capped = total > matchCap;
  const pageCount = Math.max(1, Math.ceil(Math.min(total, matchCap) / pageSize));
  const statements = searchStatements(params, mode);
  const [rows, countryFacets, kindFacets] = await Promise.all([
    params.page <= pageCount ? db.$queryRaw<HitRow[]>(statements.hits) : Promise.resolve([]),
    db.$queryRaw<{ code: string; name: string; count: bigint; matched: bigint }[]>(statements.countryFacets),
    db.$queryRaw<{ kind: string; count: bigint; matched: bigint }[]>(statements.kindFacets),
  ]);
  // A facet computed from a capped set of candidates shows which values occur, not how often.
  const facetCount = (facet: { count: bigint; matched: bigint }) => (Number(facet.matched) > matchCap ? null : Number(facet.count));
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
      countries: countryFacets.map((facet) => ({ code: facet.code, name: facet.name, count: facetCount(facet) })),
      kinds: kindFacets.map((facet) => ({ kind: facet.kind.toUpperCase() as OrganisationKind, count: facetCount(facet) })),
    },
  };
}
