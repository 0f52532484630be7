import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationKind, OrganisationStatus } from "@/lib/generated/prisma/enums";
import { ownDomain, registrableDomain } from "@/lib/domains";
import { decodeCursor, encodeCursor, escapeLike } from "./keyset";

export const adminPageSize = 50;

export type AdminListFilters = {
  q?: string;
  country?: string;
  kind?: OrganisationKind;
  status?: OrganisationStatus;
  /** Only organisations with a change waiting for review. */
  pending?: boolean;
  /** Only those not verified within the verification interval (VERIFICATION_INTERVAL_MONTHS). */
  unverified?: boolean;
  sort: "name" | "updated";
  /** The cursor of the page's last row, from the previous page. */
  after?: string;
};

export type AdminListItem = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  status: OrganisationStatus;
  countryCodes: string[];
  website: string | null;
  updatedAt: Date;
  lastVerifiedAt: Date | null;
  pending: boolean;
};


/** At or above this many organisations holding the searched text, it is common enough to walk the list in order. */
const denseMatches = 5000;

/** How many organisations hold the text (a LIKE pattern), counted up to `denseMatches` through the trigram index. */
async function countMatches(pattern: Prisma.Sql): Promise<number> {
  const [{ matches }] = await db.$queryRaw<{ matches: bigint }[]>`
    SELECT count(*) AS matches FROM (SELECT 1 FROM "OrganisationSearchText" t WHERE t."text" LIKE ${pattern} LIMIT ${denseMatches}) m`;
  return Number(matches);
}

/**
 * Organisations for the admin list, published and archived: filtered, in name order or newest
 * change first, a page at a time by keyset (fast at any depth with a million rows). The search
 * looks for the text inside names, acronyms, websites and contact values (accents ignored), all
 * kept in one short row per organisation (`OrganisationSearchText`, stored in name order). A text
 * that thousands of organisations hold is found by walking those rows in the list's order until
 * a page is full; a rarer one through the trigram index, its matches then sorted. Which one is
 * decided by counting the matches up to `denseMatches` first (a millisecond or two): PostgreSQL's
 * own estimate cannot see that matches cluster in name order, and walked 87,000 rows for
 * `rotterdam` (3,000 matches, 350 ms) where the index takes 15 ms (docs/performance.md).
 */
export async function listOrganisationsForAdmin(filters: AdminListFilters): Promise<{ items: AdminListItem[]; next: string | null }> {
  const conditions: Prisma.Sql[] = [];
  const q = filters.q?.trim().slice(0, 200);
  // With a search, filters and order read the search table's copies of the columns, so that
  // PostgreSQL can walk its indexes and join the organisations of one page only.
  const source = q
    ? { from: Prisma.sql`"OrganisationSearchText" t JOIN "Organisation" o ON o."id" = t."organisationId"`, row: Prisma.sql`t`, id: Prisma.sql`t."organisationId"` }
    : { from: Prisma.sql`"Organisation" o`, row: Prisma.sql`o`, id: Prisma.sql`o."id"` };
  const { row } = source;
  let walk = true;
  if (q) {
    // Wildcards escaped after folding: unaccent turns a full-width "％" into "%".
    const pattern = Prisma.sql`'%' || replace(replace(replace(f_unaccent(lower(${q})), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
    // Filters make the walk longer by their own share: only an unfiltered common text is walked,
    // so the matches are counted only without filters.
    const filtered = Boolean(filters.country || filters.kind || filters.status || filters.pending || filters.unverified);
    walk = !filtered && (await countMatches(pattern)) >= denseMatches;
    // Walking: written so that the trigram index cannot serve it. Otherwise: the order written so
    // that the list's index cannot give it, which leaves PostgreSQL the trigram index and a sort.
    conditions.push(walk ? Prisma.sql`coalesce(t."text", '') LIKE ${pattern}` : Prisma.sql`t."text" LIKE ${pattern}`);
  }
  if (filters.country) conditions.push(Prisma.sql`${row}."countryCodes" @> ARRAY[${filters.country.toUpperCase()}]::text[]`);
  if (filters.kind) conditions.push(Prisma.sql`${row}."kind" = ${filters.kind.toLowerCase()}::"OrganisationKind"`);
  if (filters.status) conditions.push(Prisma.sql`${row}."status" = ${filters.status.toLowerCase()}::"OrganisationStatus"`);
  if (filters.pending) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ChangeSet" c WHERE c."organisationId" = o."id" AND c."status" = 'submitted')`);
  if (filters.unverified) {
    const months = serverEnv().VERIFICATION_INTERVAL_MONTHS;
    conditions.push(Prisma.sql`(o."lastVerifiedAt" IS NULL OR o."lastVerifiedAt" < now() - make_interval(months => ${months}::int))`);
  }
  const column = filters.sort === "name" ? Prisma.sql`${row}."name"` : Prisma.sql`${row}."updatedAt"`;
  const key = Prisma.sql`${column}, ${source.id}`;
  const cursor = decodeCursor(filters.after);
  if (cursor) {
    conditions.push(
      filters.sort === "name"
        ? Prisma.sql`(${key}) > (${cursor.value}, ${cursor.id}::uuid)`
        : Prisma.sql`(${key}) < (${new Date(cursor.value)}::timestamp, ${cursor.id}::uuid)`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  // Not walking: the same order written so that the list's index cannot give it.
  const ordered = walk ? column : filters.sort === "name" ? Prisma.sql`${column} || ''` : Prisma.sql`${column} + interval '0'`;
  const order = filters.sort === "name" ? Prisma.sql`ORDER BY ${ordered}, ${source.id}` : Prisma.sql`ORDER BY ${ordered} DESC, ${source.id} DESC`;
  const rows = await db.$queryRaw<(Omit<AdminListItem, "kind" | "status"> & { kind: string; status: string })[]>`
    SELECT o."id", o."slug", o."name", o."acronym", o."kind"::text AS "kind", o."status"::text AS "status", o."countryCodes", o."website",
           o."updatedAt", o."lastVerifiedAt",
           EXISTS (SELECT 1 FROM "ChangeSet" c WHERE c."organisationId" = o."id" AND c."status" = 'submitted') AS "pending"
    FROM ${source.from} ${where} ${order} LIMIT ${adminPageSize + 1}`;
  const items = rows.slice(0, adminPageSize).map((row) => ({
    ...row,
    kind: row.kind.toUpperCase() as OrganisationKind,
    status: row.status.toUpperCase() as OrganisationStatus,
  }));
  const last = items.at(-1);
  const next =
    rows.length > adminPageSize && last
      ? encodeCursor({ value: filters.sort === "name" ? last.name : last.updatedAt.toISOString(), id: last.id })
      : null;
  return { items, next };
}

export type SimilarReason = "email" | "phone" | "domain" | "name";
/** Why an organisation looks like the one being typed, and what they share (null for a similar name). */
export type SimilarMatch = { reason: SimilarReason; shared: string | null };
export type SimilarOrganisation = { id: string; name: string; matches: SimilarMatch[] };

export type SimilarQuery = {
  name?: string;
  website?: string | null;
  /** Normalised (lower-case e-mails, E.164 phones), as contacts are stored. */
  emails?: string[];
  phones?: string[];
  excludeId?: string;
};

/** A value shared by more organisations than this says nothing (lib/data/duplicates.ts, maxGroup). */
const maxShared = 5;
const maxShown = 8;
const reasonOrder: SimilarReason[] = ["email", "phone", "domain", "name"];

/**
 * Organisations that may be the one being entered, for the editor's form while it is typed: the
 * same e-mail address or phone number as a published organisation, a website on the same
 * registrable domain (www.example.org, example.org/about, news.example.org), or a very similar
 * name (trigram similarity, accents ignored, archived ones too). A value more than five published
 * organisations share (a platform such as facebook.com, a network's mailbox) is no sign.
 */
export async function findSimilarOrganisations({ name, website, emails = [], phones = [], excludeId }: SimilarQuery): Promise<SimilarOrganisation[]> {
  const found = new Map<string, SimilarOrganisation>();
  const add = (id: string, organisation: string, match: SimilarMatch) => {
    const entry = found.get(id) ?? { id, name: organisation, matches: [] };
    if (!entry.matches.some((known) => known.reason === match.reason)) entry.matches.push(match);
    found.set(id, entry);
  };
  const exclude = excludeId ?? "00000000-0000-0000-0000-000000000000";
  for (const [reason, values, types] of [
    ["email", emails.slice(0, 50), ["email"]],
    ["phone", phones.slice(0, 50), ["phone", "fax"]],
  ] as const) {
    if (values.length === 0) continue;
    // Up to one more than maxShared holders of each value: enough to tell a shared one.
    const rows = await db.$queryRaw<{ id: string; name: string; value: string }[]>`
      SELECT h."id", h."name", v."value" FROM unnest(${values}::text[]) AS v("value")
      CROSS JOIN LATERAL (
        SELECT DISTINCT o."id", o."name" FROM "Contact" c JOIN "Organisation" o ON o."id" = c."organisationId"
        WHERE c."value" = v."value" AND c."type" = ANY(${types}::"ContactType"[]) AND o."status" = 'published' AND o."id" <> ${exclude}::uuid
        LIMIT ${maxShared + 1}
      ) h`;
    for (const value of values) {
      const holders = rows.filter((row) => row.value === value);
      if (holders.length <= maxShared) for (const row of holders) add(row.id, row.name, { reason, shared: value });
    }
  }
  const domain = website ? ownDomain(website) : null;
  if (domain) {
    // The website trigram index finds the candidates; the public suffix list decides.
    const rows = await db.$queryRaw<{ id: string; name: string; website: string }[]>`
      SELECT "id", "name", "website" FROM "Organisation"
      WHERE (lower(coalesce("website", '')) LIKE ${`%://${escapeLike(domain)}%`} OR lower(coalesce("website", '')) LIKE ${`%.${escapeLike(domain)}%`})
        AND "status" = 'published' AND "id" <> ${exclude}::uuid
      LIMIT 100`;
    const holders = rows.filter((row) => registrableDomain(row.website) === domain);
    if (holders.length <= maxShared) for (const row of holders) add(row.id, row.name, { reason: "domain", shared: domain });
  }
  if (name && name.trim().length >= 3) {
    const rows = await db.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", "name" FROM "Organisation"
      WHERE f_unaccent(lower("name")) % f_unaccent(lower(${name.trim()})) AND "id" <> ${exclude}::uuid
      ORDER BY similarity(f_unaccent(lower("name")), f_unaccent(lower(${name.trim()}))) DESC LIMIT 5`;
    for (const row of rows) add(row.id, row.name, { reason: "name", shared: null });
  }
  const strongest = (organisation: SimilarOrganisation) => Math.min(...organisation.matches.map((match) => reasonOrder.indexOf(match.reason)));
  return [...found.values()]
    .map((organisation) => ({ ...organisation, matches: organisation.matches.sort((a, b) => reasonOrder.indexOf(a.reason) - reasonOrder.indexOf(b.reason)) }))
    .sort((a, b) => b.matches.length - a.matches.length || strongest(a) - strongest(b))
    .slice(0, maxShown);
}
