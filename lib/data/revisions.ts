import "server-only";
import type { OrganisationDocument } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { readOrganisation, saveDraftIn, submitChangeSetIn } from "@/lib/data/change-sets";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { parseStored } from "@/lib/data/stored-documents";
import { assertMay, type Actor } from "@/lib/data/actor";

export type RevisionItem = {
  /** Its number: the organisation's lock version it published. */
  revisionNumber: number;
  createdAt: Date;
  snapshot: OrganisationDocument;
  /** Who proposed it: null for a revision no change made (loaded); no name for a member of the public. */
  proposedBy: { name: string | null } | null;
  approvedBy: string | null;
  note: string | null;
  decisionNote: string | null;
};

/** Every published revision of an organisation, newest first, with who proposed and approved it. */
export async function listRevisions(organisationId: string): Promise<RevisionItem[]> {
  const revisions = await db.revision.findMany({
    where: { organisationId },
    select: { id: true, version: true, createdAt: true, snapshot: true, changeSetId: true },
    orderBy: { version: "desc" },
  });
  const changeSets = await db.changeSet.findMany({
    where: { id: { in: revisions.map((revision) => revision.changeSetId).filter((id): id is string => Boolean(id)) } },
    select: { id: true, note: true, decisionNote: true, decidedById: true, author: { select: { name: true } } },
  });
  const deciders = new Map(
    (await db.user.findMany({ where: { id: { in: changeSets.map((set) => set.decidedById).filter((id): id is string => Boolean(id)) } }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  );
  const byId = new Map(changeSets.map((set) => [set.id, set]));
  return revisions.map((revision) => {
    const changeSet = revision.changeSetId ? byId.get(revision.changeSetId) : undefined;
    return {
      revisionNumber: revision.version,
      createdAt: revision.createdAt,
      snapshot: parseStored(revision.snapshot, "Revision.snapshot", revision.id),
      proposedBy: changeSet ? { name: changeSet.author?.name ?? null } : null,
      approvedBy: changeSet?.decidedById ? (deciders.get(changeSet.decidedById) ?? null) : null,
      note: changeSet?.note || null,
      decisionNote: changeSet?.decisionNote ?? null,
    };
  });
}

/**
 * Proposes going back to an earlier revision: a change set like any other, submitted for review.
 * Contacts removed since then come back as new contacts (their old ids are gone). One
 * transaction, with the organisation's row locked: drafted from the lock version it restores over, and
 * nothing is left behind when it cannot be submitted (a revision the same as the published one).
 */
export async function proposeRestore(actor: Actor, organisationId: string, revisionNumber: number, note: string): Promise<string> {
  assertMay(actor, "organisations.propose");
  return db.$transaction(async (tx) => {
    const published = await readOrganisation(tx, organisationId, { lock: true });
    const revision = await tx.revision.findUnique({ where: { organisationId_version: { organisationId, version: revisionNumber } }, select: { id: true, snapshot: true } });
    if (!revision || !published) throw new NotFoundError("This revision does not exist.");
    if (published.lockVersion === revisionNumber) throw new ConflictError("This is the published revision already.");
    const snapshot = parseStored(revision.snapshot, "Revision.snapshot", revision.id);
    const current = new Set(published.document.contacts.map((contact) => contact.id));
    const contacts = snapshot.contacts.map(({ id, ...contact }) => (current.has(id) ? { id, ...contact } : contact));
    const draft = await saveDraftIn(tx, actor, {
      kind: "UPDATE",
      organisationId,
      document: { ...snapshot, contacts },
      note,
    });
    await submitChangeSetIn(tx, actor, draft.id, draft.revision);
    await recordAudit({ action: "change-set.restore-proposed", actorId: actor.id, subject: `organisation:${organisationId}`, address: actor.address, details: { version: revisionNumber, changeSetId: draft.id } }, tx);
    return draft.id;
  });
}
