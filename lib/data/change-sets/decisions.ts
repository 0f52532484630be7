import "server-only";
import { randomUUID } from "node:crypto";
import { tags } from "@/lib/cache";
import { applyChanges, collisions, diffDocuments, documentFields, fieldLabels, sameValue, type Change, type OrganisationDocument } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { slugFor, uniqueSlug } from "@/lib/slug";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, FieldConflictError, NotFoundError, openChangeMessage } from "@/lib/data/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeSetKind, ChangeSetStatus } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;
type Actor = { id: string; address?: string | null };

/** Statuses in which the author may still edit a change set. */
export const editableStatuses: ChangeSetStatus[] = ["DRAFT", "CHANGES_REQUESTED", "WITHDRAWN"];

const organisationSelect = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  kind: true,
  description: true,
  website: true,
  status: true,
  version: true,
  countries: { select: { countryCode: true }, orderBy: { position: "asc" } },
  contacts: { select: { id: true, type: true, label: true, value: true, rawValue: true }, orderBy: { position: "asc" } },
} satisfies Prisma.OrganisationSelect;

type OrganisationRow = Prisma.OrganisationGetPayload<{ select: typeof organisationSelect }>;

function toDocument(row: OrganisationRow): OrganisationDocument {
  return {
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    description: row.description,
    website: row.website,
    countries: row.countries.map((country) => country.countryCode),
    contacts: row.contacts,
    archived: row.status === "ARCHIVED",
  };
}

/** The published document and version of an organisation; `lock` holds its row until the transaction ends (as an approval does). */
export async function readOrganisation(tx: Tx, id: string, { lock = false } = {}): Promise<{ document: OrganisationDocument; version: number; lastVerifiedAt: Date | null } | null> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.organisation.findUnique({ where: { id }, select: { ...organisationSelect, lastVerifiedAt: true } });
  return row ? { document: toDocument(row), version: row.version, lastVerifiedAt: row.lastVerifiedAt } : null;
}

export async function getOrganisationDocument(id: string) {
  return db.$transaction((tx) => readOrganisation(tx, id));
}

/** Stores the organisation's current state as the revision of its current version (the seed's revision 1). */
export async function recordRevision(organisationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const published = await readOrganisation(tx, organisationId);
    if (!published) throw new NotFoundError("This organisation does not exist.");
    await tx.revision.create({ data: { organisationId, version: published.version, snapshot: published.document as unknown as Prisma.InputJsonValue } });
  });
}

/** Whether a slug is in use by another organisation, now or as an old address. */
async function slugTaken(tx: Tx, slug: string, organisationId?: string | null): Promise<boolean> {
  const [current, old] = await Promise.all([
    tx.organisation.findFirst({ where: { slug, ...(organisationId ? { id: { not: organisationId } } : {}) }, select: { id: true } }),
    tx.slugRedirect.findFirst({ where: { slug, ...(organisationId ? { organisationId: { not: organisationId } } : {}) }, select: { slug: true } }),
  ]);
  return Boolean(current || old);
}

/** Statuses of a change set that is still open: its author may edit it, or a reviewer decide it. */
const openStatuses: ChangeSetStatus[] = [...editableStatuses, "SUBMITTED"];
const openStatusesSql = Prisma.join(openStatuses.map((status) => Prisma.sql`${status.toLowerCase()}::"ChangeSetStatus"`));

/**
 * Whether another open change set (a draft or one waiting for review, of any author) proposes
 * this slug as a new address: a creation, or a change of address. Two such drafts would otherwise
 * both be saved, and collide only at the second approval.
 */
async function slugClaimed(tx: Tx, slug: string, changeSetId?: string | null): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "ChangeSet"
    WHERE "status" IN (${openStatusesSql}) AND "proposed"->>'slug' = ${slug}
      AND ("base" IS NULL OR "base"->>'slug' IS DISTINCT FROM "proposed"->>'slug')
      ${changeSetId ? Prisma.sql`AND "id" <> ${changeSetId}::uuid` : Prisma.empty}
    LIMIT 1`;
  return rows.length > 0;
}

/** A slug made from the name that no organisation uses (nor used), nor another open change proposes. */
async function freeSlug(tx: Tx, name: string, changeSetId?: string | null): Promise<string> {
  const stem = slugFor(name);
  const [current, old, claimed] = await Promise.all([
    tx.organisation.findMany({ where: { slug: { startsWith: stem } }, select: { slug: true } }),
    tx.slugRedirect.findMany({ where: { slug: { startsWith: stem } }, select: { slug: true } }),
    tx.$queryRaw<{ slug: string }[]>`
      SELECT "proposed"->>'slug' AS "slug" FROM "ChangeSet"
      WHERE "status" IN (${openStatusesSql}) AND starts_with("proposed"->>'slug', ${stem})
        ${changeSetId ? Prisma.sql`AND "id" <> ${changeSetId}::uuid` : Prisma.empty}`,
  ]);
  return uniqueSlug(name, new Set([...current, ...old, ...claimed].map((row) => row.slug)));
}

/**
 * One open change set per author and organisation: a second would be reviewed against the same
 * base and overwrite the first. The partial unique index `ChangeSet_one_open_per_author_key`
 * holds it when two requests race past this check.
 */
async function refuseSecondOpenChange(tx: Tx, actor: Actor, organisationId: string | null): Promise<void> {
  if (!organisationId) return;
  const open = await tx.changeSet.findFirst({ where: { authorId: actor.id, organisationId, status: { in: openStatuses } }, select: { id: true } });
  if (open) throw new ConflictError(openChangeMessage);
}

type ProposalInput = {
  kind: ChangeSetKind;
  organisationId: string | null;
  /** The change set being saved again, whose own slug is not a collision. */
  changeSetId?: string | null;
  document: DraftInput["document"];
  /** The change set saved before, when saving it again. */
  earlier: { base: OrganisationDocument | null; baseVersion: number | null; proposed: OrganisationDocument } | null;
};

/**
 * The base and proposed documents of a change set being saved: an update records the published
 * document and version it starts from (once); contacts keep their ids and new ones get one; an id
 * that is neither one of this organisation's contacts nor one the change set already had is
 * refused (mass assignment); the slug must be free: no other organisation has (or had) it, and
 * no other open change proposes it as a new address.
 */
async function prepareProposal(tx: Tx, { kind, organisationId, changeSetId, document, earlier }: ProposalInput) {
  let base = earlier?.base ?? null;
  let baseVersion = earlier?.baseVersion ?? null;
  if (kind !== "CREATE" && !earlier) {
    if (!organisationId) throw new NotFoundError("Choose the organisation to change.");
    const published = await readOrganisation(tx, organisationId);
    if (!published) throw new NotFoundError("This organisation does not exist.");
    base = published.document;
    baseVersion = published.version;
  }
  const knownIds = new Set([...(base?.contacts ?? []), ...(earlier?.proposed.contacts ?? [])].map((contact) => contact.id));
  const contacts = document.contacts.map((contact, index) => {
    if (contact.id && !knownIds.has(contact.id)) throw new FieldConflictError(`contacts.${index}.value`, "This contact does not belong to this organisation.");
    return { ...contact, id: contact.id ?? randomUUID() };
  });
  const archived = kind === "ARCHIVE" ? true : kind === "RESTORE" ? false : (base?.archived ?? false);
  const slug = document.slug || base?.slug || (await freeSlug(tx, document.name, changeSetId));
  const proposed: OrganisationDocument = { ...document, slug, contacts, archived };
  if (await slugTaken(tx, proposed.slug, organisationId)) {
    throw new FieldConflictError("slug", `The address "${proposed.slug}" is already used by another organisation. Choose another.`);
  }
  if (proposed.slug !== base?.slug && (await slugClaimed(tx, proposed.slug, changeSetId))) {
    throw new FieldConflictError("slug", `The address "${proposed.slug}" is already proposed for another organisation, in a change not yet decided. Choose another.`);
  }
  return { base, baseVersion, proposed };
}

export type DraftInput = {
  /** The change set to save again; absent for a new one. */
  id?: string;
  /** The revision the form was loaded with, so two tabs cannot overwrite each other's draft. */
  revision?: number;
  kind: ChangeSetKind;
  organisationId?: string | null;
  /** The proposed organisation. An empty slug keeps the current one (or makes one from the name); `archived` follows the kind. */
  document: Omit<OrganisationDocument, "contacts" | "archived"> & { contacts: (Omit<OrganisationDocument["contacts"][number], "id"> & { id?: string })[] };
  note: string;
};

/**
 * Saves a draft change set (new, or the author's own in an editable status). Nothing published
 * changes. An update records the organisation's version and document it was drafted from.
 * Contacts keep their ids; new ones get an id now; an id that is neither one of this
 * organisation's contacts nor one this draft already had is refused (mass assignment).
 */
export async function saveDraft(actor: Actor, input: DraftInput): Promise<{ id: string; revision: number }> {
  return db.$transaction((tx) => saveDraftIn(tx, actor, input));
}

/** saveDraft inside the caller's transaction, for a change that saves and submits as one. */
export async function saveDraftIn(tx: Tx, actor: Actor, input: DraftInput): Promise<{ id: string; revision: number }> {
  const existing = input.id
    ? await tx.changeSet.findFirst({ where: { id: input.id, authorId: actor.id }, select: { id: true, kind: true, status: true, revision: true, organisationId: true, base: true, baseVersion: true, proposed: true } })
    : null;
  if (input.id && !existing) throw new NotFoundError("This change does not exist, or it is not yours.");
  if (existing && !editableStatuses.includes(existing.status)) throw new ConflictError("This change has been submitted or decided: it can no longer be edited.");
  if (existing && input.revision !== undefined && existing.revision !== input.revision) {
    // Never a lost update: say what differs, with both values, and save nothing.
    const saved = existing.proposed as unknown as OrganisationDocument;
    const differences = documentFields
      .filter((field) => field !== "archived" && field !== "slug" && !sameValue(saved[field], (input.document as Record<string, unknown>)[field]))
      .map((field) => `${fieldLabels[field]}: “${describeValue(saved[field])}” there, “${describeValue((input.document as Record<string, unknown>)[field])}” here`);
    const contactsDiffer = !sameValue(saved.contacts.map((contact) => contact.rawValue), input.document.contacts.map((contact) => contact.rawValue));
    throw new ConflictError(
      `This draft was saved elsewhere (another tab?) since you opened it, so nothing was saved here. ${
        differences.length || contactsDiffer ? `It differs in ${[...differences, ...(contactsDiffer ? ["the contacts"] : [])].join("; ")}.` : "It has the same values."
      } Copy what you need, then reload.`,
    );
  }
  const kind = existing?.kind ?? input.kind;
  const organisationId = existing?.organisationId ?? input.organisationId ?? null;
  if (!existing) await refuseSecondOpenChange(tx, actor, organisationId);
  const { base, baseVersion, proposed } = await prepareProposal(tx, {
    kind,
    organisationId,
    changeSetId: existing?.id,
    document: input.document,
    earlier: existing ? { base: existing.base as OrganisationDocument | null, baseVersion: existing.baseVersion, proposed: existing.proposed as unknown as OrganisationDocument } : null,
  });
  const data = { proposed: proposed as unknown as Prisma.InputJsonValue, note: input.note };
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
    data: { ...data, kind, organisationId, authorId: actor.id, baseVersion, base: base === null ? Prisma.DbNull : (base as unknown as Prisma.InputJsonValue) },
    select: { id: true, revision: true },
  });
}

/**
 * Sends the author's draft to the reviewers. With `revision`, only that revision of it (the one
 * the author just saved): if it was saved again since (another tab), nothing is submitted. A
 * double submit changes it once.
 */
export async function submitChangeSet(actor: Actor, id: string, revision?: number): Promise<void> {
  await db.$transaction((tx) => submitChangeSetIn(tx, actor, id, revision));
}

/** submitChangeSet inside the caller's transaction. */
export async function submitChangeSetIn(tx: Tx, actor: Actor, id: string, revision?: number): Promise<void> {
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
  if (diffDocuments(changeSet.base as OrganisationDocument | null, changeSet.proposed as OrganisationDocument).length === 0) {
    throw new ConflictError("This draft changes nothing yet: there is nothing to review.");
  }
  await tx.changeSet.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: new Date(), decisionNote: null } });
  await recordAudit({ action: "change-set.submitted", actorId: actor.id, subject: `change-set:${id}`, address: actor.address }, tx);
}

/** Takes a submitted change set back from the review queue; the author can edit it again. */
export async function withdrawChangeSet(actor: Actor, id: string): Promise<void> {
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

/** A decision is on the revision the reviewer saw: the author may have withdrawn, edited and resubmitted it since. */
const editedSinceMessage = "The author changed this since you opened it (withdrawn, edited and sent again). Reload to review what it says now; nothing was decided.";

/** Nobody decides on a change set they authored, whatever their role (four eyes). */
export const ownChangeMessage = "You cannot decide on a change you made yourself: another reviewer decides it.";

/**
 * Rejects (a reason is required and shown to the author) or sends back for changes (a comment;
 * the author can edit again). Atomic: of two reviewers deciding at the same moment, one wins and
 * the other is told it was already decided. Audited in the same transaction.
 */
export async function declineChangeSet(actor: Actor, id: string, outcome: "REJECTED" | "CHANGES_REQUESTED", note: string, { revision }: { revision?: number } = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const changeSet = await tx.changeSet.findUnique({ where: { id }, select: { authorId: true, public: true } });
    if (!changeSet) throw new NotFoundError("This change does not exist.");
    if (changeSet.authorId === actor.id) throw new ConflictError(ownChangeMessage);
    if (changeSet.public && outcome === "CHANGES_REQUESTED") {
      throw new ConflictError("A public suggestion has no author to send it back to: reject it with a reason, or turn it into your own draft.");
    }
    const { count } = await tx.changeSet.updateMany({
      where: { id, status: "SUBMITTED", ...(revision === undefined ? {} : { revision }) },
      data: { status: outcome, decisionNote: note, decidedAt: new Date(), decidedById: actor.id },
    });
    if (count === 0) {
      const now = await tx.changeSet.findUnique({ where: { id }, select: { status: true } });
      throw new ConflictError(now?.status === "SUBMITTED" ? editedSinceMessage : "This change has already been decided (or withdrawn).");
    }
    await recordAudit(
      { action: outcome === "REJECTED" ? "change-set.rejected" : "change-set.changes-requested", actorId: actor.id, subject: `change-set:${id}`, address: actor.address, details: { note } },
      tx,
    );
  });
}

export type ChangeSetDetail = {
  id: string;
  kind: ChangeSetKind;
  status: ChangeSetStatus;
  organisationId: string | null;
  authorId: string | null;
  baseVersion: number | null;
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
    const base = row.base as OrganisationDocument | null;
    const proposed = row.proposed as unknown as OrganisationDocument;
    const published = row.organisationId ? await readOrganisation(tx, row.organisationId) : null;
    const changes = diffDocuments(base, proposed);
    const moved = base && published && published.version !== row.baseVersion ? collisions(changes, base, published.document) : [];
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      organisationId: row.organisationId,
      authorId: row.authorId,
      baseVersion: row.baseVersion,
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

export type AppliedChangeSet = { organisationId: string; version: number; tags: string[]; partly: boolean };

/**
 * Applies the accepted changes of a submitted change set, in one transaction: checks that it is
 * still the `revision` the reviewer saw, and that the organisation's version has not moved, or that no accepted change collides with what moved;
 * writes the new values (contacts keep their ids); bumps `version`; stores the revision; marks
 * the change set approved (or partly approved) with its decisions; writes an audit event.
 * Returns the cache tags it touched: the caller refreshes them after the commit with
 * revalidatePublic. On any failure nothing is written.
 */
export async function applyChangeSet(
  actor: Actor,
  changeSetId: string,
  acceptedKeys: readonly string[] | "all",
  { note, revision }: { note?: string; revision?: number } = {},
): Promise<AppliedChangeSet> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "ChangeSet" WHERE id = ${changeSetId}::uuid FOR UPDATE`;
    const changeSet = await tx.changeSet.findUnique({ where: { id: changeSetId } });
    if (!changeSet) throw new NotFoundError("This change does not exist.");
    if (changeSet.status !== "SUBMITTED") throw new ConflictError("This change has already been decided (or is not submitted).");
    if (revision !== undefined && changeSet.revision !== revision) throw new ConflictError(editedSinceMessage);
    if (changeSet.authorId === actor.id) throw new ConflictError(ownChangeMessage);
    const base = changeSet.base as OrganisationDocument | null;
    const proposed = changeSet.proposed as unknown as OrganisationDocument;
    const changes = diffDocuments(base, proposed);
    const accepted = acceptedKeys === "all" ? changes : changes.filter((change) => acceptedKeys.includes(change.key));
    if (accepted.length === 0) throw new ConflictError("Accept at least one change to approve, or reject the whole change.");
    const rejected = changes.filter((change) => !accepted.includes(change));

    let organisationId = changeSet.organisationId;
    let before: OrganisationDocument | null = null;
    let version: number;
    let next: OrganisationDocument;
    if (changeSet.kind === "CREATE") {
      const required = ["name", "kind", "countries", "slug"] as const;
      const missing = required.filter((field) => !accepted.some((change) => change.key === field));
      if (missing.length) throw new ConflictError(`A new organisation needs its ${missing.map((field) => fieldLabels[field].toLowerCase()).join(", ")}: accept ${missing.length > 1 ? "them" : "it"} or reject the whole change.`);
      next = applyChanges({ ...proposed, acronym: null, website: null, description: "", contacts: [], archived: false }, proposed, accepted);
      if (await slugTaken(tx, next.slug)) throw new ConflictError(`The address "${next.slug}" is already used by another organisation.`);
      const created = await tx.organisation.create({
        data: { slug: next.slug, name: next.name, acronym: next.acronym, kind: next.kind, description: next.description, website: next.website, countryCodes: next.countries },
        select: { id: true, version: true },
      });
      organisationId = created.id;
      version = created.version;
      await addSearchWords(tx, next);
    } else {
      if (!organisationId || !base) throw new NotFoundError("The organisation of this change no longer exists.");
      const published = await readOrganisation(tx, organisationId, { lock: true });
      if (!published) throw new NotFoundError("The organisation of this change no longer exists.");
      if (published.version !== changeSet.baseVersion) {
        const collided = collisions(accepted, base, published.document);
        if (collided.length) {
          const names = accepted.filter((change) => collided.includes(change.key)).map(describeChange);
          throw new ConflictError(`The published organisation changed since this was drafted, in: ${names.join(", ")}. Reject those, or ask the author to redo them on the current version.`);
        }
      }
      before = published.document;
      next = applyChanges(published.document, proposed, accepted);
      if (next.slug !== before.slug && (await slugTaken(tx, next.slug, organisationId))) {
        throw new ConflictError(`The address "${next.slug}" is already used by another organisation.`);
      }
      version = published.version + 1;
      await tx.organisation.update({
        where: { id: organisationId },
        data: {
          slug: next.slug,
          name: next.name,
          acronym: next.acronym,
          kind: next.kind,
          description: next.description,
          website: next.website,
          status: next.archived ? "ARCHIVED" : "PUBLISHED",
          countryCodes: next.countries,
          version,
        },
      });
      if (next.name !== before.name || next.acronym !== before.acronym) await addSearchWords(tx, next);
      if (next.slug !== before.slug) {
        await tx.slugRedirect.deleteMany({ where: { slug: next.slug } });
        await tx.slugRedirect.create({ data: { slug: before.slug, organisationId } });
      }
    }
    await writeCountriesAndContacts(tx, organisationId, before, next);
    await tx.revision.create({ data: { organisationId, version, snapshot: next as unknown as Prisma.InputJsonValue, changeSetId } });
    const decisions = { accepted: accepted.map((change) => change.key), rejected: rejected.map((change) => change.key) };
    await tx.changeSet.update({
      where: { id: changeSetId },
      data: { status: rejected.length ? "PARTLY_APPROVED" : "APPROVED", decisions, decisionNote: note || null, decidedAt: new Date(), decidedById: actor.id, organisationId },
    });
    await recordAudit({ action: "change-set.applied", actorId: actor.id, subject: `organisation:${organisationId}`, address: actor.address, details: { changeSetId, version, ...decisions } }, tx);
    const countries = new Set([...(before?.countries ?? []), ...next.countries]);
    return { organisationId, version, partly: rejected.length > 0, tags: [tags.organisation(organisationId), tags.organisations, ...[...countries].map(tags.country)] };
  }, applyTransaction);
}

/** The words of a new name or acronym join the typo fallback's dictionary (the function is the migration's). */
function addSearchWords(tx: Prisma.TransactionClient, document: { name: string; acronym: string | null }) {
  return tx.$executeRaw`SELECT prova_add_search_words(${`${document.name} ${document.acronym ?? ""}`})`;
}

/**
 * Approvals of one organisation wait for each other on its row lock while holding a pooled
 * connection, so many at once (50 in the test) queue for connections longer than Prisma's 2 s
 * default: they wait their turn instead of failing.
 */
const applyTransaction = { maxWait: 20_000, timeout: 30_000 };

const describeValue = (value: unknown) => (Array.isArray(value) ? value.join(", ") : value === null || value === undefined || value === "" ? "(empty)" : String(value).slice(0, 80));

function describeChange(change: Change): string {
  if (change.type === "field") return fieldLabels[change.field].toLowerCase();
  if (change.type === "order") return "the order of the contacts";
  return `the contact ${(change.base ?? change.proposed)!.rawValue}`;
}

/** Rewrites the country rows when they changed, and upserts the contacts by id in their order. */
async function writeCountriesAndContacts(tx: Tx, organisationId: string, before: OrganisationDocument | null, next: OrganisationDocument) {
  if (!before || before.countries.join() !== next.countries.join()) {
    await tx.organisationCountry.deleteMany({ where: { organisationId } });
    await tx.organisationCountry.createMany({ data: next.countries.map((countryCode, position) => ({ organisationId, countryCode, position })) });
  }
  const keep = next.contacts.map((contact) => contact.id);
  const existing = new Set((before?.contacts ?? []).map((contact) => contact.id));
  await tx.contact.deleteMany({ where: { organisationId, id: { notIn: keep } } });
  for (const [position, contact] of next.contacts.entries()) {
    const data = { position, type: contact.type, label: contact.label, value: contact.value, rawValue: contact.rawValue };
    // Scoped to this organisation: an id can never reach another organisation's contact.
    if (existing.has(contact.id)) await tx.contact.updateMany({ where: { id: contact.id, organisationId }, data });
    else await tx.contact.create({ data: { id: contact.id, organisationId, ...data } });
  }
}

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
  name: (proposed as unknown as OrganisationDocument).name,
});

/** The signed-in user's change sets, newest first: drafts, those waiting for review, and outcomes. */
export async function listOwnChangeSets(actor: Actor, limit = 50): Promise<ChangeSetListItem[]> {
  const rows = await db.changeSet.findMany({ where: { authorId: actor.id }, select: listSelect, orderBy: { updatedAt: "desc" }, take: limit });
  return rows.map(toListItem);
}

/** The author's open (editable or submitted) change set for an organisation, if any. */
export async function findOpenChangeSet(actor: Actor, organisationId: string): Promise<string | null> {
  const row = await db.changeSet.findFirst({
    where: { authorId: actor.id, organisationId, status: { in: [...editableStatuses, "SUBMITTED"] } },
    select: { id: true },
    orderBy: { updatedAt: "desc" },
  });
  return row?.id ?? null;
}

export async function countAwaitingReview(): Promise<number> {
  return db.changeSet.count({ where: { status: "SUBMITTED" } });
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

/**
 * Proposes archiving (or restoring) an organisation: a change set of its own, sent for review at
 * once. One transaction, with the organisation's row locked: the change set is drafted from, and
 * proposes, the same published version, and nothing is left behind when it cannot be submitted.
 */
export async function proposeArchive(actor: Actor, organisationId: string, archive: boolean, note: string): Promise<string> {
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
 * Records that someone checked the listing today. It changes no listed fact, so it needs no
 * review; it is audited. Returns the cache tags to refresh (the page shows the date).
 */
export async function markVerified(actor: Actor, organisationId: string): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.organisation.updateMany({ where: { id: organisationId }, data: { lastVerifiedAt: new Date() } });
    if (count === 0) throw new NotFoundError("This organisation does not exist.");
    await recordAudit({ action: "organisation.verified", actorId: actor.id, subject: `organisation:${organisationId}`, address: actor.address }, tx);
    return [tags.organisation(organisationId)];
  });
}

export type SuggestionInput = {
  organisationId?: string | null;
  document: DraftInput["document"];
  note: string;
  suggester: { name: string | null; email: string | null; address: string };
};

/**
 * A suggestion from the public: a change set with no author, submitted at once. It never touches
 * published data until a reviewer approves it. Returns its id.
 */
export async function createSuggestion(input: SuggestionInput): Promise<string> {
  return db.$transaction(async (tx) => {
    const kind: ChangeSetKind = input.organisationId ? "UPDATE" : "CREATE";
    const organisationId = input.organisationId ?? null;
    const { base, baseVersion, proposed } = await prepareProposal(tx, { kind, organisationId, document: input.document, earlier: null });
    if (base?.archived) throw new NotFoundError("This organisation is not listed.");
    if (diffDocuments(base, proposed).length === 0) throw new ConflictError("This suggestion changes nothing: edit a field first.");
    const { id } = await tx.changeSet.create({
      data: {
        kind,
        organisationId,
        status: "SUBMITTED",
        submittedAt: new Date(),
        public: true,
        suggesterName: input.suggester.name,
        suggesterEmail: input.suggester.email,
        suggesterAddress: input.suggester.address,
        baseVersion,
        base: base === null ? Prisma.DbNull : (base as unknown as Prisma.InputJsonValue),
        proposed: proposed as unknown as Prisma.InputJsonValue,
        note: input.note,
      },
      select: { id: true },
    });
    await recordAudit({ action: "suggestion.received", subject: `change-set:${id}`, address: input.suggester.address }, tx);
    return id;
  });
}

/**
 * Turns a public suggestion into the reviewer's own draft, to complete it before it goes through
 * review again (decided then by someone else). The suggestion is closed as taken over.
 */
export async function adoptSuggestion(actor: Actor, id: string): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "ChangeSet" WHERE id = ${id}::uuid FOR UPDATE`;
    const suggestion = await tx.changeSet.findUnique({ where: { id } });
    if (!suggestion?.public) throw new NotFoundError("This suggestion does not exist.");
    if (suggestion.status !== "SUBMITTED") throw new ConflictError("This suggestion has already been decided.");
    await refuseSecondOpenChange(tx, actor, suggestion.organisationId);
    const { id: draftId } = await tx.changeSet.create({
      data: {
        kind: suggestion.kind,
        organisationId: suggestion.organisationId,
        authorId: actor.id,
        baseVersion: suggestion.baseVersion,
        base: suggestion.base === null ? Prisma.DbNull : (suggestion.base as Prisma.InputJsonValue),
        proposed: suggestion.proposed as Prisma.InputJsonValue,
        note: suggestion.note ? `From a public suggestion: ${suggestion.note}` : "From a public suggestion.",
      },
      select: { id: true },
    });
    await tx.changeSet.update({
      where: { id },
      data: { status: "WITHDRAWN", decisionNote: "Taken over by an editor, who completes it before review.", decidedAt: new Date(), decidedById: actor.id },
    });
    await recordAudit({ action: "suggestion.adopted", actorId: actor.id, subject: `change-set:${id}`, address: actor.address, details: { draft: draftId } }, tx);
    return draftId;
  });
}
