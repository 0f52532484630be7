import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertMay, type Actor } from "./actor";
import { recordAudit } from "./audit";
import { NotFoundError } from "./errors";
import { decodeCursor, encodeCursor } from "./keyset";

// Organisations that are probably the same (prisma: DuplicatePair, DuplicateScan). Finding every
// pair among a million organisations takes minutes, so a nightly job does it (scanDuplicates in ./duplicate-scan.ts, job
// duplicates-scan) and the staff page only reads what it found (listDuplicatePairs). The create
// form's hint looks up one organisation's likely duplicates while it is typed
// (findSimilarOrganisations in ./admin-organisations.ts).

export const duplicateReasons = ["domain", "email", "phone", "name"] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/**
 * A value shared by more published organisations than this (a domain, an e-mail address, a phone
 * number, a name in one country) is not a sign that two of them are one: a hosting platform, the
 * switchboard of a ministry with many units, a network's shared mailbox, a common name.
 */
export const maxGroup = 5;
/** Names at least this similar (pg_trgm's similarity of the unaccented, lower-case names) are "very similar". */
export const nameThreshold = 0.8;
// ─── The staff page ────────────────────────────────────────────────────────────────────────────

export const duplicatesPageSize = 50;

export type PairOrganisation = { id: string; name: string; slug: string; countryCodes: string[]; website: string | null };

export type DuplicatePairItem = {
  id: string;
  /** In the order of duplicateReasons. */
  reasons: DuplicateReason[];
  domain: string | null;
  email: string | null;
  phone: string | null;
  nameSimilarity: number | null;
  score: number;
  foundAt: string;
  organisations: [PairOrganisation, PairOrganisation];
};

export type DuplicateFilters = {
  reason?: DuplicateReason;
  /** A country code (upper case): pairs where either organisation works there. */
  country?: string;
  /** The cursor of the previous page's last pair. */
  after?: string;
};

type PairRow = Omit<DuplicatePairItem, "organisations" | "foundAt" | "reasons"> & {
  reasons: string[];
  foundAt: Date;
  a: PairOrganisation & { published: boolean };
  b: PairOrganisation & { published: boolean };
};

/**
 * The likely duplicates not dismissed: newest first, the likeliest first among those found
 * together, a page at a time by keyset. The page is chosen from DuplicatePair alone (its order is
 * an index; the filters have theirs), then its organisations are read: a pair one of whose
 * organisations was archived since the last scan is left out of the page, which then shows one
 * fewer (checking every candidate's organisations first cost 400 ms for a filter matching 50,000
 * pairs at a million organisations).
 */
export async function listDuplicatePairs({ reason, country, after }: DuplicateFilters): Promise<{ pairs: DuplicatePairItem[]; next: string | null }> {
  const conditions = [Prisma.sql`p."dismissedAt" IS NULL`];
  // Written as the partial index of each reason has it (migration duplicate_pairs_by_reason), so
  // that PostgreSQL sees it applies; the reason is one of duplicateReasons, never free text.
  if (reason) conditions.push(Prisma.raw(`p.reasons @> '{${duplicateReasons.find((known) => known === reason)}}'::"DuplicateReason"[]`));
  if (country) conditions.push(Prisma.sql`p."countryCodes" @> ARRAY[${country.toUpperCase()}]::text[]`);
  const cursor = decodePairCursor(after);
  if (cursor) conditions.push(Prisma.sql`(p."foundAt", p.score, p.id) < (${cursor.foundAt}::timestamp, ${cursor.score}::real, ${cursor.id}::uuid)`);
  const organisation = (alias: string) =>
    Prisma.raw(
      `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'slug', ${alias}.slug, 'countryCodes', ${alias}."countryCodes", 'website', ${alias}.website, 'published', ${alias}.status = 'published')`,
    );
  const rows = await db.$queryRaw<PairRow[]>`
    SELECT p.id, p.reasons::text[] AS reasons, p.domain, p.email, p.phone, p."nameSimilarity", p.score, p."foundAt",
      ${organisation("a")} AS a, ${organisation("b")} AS b
    FROM (
      SELECT * FROM "DuplicatePair" p WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY p."foundAt" DESC, p.score DESC, p.id DESC
      LIMIT ${duplicatesPageSize + 1}
    ) p
    JOIN "Organisation" a ON a.id = p."organisationAId"
    JOIN "Organisation" b ON b.id = p."organisationBId"
    ORDER BY p."foundAt" DESC, p.score DESC, p.id DESC`;
  const page = rows.slice(0, duplicatesPageSize);
  const pairs = page
    .filter(({ a, b }) => a.published && b.published)
    .map(({ a, b, foundAt, reasons, ...pair }) => ({
      ...pair,
      reasons: duplicateReasons.filter((known) => reasons.includes(known)),
      foundAt: foundAt.toISOString(),
      organisations: [a, b].map(({ id, name, slug, countryCodes, website }) => ({ id, name, slug, countryCodes, website })) as [PairOrganisation, PairOrganisation],
    }));
  const last = page.at(-1);
  const next = rows.length > duplicatesPageSize && last ? encodeCursor({ value: JSON.stringify([last.foundAt.toISOString(), last.score]), id: last.id }) : null;
  return { pairs, next };
}

function decodePairCursor(text: string | undefined): { foundAt: Date; score: number; id: string } | null {
  const cursor = decodeCursor(text);
  if (!cursor) return null;
  try {
    const [foundAt, score] = JSON.parse(cursor.value) as unknown[];
    const date = typeof foundAt === "string" ? new Date(foundAt) : null;
    if (!date || Number.isNaN(date.getTime()) || typeof score !== "number" || !Number.isFinite(score)) return null;
    return { foundAt: date, score, id: cursor.id };
  } catch {
    return null;
  }
}

/** When the list was last refreshed (the latest scan to finish), or null before the first. */
export async function lastDuplicateScan(): Promise<{ finishedAt: Date; pairs: number } | null> {
  return db.duplicateScan.findFirst({ orderBy: { finishedAt: "desc" }, select: { finishedAt: true, pairs: true } });
}

/**
 * Staff mark a pair "not the same": it is kept, dismissed, and never listed again, whatever later
 * scans find. Dismissing one already dismissed changes nothing.
 */
export async function dismissPair(actor: Actor, organisationId: string, otherId: string): Promise<void> {
  assertMay(actor, "organisations.propose");
  // The pair's row has the smaller id first (uuids compare as their lower-case text does).
  const [a, b] = [organisationId.toLowerCase(), otherId.toLowerCase()].sort();
  await db.$transaction(async (tx) => {
    const { count } = await tx.duplicatePair.updateMany({
      where: { organisationAId: a, organisationBId: b, dismissedAt: null },
      data: { dismissedAt: new Date(), dismissedById: actor.id },
    });
    if (count === 0) {
      if (await tx.duplicatePair.count({ where: { organisationAId: a, organisationBId: b } })) return;
      throw new NotFoundError("These two organisations are not listed as likely duplicates any more: reload the page.");
    }
    await recordAudit({ action: "duplicates.dismissed", actorId: actor.id, subject: `organisation:${a}`, address: actor.address, details: { other: `organisation:${b}` } }, tx);
  });
}
