import "server-only";
import { diffDocuments, documentFields, fieldLabels, sameValue, type OrganisationDocument } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { parseStored, parseStoredOrNull, toStored, toStoredOrNull } from "@/lib/data/stored-documents";
import type { ChangeSetKind } from "@/lib/generated/prisma/enums";
import { prepareProposal, refuseSecondOpenChange } from "./proposal";
import { readOrganisation } from "./published";
import { editableStatuses, type Actor, type Tx } from "./shared";
import { assertMay } from "@/lib/data/actor";

// The author's side: save a draft, submit it, withdraw it; propose archiving or restoring.

export type DraftInput = {
  /** The change set to save again; absent for a new one. */
  id?: string;
  /** The revision the form was loaded with, so two tabs cannot overwrite each other's draft. */
  revision?: number;
  kind: ChangeSetKind;
  organisationId?: string | null;
  /** The proposed organisation. An empty slug keeps the current one (or makes one from the name); `archived` follows the kind. */
  document: Omit<OrganisationDocument, "contacts" | "archived" | "originalLanguage" | "translations"> & {
    contacts: (Omit<OrganisationDocument["contacts"][number], "id"> & { id?: string })[];
    /** Absent (a public suggestion, an import): as the change set or the published listing has them. */
    originalLanguage?: string;
    translations?: Record<string, string>;
  };
  note: string;
};

/**
 * Saves a draft change set (new, or the author's own in an editable status). Nothing published
 * changes. An update records the organisation's lock version and document it was drafted from.
 * Contacts keep their ids; new ones get an id now; an id that is neither one of this
 * organisation's contacts nor one this draft already had is refused (mass assignment).
 */
export async function saveDraft(actor: Actor, input: DraftInput): Promise<{ id: string; revision: number }> {
  assertMay(actor, "organisations.propose");
  return db.$transaction((tx) => saveDraftIn(tx, actor, input));
}

/** saveDraft inside the caller's transaction, for a change that saves and submits as one. */
export async function saveDraftIn(tx: Tx, actor: Actor, input: DraftInput): Promise<{ id: string; revision: number }> {
  assertMay(actor, "organisations.propose");
  const existing = input.id
    ? await tx.changeSet.findFirst({ where: { id: input.id, authorId: actor.id }, select: { id: true, kind: true, status: true, revision: true, organisationId: true, base: true, baseVersion: true, proposed: true } })
    : null;
  if (input.id && !existing) throw new NotFoundError("This change does not exist, or it is not yours.");
  if (existing && !editableStatuses.includes(existing.status)) throw new ConflictError("This change has been submitted or decided: it can no longer be edited.");
  if (existing && input.revision !== undefined && existing.revision !== input.revision) {
    // Never a lost update: say what differs, with both values, and save nothing.
    const saved = parseStored(existing.proposed, "ChangeSet.proposed", existing.id);
    const contactsDiffer = !sameValue(saved.contacts.map((contact) => contact.rawValue), input.document.contacts.map((contact) => contact.rawValue));
    const fields = documentFields.filter((field) => field !== "archived" && field !== "slug" && !sameValue(saved[field], (input.document as Record<string, unknown>)[field]));
    const differences = fields.map((field) => ({ key: field as string, there: shownValue(saved[field]), here: shownValue((input.document as Record<string, unknown>)[field]) }));
    const words = [...fields.map((field) => `${fieldLabels[field]}: “${describeValue(saved[field])}” there, “${describeValue((input.document as Record<string, unknown>)[field])}” here`), ...(contactsDiffer ? ["the contacts"] : [])];
    // Said in English here, in the reader's words where it is shown (its parts).
    throw new ConflictError(
      words.length
        ? `This draft was saved elsewhere (another tab?) since you opened it, so nothing was saved here. It differs in ${words.join("; ")}. Copy what you need, then reload.`
        : "This draft was saved elsewhere (another tab?) since you opened it, so nothing was saved here. It has the same values. Copy what you need, then reload.",
      { differences: [...differences, ...(contactsDiffer ? [{ key: "contacts" }] : [])] },
    );
  }
  const kind = existing?.kind ?? input.kind;
  const organisationId = existing?.organisationId ?? input.organisationId ?? null;
  if (!existing) await refuseSecondOpenChange(tx, actor, organisationId);
  const { base, baseLockVersion, proposed } = await prepareProposal(tx, {
    kind,
    organisationId,
    changeSetId: existing?.id,
    document: input.document,
    earlier: existing
      ? { base: parseStoredOrNull(existing.base, "ChangeSet.base", existing.id), baseLockVersion: existing.baseVersion, proposed: parseStored(existing.proposed, "ChangeSet.proposed", existing.id) }
      : null,
  });
  const data = { proposed: toStored(proposed), note: input.note };
  if (existing) {
    // Only if nothing changed it since it was read: another save, a submit or a decision.
    const { count } = await tx.changeSet.updateMany({
      where: { id: existing.id, revision: existing.revision, status: { in: editableStatuses } },
      data: { ...data, status: "DRAFT", revision: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("This draft changed while you were saving it (another tab, or it was submitted). Reload it; nothing was saved here.");
    return { id: existing.id, revision: existing.revision + 1 };
  }
  return tx.changeSet.create({
    data: { ...data, kind, organisationId, authorId: actor.id, baseVersion: baseLockVersion, base: toStoredOrNull(base) },
    select: { id: true, revision: true },
  });
}

/**
 * Sends the author's draft to the reviewers. With `revision`, only that revision of it (the one
 * the author just saved): if it was saved again since (another tab), nothing is submitted. A
 * double submit changes it once.
 */
export async function submitChangeSet(actor: Actor, id: string, revision?: number): Promise<void> {
  assertMay(actor, "organisations.propose");
  await db.$transaction((tx) => submitChangeSetIn(tx, actor, id, revision));
}

/** submitChangeSet inside the caller's transaction. */
export async function submitChangeSetIn(tx: Tx, actor: Actor, id: string, revision?: number): Promise<void> {
  assertMay(actor, "organisations.propose");
  // Held until the end of the transaction: a concurrent save or submit waits, then sees this one.
  await tx.$queryRaw`SELECT 1 FROM "ChangeSet" WHERE id = ${id}::uuid AND "authorId" = ${actor.id}::uuid FOR UPDATE`;
  const changeSet = await tx.changeSet.findFirst({ where: { id, authorId: actor.id }, select: { base: true, proposed: true, status: true, revision: true } });
  if (!changeSet) throw new NotFoundError("This change does not exist, or it is not yours.");
  if (revision !== undefined && changeSet.revision !== revision) {
    throw new ConflictError("This draft was saved again elsewhere (another tab?) just now, so it was not submitted: check what it says now, then submit it.");
  }
  // A double click: the other request submitted it a moment ago.
  if (changeSet.status === "SUBMITTED") return;
  if (!editableStatuses.includes(changeSet.status)) throw new ConflictError("This change has already been decided.");
  if (diffDocuments(parseStoredOrNull(changeSet.base, "ChangeSet.base", id), parseStored(changeSet.proposed, "ChangeSet.proposed", id)).length === 0) {
    throw new ConflictError("This draft changes nothing yet: there is nothing to review.");
  }
  await tx.changeSet.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: new Date(), decisionNote: null } });
  await recordAudit({ action: "change-set.submitted", actorId: actor.id, subject: `change-set:${id}`, address: actor.address }, tx);
}

/** Takes a submitted change set back from the review queue; the author can edit it again. */
export async function withdrawChangeSet(actor: Actor, id: string): Promise<void> {
  assertMay(actor, "organisations.propose");
  const withdrawn = await db.$transaction(async (tx) => {
    const { count } = await tx.changeSet.updateMany({ where: { id, authorId: actor.id, status: "SUBMITTED" }, data: { status: "WITHDRAWN" } });
    if (count) await recordAudit({ action: "change-set.withdrawn", actorId: actor.id, subject: `change-set:${id}`, address: actor.address }, tx);
    return count > 0;
  });
  if (!withdrawn) {
    const exists = await db.changeSet.findFirst({ where: { id, authorId: actor.id }, select: { status: true } });
    if (!exists) throw new NotFoundError("This change does not exist, or it is not yours.");
    throw new ConflictError("Only a change waiting for review can be withdrawn; this one is not.");
  }
}

/** A value as a conflict names it: lists joined, at most 80 characters; null when empty. */
const shownValue = (value: unknown) => (Array.isArray(value) ? value.join(", ") || null : value === null || value === undefined || value === "" ? null : String(value).slice(0, 80));
const describeValue = (value: unknown) => shownValue(value) ?? "(empty)";

/**
 * Proposes archiving (or restoring) an organisation: a change set of its own, sent for review at
 * once. One transaction, with the organisation's row locked: the change set is drafted from, and
 * proposes, the same published lock version, and nothing is left behind when it cannot be submitted.
 */
export async function proposeArchive(actor: Actor, organisationId: string, archive: boolean, note: string): Promise<string> {
  assertMay(actor, "organisations.propose");
  return db.$transaction(async (tx) => {
    const published = await readOrganisation(tx, organisationId, { lock: true });
    if (!published) throw new NotFoundError("This organisation does not exist.");
    if (published.document.archived === archive) {
      throw new ConflictError(archive ? "This organisation is already archived." : "This organisation is not archived.");
    }
    const { id, revision } = await saveDraftIn(tx, actor, { kind: archive ? "ARCHIVE" : "RESTORE", organisationId, document: published.document, note });
    await submitChangeSetIn(tx, actor, id, revision);
    return id;
  });
}

/**
 * Deletes the author's change set that is not waiting for review or decided (a draft, one sent
 * back, one withdrawn): nothing published changes. Returns the name it proposed and whether it
 * was a new organisation, for the message.
 */
export async function discardDraft(actor: Actor, id: string): Promise<{ name: string; created: boolean }> {
  assertMay(actor, "organisations.propose");
  return db.$transaction(async (tx) => {
    const changeSet = await tx.changeSet.findFirst({ where: { id, authorId: actor.id }, select: { status: true, kind: true, proposed: true } });
    if (!changeSet) throw new NotFoundError("This change does not exist, or it is not yours.");
    const { count } = await tx.changeSet.deleteMany({ where: { id, authorId: actor.id, status: { in: editableStatuses } } });
    if (count === 0) {
      throw new ConflictError(
        changeSet.status === "SUBMITTED" ? "This change is waiting for review: withdraw it from review first, then discard it." : "This change has been decided: it is part of the history and cannot be discarded.",
      );
    }
    await recordAudit({ action: "change-set.discarded", actorId: actor.id, subject: `change-set:${id}`, address: actor.address }, tx);
    return { name: parseStored(changeSet.proposed, "ChangeSet.proposed", id).name, created: changeSet.kind === "CREATE" };
  });
}
