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
  /** A public suggestion (no author): sent by `suggester`, or by the organisation itself. */
  public: boolean;
  /** The name a public suggestion's sender gave (until purged). */
  suggester: string | null;
  /** A public suggestion the organisation itself sent (through a confirmation request). */
  fromOrganisation: boolean;
  /** How long it has been waiting, in hours. */
  waitingHours: number;
  countries: string[];
  /** The organisation changed since this was drafted. */
  stale: boolean;
  /** The published revision it was drafted from (null for a creation). */
  draftedFrom: PublishedRevision | null;
  /** The published revision now, when it is not the one drafted from. */
  publishedNow: PublishedRevision | null;
};

/** A published revision: its number (the organisation's lock version) and when it was published, if stored. */
export type PublishedRevision = { revision: number; publishedAt: Date | null };

const revisionOf = (revision: number | null, publishedAt: Date | null): PublishedRevision | null => (revision === null ? null : { revision, publishedAt });

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
  const rows = await db.$queryRaw<
    {
      id: string;
      kind: string;
      proposed: Prisma.JsonValue;
      author: string | null;
      authorId: string | null;
      submittedAt: Date;
      public: boolean;
      suggester: string | null;
      fromOrganisation: boolean;
      waitingHours: number;
      stale: boolean;
      baseVersion: number | null;
      basePublishedAt: Date | null;
      currentVersion: number | null;
      currentPublishedAt: Date | null;
    }[]
  >`
    SELECT c."id", c."kind"::text AS "kind", c."proposed", u."name" AS "author", c."authorId", c."submittedAt", c."public", c."suggesterName" AS "suggester", c."fromOrganisation",
           floor(extract(epoch FROM (now() AT TIME ZONE 'UTC') - c."submittedAt") / 3600)::int AS "waitingHours",
           (o."id" IS NOT NULL AND o."version" <> c."baseVersion") AS "stale",
           c."baseVersion", rb."createdAt" AS "basePublishedAt", o."version" AS "currentVersion", rc."createdAt" AS "currentPublishedAt"
    FROM "ChangeSet" c
    LEFT JOIN "User" u ON u."id" = c."authorId"
    LEFT JOIN "Organisation" o ON o."id" = c."organisationId"
    LEFT JOIN "Revision" rb ON rb."organisationId" = c."organisationId" AND rb."version" = c."baseVersion"
    LEFT JOIN "Revision" rc ON rc."organisationId" = o."id" AND rc."version" = o."version"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."submittedAt", c."id" LIMIT ${limit}`;
  return rows.map(({ proposed, kind, baseVersion, basePublishedAt, currentVersion, currentPublishedAt, ...row }) => {
    const { name, countries } = parseStored(proposed, "ChangeSet.proposed", row.id);
    return {
      ...row,
      kind: kind.toUpperCase() as ChangeSetKind,
      name,
      countries,
      draftedFrom: revisionOf(baseVersion, basePublishedAt),
      publishedNow: row.stale ? revisionOf(currentVersion, currentPublishedAt) : null,
    };
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
  /** The published revision it was drafted from (null for a creation). */
  draftedFrom: PublishedRevision | null;
  /** The published revision now, when the listing has changed since it was drafted. */
  publishedNow: PublishedRevision | null;
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
  const currentVersion = row.organisation?.version ?? null;
  const moved = base && current && currentVersion !== row.baseVersion ? collisions(changes, base, current) : [];
  // When the revisions it was drafted from and that is published now were published.
  const versions = [row.baseVersion, currentVersion].filter((version): version is number => version !== null);
  const revisions = row.organisationId && versions.length ? await db.revision.findMany({ where: { organisationId: row.organisationId, version: { in: versions } }, select: { version: true, createdAt: true } }) : [];
  const publishedAt = (version: number | null) => revisions.find((revision) => revision.version === version)?.createdAt ?? null;
  const movedOn = row.baseVersion !== null && currentVersion !== null && currentVersion !== row.baseVersion;
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
    draftedFrom: revisionOf(row.baseVersion, publishedAt(row.baseVersion)),
    publishedNow: movedOn ? revisionOf(currentVersion, publishedAt(currentVersion)) : null,
    changes,
    moved,
  };
}
