import "server-only";
import { collisions, diffDocuments, type Change, type OrganisationDocument } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { getOrganisationDocument } from "@/lib/data/change-sets";
import { parseStored, parseStoredOrNull } from "@/lib/data/stored-documents";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeSetKind, ChangeSetStatus } from "@/lib/generated/prisma/enums";

export type QueueFilters = { kind?: ChangeSetKind; publicOnly?: boolean; country?: string; authorId?: string };

export type QueueItem = {
  id: string;
  kind: ChangeSetKind;
  name: string;
  author: string | null;
  authorId: string | null;
  submittedAt: Date;
  /** A public suggestion the organisation itself sent (through a confirmation request). */
  fromOrganisation: boolean;
  /** How long it has been waiting, in hours. */
  waitingHours: number;
  countries: string[];
  /** The organisation changed since this was drafted. */
  stale: boolean;
};

/**
 * Submitted change sets, oldest first, with whether their base is stale. Those of an import are
 * reviewed from the import's page (listImportsInReview), as a whole or one by one.
 */
export async function listReviewQueue(filters: QueueFilters, limit = 100): Promise<QueueItem[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."status" = 'submitted'`, Prisma.sql`c."importBatchId" IS NULL`];
  if (filters.kind) conditions.push(Prisma.sql`c."kind" = ${filters.kind.toLowerCase()}::"ChangeSetKind"`);
  if (filters.publicOnly) conditions.push(Prisma.sql`c."public"`);
  if (filters.authorId) conditions.push(Prisma.sql`c."authorId" = ${filters.authorId}::uuid`);
  if (filters.country) conditions.push(Prisma.sql`c."proposed"->'countries' ? ${filters.country.toUpperCase()}`);
  const rows = await db.$queryRaw<{ id: string; kind: string; proposed: Prisma.JsonValue; author: string | null; authorId: string | null; submittedAt: Date; fromOrganisation: boolean; waitingHours: number; stale: boolean }[]>`
    SELECT c."id", c."kind"::text AS "kind", c."proposed", u."name" AS "author", c."authorId", c."submittedAt", c."fromOrganisation",
           floor(extract(epoch FROM (now() AT TIME ZONE 'UTC') - c."submittedAt") / 3600)::int AS "waitingHours",
           (o."id" IS NOT NULL AND o."version" <> c."baseVersion") AS "stale"
    FROM "ChangeSet" c
    LEFT JOIN "User" u ON u."id" = c."authorId"
    LEFT JOIN "Organisation" o ON o."id" = c."organisationId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."submittedAt", c."id" LIMIT ${limit}`;
  return rows.map(({ proposed, kind, ...row }) => {
    const { name, countries } = parseStored(proposed, "ChangeSet.proposed", row.id);
    return { ...row, kind: kind.toUpperCase() as ChangeSetKind, name, countries };
  });
}

/** Imports whose changes wait for review, oldest first, with how many wait. */
export async function listImportsInReview(): Promise<{ id: string; fileName: string; author: string | null; authorId: string | null; sentAt: Date | null; waiting: number }[]> {
  const batches = await db.importBatch.findMany({
    where: { status: { in: ["IN_REVIEW", "DECIDING"] } },
    orderBy: { sentAt: "asc" },
    select: { id: true, fileName: true, authorId: true, sentAt: true, author: { select: { name: true } }, _count: { select: { changeSets: { where: { status: "SUBMITTED" } } } } },
  });
  return batches.map(({ author, _count, ...batch }) => ({ ...batch, author: author?.name ?? null, waiting: _count.changeSets }));
}

export async function listQueueAuthors(): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({ where: { changeSets: { some: { status: "SUBMITTED" } } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export type ReviewDetail = {
  id: string;
  kind: ChangeSetKind;
  status: ChangeSetStatus;
  authorId: string | null;
  author: string | null;
  /** A public suggestion's sender, as they gave it (until purged). */
  suggester: { name: string | null; email: string | null; fromOrganisation: boolean } | null;
  note: string;
  /** Bumped by every save of the author: a decision names the one the reviewer saw. */
  revision: number;
  submittedAt: Date | null;
  organisationId: string | null;
  base: OrganisationDocument | null;
  proposed: OrganisationDocument;
  /** What is published now (null for a creation). */
  current: OrganisationDocument | null;
  changes: Change[];
  /** Keys of changes whose published value moved since the base. */
  moved: string[];
};

/** A change set as a reviewer sees it: every change, and the published state now. */
export async function getChangeSetForReview(id: string): Promise<ReviewDetail | null> {
  // Drafts (and withdrawn ones, which their authors may still be editing) stay private.
  const row = await db.changeSet.findFirst({
    where: { id, status: { in: ["SUBMITTED", "APPROVED", "PARTLY_APPROVED", "REJECTED", "CHANGES_REQUESTED"] } },
    select: {
      id: true,
      kind: true,
      status: true,
      authorId: true,
      note: true,
      revision: true,
      submittedAt: true,
      organisationId: true,
      baseVersion: true,
      base: true,
      proposed: true,
      author: { select: { name: true } },
      organisation: { select: { version: true } },
      public: true,
      suggesterName: true,
      suggesterEmail: true,
      fromOrganisation: true,
    },
  });
  if (!row) return null;
  const base = parseStoredOrNull(row.base, "ChangeSet.base", row.id);
  const proposed = parseStored(row.proposed, "ChangeSet.proposed", row.id);
  const changes = diffDocuments(base, proposed);
  let current: OrganisationDocument | null = null;
  if (row.organisationId) current = (await getOrganisationDocument(row.organisationId))?.document ?? null;
  const moved = base && current && row.organisation?.version !== row.baseVersion ? collisions(changes, base, current) : [];
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    authorId: row.authorId,
    author: row.author?.name ?? null,
    suggester: row.public ? { name: row.suggesterName, email: row.suggesterEmail, fromOrganisation: row.fromOrganisation } : null,
    note: row.note,
    revision: row.revision,
    submittedAt: row.submittedAt,
    organisationId: row.organisationId,
    base,
    proposed,
    current,
    changes,
    moved,
  };
}
