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
  total: number;
  page: number;
  pageCount: number;
  facets: { countries: { code: string; name: string; count: number }[]; kinds: { kind: OrganisationKind; count: number }[] };
};

/**
 * The text condition: full-text match on name, acronym and description (unaccented, `simple`
 * configuration), or a name whose words resemble the query (trigram word similarity, for typos
 * and partial words). Both are served by GIN indexes (see the search migration).
 */
function textMatch(q: string) {
  return Prisma.sql`(o.search @@ websearch_to_tsquery('simple', f_unaccent(${q}))
    OR f_unaccent(lower(o.name)) %> f_unaccent(lower(${q})))`;
}

function filters({ q, country, kind }: { q: string; country?: string; kind?: OrganisationKind }) {
  const conditions = [Prisma.sql`o.status = 'published'`];
  if (q) conditions.push(textMatch(q));
  if (country) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "OrganisationCountry" oc WHERE oc."organisationId" = o.id AND oc."countryCode" = ${country})`,
    );
  }
  if (kind) conditions.push(Prisma.sql`o.kind = ${kind.toLowerCase()}::"OrganisationKind"`);
  return Prisma.join(conditions, " AND ");
}

// Ranking: an exact name or acronym first, then full-text rank (name and acronym weigh more
// than the description), then how closely the name resembles the query.
function rank(q: string) {
  return Prisma.sql`(CASE WHEN f_unaccent(lower(o.name)) = f_unaccent(lower(${q}))
      OR f_unaccent(lower(COALESCE(o.acronym, ''))) = f_unaccent(lower(${q})) THEN 10 ELSE 0 END)
    + ts_rank_cd(o.search, websearch_to_tsquery('simple', f_unaccent(${q})))
    + word_similarity(f_unaccent(lower(${q})), f_unaccent(lower(o.name)))`;
}

type HitRow = Omit<SearchHit, "summary" | "kind" | "countries"> & {
  kind: string;
  description: string;
  countries: string[] | null;
  total: bigint;
};

/** The statements behind a search (exported for `npm run search:plans`, which EXPLAINs them). */
export function searchStatements({ q, country, kind, page }: SearchParams) {
  const order = q ? Prisma.sql`${rank(q)} DESC, o.name ASC, o.id ASC` : Prisma.sql`o.name ASC, o.id ASC`;
  return {
    hits: Prisma.sql`
      SELECT o.id, o.slug, o.name, o.acronym, o.kind::text AS kind, o.description,
        (SELECT array_agg(c.name ORDER BY oc.position) FROM "OrganisationCountry" oc JOIN "Country" c ON c.code = oc."countryCode"
          WHERE oc."organisationId" = o.id) AS countries,
        count(*) OVER () AS total
      FROM "Organisation" o
      WHERE ${filters({ q, country, kind })}
      ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    // Facets count within the other filter, so each one shows what choosing it would give.
    countryFacets: Prisma.sql`
      SELECT c.code, c.name, count(*) AS count
      FROM "Organisation" o
      JOIN "OrganisationCountry" oc ON oc."organisationId" = o.id
      JOIN "Country" c ON c.code = oc."countryCode"
      WHERE ${filters({ q, kind })}
      GROUP BY c.code, c.name
      ORDER BY count DESC, c.name ASC`,
    kindFacets: Prisma.sql`
      SELECT o.kind::text AS kind, count(*) AS count
      FROM "Organisation" o
      WHERE ${filters({ q, country })}
      GROUP BY o.kind
      ORDER BY count DESC`,
  };
}

/** Published organisations matching the query and filters, best first, with facet counts. */
export async function searchOrganisations(params: SearchParams): Promise<SearchResult> {
  const { q, country, kind, page } = params;
  const statements = searchStatements(params);
  const [rows, countryFacets, kindFacets] = await Promise.all([
    db.$queryRaw<HitRow[]>(statements.hits),
    db.$queryRaw<{ code: string; name: string; count: bigint }[]>(statements.countryFacets),
    db.$queryRaw<{ kind: string; count: bigint }[]>(statements.kindFacets),
  ]);
  // The window count is absent when the page is past the end: count separately then.
  const total = rows.length
    ? Number(rows[0].total)
    : page > 1
      ? Number((await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Organisation" o WHERE ${filters({ q, country, kind })}`)[0].total)
      : 0;
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
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets: {
      countries: countryFacets.map((facet) => ({ code: facet.code, name: facet.name, count: Number(facet.count) })),
      kinds: kindFacets.map((facet) => ({ kind: facet.kind.toUpperCase() as OrganisationKind, count: Number(facet.count) })),
    },
  };
}
