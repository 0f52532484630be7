import "server-only";
import { collisions, diffDocuments, type Change, type OrganisationDocument } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { parseStored, parseStoredOrNull } from "@/lib/data/stored-documents";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeSetKind, ChangeSetStatus } from "@/lib/generated/prisma/enums";
import { readOrganisation } from "./published";
import { openStatuses, type Actor } from "./shared";

// Change sets as their author and the dashboard list them.

export type ChangeSetListItem = {
  id: string;
  kind: ChangeSetKind;
  status: ChangeSetStatus;
  name: string;
  organisationId: string | null;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  /** The reviewer's reason or comment. */
  decisionNote: string | null;
};

const listSelect = { id: true, kind: true, status: true, organisationId: true, proposed: true, updatedAt: true, submittedAt: true, decidedAt: true, decisionNote: true } as const;
const toListItem = ({ proposed, ...row }: Prisma.ChangeSetGetPayload<{ select: typeof listSelect }>): ChangeSetListItem => ({
  ...row,
  name: parseStored(proposed, "ChangeSet.proposed", row.id).name,
});

/** The signed-in user's change sets, newest first: drafts, those waiting for review, and outcomes. */
export async function listOwnChangeSets(actor: Actor, limit = 50): Promise<ChangeSetListItem[]> {
  const rows = await db.changeSet.findMany({ where: { authorId: actor.id }, select: listSelect, orderBy: { updatedAt: "desc" }, take: limit });
  return rows.map(toListItem);
}

/** The author's open (editable or submitted) change set for an organisation, if any. */
export async function findOpenChangeSet(actor: Actor, organisationId: string): Promise<string | null> {
  const row = await db.changeSet.findFirst({
    where: { authorId: actor.id, organisationId, status: { in: openStatuses } },
    select: { id: true },
    orderBy: { updatedAt: "desc" },
  });
  return row?.id ?? null;
}

/**
 * What waits for review: submitted changes and imports in review. Given a reviewer, only what they
 * may decide: not their own, which another reviewer decides (a public suggestion, or the work of a
 * deleted account, has no author and counts).
 */
export async function countAwaitingReview(reviewer?: Pick<Actor, "id">): Promise<number> {
  const notTheirs = reviewer ? { OR: [{ authorId: null }, { authorId: { not: reviewer.id } }] } : {};
  const [changes, imports] = await Promise.all([
    db.changeSet.count({ where: { status: "SUBMITTED", importBatchId: null, ...notTheirs } }),
    db.importBatch.count({ where: { status: "IN_REVIEW", ...notTheirs } }),
  ]);
  return changes + imports;
}

/** Recently applied change sets, newest first. */
export async function listRecentlyPublished(limit = 10): Promise<ChangeSetListItem[]> {
  const rows = await db.changeSet.findMany({
    where: { status: { in: ["APPROVED", "PARTLY_APPROVED"] } },
    select: listSelect,
    orderBy: { decidedAt: "desc" },
    take: limit,
  });
  return rows.map(toListItem);
}

export type ChangeSetDetail = {
  id: string;
  kind: ChangeSetKind;
  status: ChangeSetStatus;
  organisationId: string | null;
  authorId: string | null;
  /** The organisation's lock version it was drafted from (null for a creation). */
  baseLockVersion: number | null;
  base: OrganisationDocument | null;
  proposed: OrganisationDocument;
  note: string;
  revision: number;
  submittedAt: Date | null;
  updatedAt: Date;
  decisionNote: string | null;
  /** Fields (and contacts) this change touches that were changed on the published organisation since it was drafted. */
  movedUnderneath: Change[];
  current: OrganisationDocument | null;
};

/** A change set as its author sees it, with what moved underneath it. Null when it is not theirs. */
export async function getOwnChangeSet(actor: Actor, id: string): Promise<ChangeSetDetail | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.changeSet.findFirst({ where: { id, authorId: actor.id } });
    if (!row) return null;
    const base = parseStoredOrNull(row.base, "ChangeSet.base", row.id);
    const proposed = parseStored(row.proposed, "ChangeSet.proposed", row.id);
    const published = row.organisationId ? await readOrganisation(tx, row.organisationId) : null;
    const changes = diffDocuments(base, proposed);
    const moved = base && published && published.lockVersion !== row.baseVersion ? collisions(changes, base, published.document) : [];
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      organisationId: row.organisationId,
      authorId: row.authorId,
      baseLockVersion: row.baseVersion,
      base,
      proposed,
      note: row.note,
      revision: row.revision,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      decisionNote: row.decisionNote,
      movedUnderneath: changes.filter((change) => moved.includes(change.key)),
      current: published?.document ?? null,
    };
  });
}

/** Another person's change waiting for review on the same organisation, as its edit page lists it. */
export type PendingChange = {
  id: string;
  /**
   * The author's name, or the sender's for a public suggestion; null for a sender who gave none
   * (or whose name is not for editors) and for a former member of staff (`public` tells which).
   */
  by: string | null;
  public: boolean;
  submittedAt: Date | null;
  /** What it changes, by key (lib/change-sets/document.ts). */
  keys: string[];
};

/**
 * The changes waiting for review on an organisation that `actor` did not make (one open change
 * per author and organisation: theirs is the one they are editing), oldest first.
 */
export async function listPendingChanges(actor: Actor, organisationId: string): Promise<PendingChange[]> {
  const rows = await db.changeSet.findMany({
    where: { organisationId, status: "SUBMITTED", importBatchId: null, OR: [{ authorId: null }, { authorId: { not: actor.id } }] },
    select: { id: true, base: true, proposed: true, public: true, suggesterName: true, submittedAt: true, author: { select: { name: true } } },
    orderBy: { submittedAt: "asc" },
    take: 20,
  });
  return rows.map((row) => {
    const changes = diffDocuments(parseStoredOrNull(row.base, "ChangeSet.base", row.id), parseStored(row.proposed, "ChangeSet.proposed", row.id));
    return {
      id: row.id,
      // A sender's name is for the reviewers who decide on it (the form's privacy notice).
      by: row.public ? (actor.role !== "EDITOR" && row.suggesterName) || null : (row.author?.name ?? null),
      public: row.public,
      submittedAt: row.submittedAt,
      keys: changes.map((change) => change.key),
    };
  });
}

/**
 * The pending changes of others that change something the author's change set also changes
 * (the same field, the same contact, or both the contacts' order), each with the keys they share.
 */
export async function overlappingChanges(actor: Actor, changeSetId: string): Promise<(PendingChange & { shared: string[] })[]> {
  const own = await db.changeSet.findFirst({ where: { id: changeSetId, authorId: actor.id }, select: { organisationId: true, base: true, proposed: true } });
  if (!own?.organisationId) return [];
  const changes = diffDocuments(parseStoredOrNull(own.base, "ChangeSet.base", changeSetId), parseStored(own.proposed, "ChangeSet.proposed", changeSetId));
  const ownKeys = new Set<string>(changes.map((change) => change.key));
  const pending = await listPendingChanges(actor, own.organisationId);
  return pending
    .map((other) => ({ ...other, shared: other.keys.filter((key) => ownKeys.has(key)) }))
    .filter((other) => other.shared.length > 0);
}
