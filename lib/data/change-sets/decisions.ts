import "server-only";
import { applyChanges, collisions, diffDocuments, fieldLabels, translationLabel, type Change, type OrganisationDocument } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { pagesChangedBy } from "@/lib/data/page-changes";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { parseStored, parseStoredOrNull, toStored } from "@/lib/data/stored-documents";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugTaken } from "./proposal";
import { alreadyDecidedMessage } from "./already-decided";
import { readOrganisation } from "./published";
import type { Actor, Tx } from "./shared";
import { assertMay } from "@/lib/data/actor";
import { queueMail } from "@/lib/jobs";
import type { DecisionOutcome } from "@/lib/mail";
import { checkNewLinks } from "@/lib/jobs/links";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";

// The reviewer's side: decline a change set, or apply the changes they accept.

/** A decision is on the revision the reviewer saw: the author may have withdrawn, edited and resubmitted it since. */
const editedSinceMessage = "The author changed this since you opened it (withdrawn, edited and sent again). Reload to review what it says now; nothing was decided.";

/** Nobody decides on a change set they authored, whatever their role (four eyes). */
export const ownChangeMessage = "You cannot decide on a change you made yourself: another reviewer decides it.";

/**
 * What a new organisation cannot be created without, when the reviewer did not accept it: one
 * message for each field, and one naming them all when several are missing.
 */
const missingFieldMessages = {
  name: "A new organisation needs its name: accept it or reject the whole change.",
  kind: "A new organisation needs its kind: accept it or reject the whole change.",
  countries: "A new organisation needs its countries: accept it or reject the whole change.",
  slug: "A new organisation needs its address (slug): accept it or reject the whole change.",
  several: "A new organisation needs its name, kind, countries and address (slug): accept them or reject the whole change.",
};

/**
 * Rejects (a reason is required and shown to the author) or sends back for changes (a comment;
 * the author can edit again). Atomic: of two reviewers deciding at the same moment, one wins and
 * the other is told who decided what, and when. Audited in the same transaction.
 */
export async function declineChangeSet(actor: Actor, id: string, outcome: "REJECTED" | "CHANGES_REQUESTED", note: string, { revision }: { revision?: number } = {}): Promise<void> {
  assertMay(actor, "changes.decide");
  await db.$transaction(async (tx) => {
    const changeSet = await tx.changeSet.findUnique({ where: { id }, select: { authorId: true, public: true, suggesterEmail: true, suggesterName: true, suggesterLanguage: true, proposed: true, importBatchId: true } });
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
      const now = await tx.changeSet.findUnique({ where: { id }, select: { id: true, status: true, public: true, decidedAt: true, decidedById: true } });
      if (!now) throw new NotFoundError("This change does not exist.");
      throw new ConflictError(now.status === "SUBMITTED" ? editedSinceMessage : await alreadyDecidedMessage(tx, actor, now, "notRecorded"));
    }
    await recordAudit(
      { action: outcome === "REJECTED" ? "change-set.rejected" : "change-set.changes-requested", actorId: actor.id, subject: `change-set:${id}`, address: actor.address, details: { note } },
      tx,
    );
    if (outcome === "REJECTED") await tellSuggester(tx, id, changeSet, "rejected", note);
    await tellAuthor(tx, id, changeSet, outcome === "REJECTED" ? "rejected" : "changes-requested", note);
  });
}

/** `revisionNumber`: the revision it published, numbered by the organisation's new lock version. */
export type AppliedChangeSet = { organisationId: string; revisionNumber: number; tags: string[]; partly: boolean };

/**
 * Applies the accepted changes of a submitted change set, in one transaction: checks that it is
 * still the `revision` the reviewer saw, and that the organisation's lock version has not moved, or that no accepted change collides with what moved;
 * writes the new values (contacts keep their ids); bumps the lock version; stores the revision under that number; marks
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
  assertMay(actor, "changes.decide");
  const target = await db.changeSet.findUnique({ where: { id: changeSetId }, select: { organisationId: true } });
  return oneAtATime(target?.organisationId, () => db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "ChangeSet" WHERE id = ${changeSetId}::uuid FOR UPDATE`;
    const changeSet = await tx.changeSet.findUnique({ where: { id: changeSetId } });
    if (!changeSet) throw new NotFoundError("This change does not exist.");
    if (changeSet.status !== "SUBMITTED") throw new ConflictError(await alreadyDecidedMessage(tx, actor, changeSet, "notApplied"));
    if (revision !== undefined && changeSet.revision !== revision) throw new ConflictError(editedSinceMessage);
    if (changeSet.authorId === actor.id) throw new ConflictError(ownChangeMessage);
    const base = parseStoredOrNull(changeSet.base, "ChangeSet.base", changeSetId);
    const proposed = parseStored(changeSet.proposed, "ChangeSet.proposed", changeSetId);
    const changes = diffDocuments(base, proposed);
    const accepted = acceptedKeys === "all" ? changes : changes.filter((change) => acceptedKeys.includes(change.key));
    if (accepted.length === 0) throw new ConflictError("Accept at least one change to approve, or reject the whole change.");
    const rejected = changes.filter((change) => !accepted.includes(change));

    let organisationId = changeSet.organisationId;
    let before: OrganisationDocument | null = null;
    let lockVersion: number;
    let next: OrganisationDocument;
    if (changeSet.kind === "CREATE") {
      const required = ["name", "kind", "countries", "slug"] as const;
      const missing = required.filter((field) => !accepted.some((change) => change.key === field));
      if (missing.length) throw new ConflictError(missing.length > 1 ? missingFieldMessages.several : missingFieldMessages[missing[0]]);
      next = applyChanges({ ...proposed, acronym: null, website: null, description: "", contacts: [], archived: false, originalLanguage: "en", translations: {} }, proposed, accepted);
      if (await slugTaken(tx, next.slug)) throw new ConflictError(`The address "${next.slug}" is already used by another organisation.`);
      const created = await tx.organisation.create({
        data: { slug: next.slug, name: next.name, acronym: next.acronym, kind: next.kind, description: next.description, website: next.website, originalLanguage: next.originalLanguage, translations: next.translations, countryCodes: next.countries },
        select: { id: true, version: true },
      });
      organisationId = created.id;
      lockVersion = created.version;
      await addSearchWords(tx, next);
    } else {
      if (!organisationId || !base) throw new NotFoundError("The organisation of this change no longer exists.");
      const published = await readOrganisation(tx, organisationId, { lock: true });
      if (!published) throw new NotFoundError("The organisation of this change no longer exists.");
      if (published.lockVersion !== changeSet.baseVersion) {
        const collided = collisions(accepted, base, published.document);
        if (collided.length) {
          const changes = accepted.filter((change) => collided.includes(change.key));
          throw new ConflictError(`The published organisation changed since this was drafted, in: ${changes.map(describeChange).join(", ")}. Reject those, or ask the author to redo them on the current version.`, {
            changes: changes.map((change) => change.key),
          });
        }
      }
      before = published.document;
      next = applyChanges(published.document, proposed, accepted);
      if (next.slug !== before.slug && (await slugTaken(tx, next.slug, organisationId))) {
        throw new ConflictError(`The address "${next.slug}" is already used by another organisation.`);
      }
      lockVersion = published.lockVersion + 1;
      await tx.organisation.update({
        where: { id: organisationId },
        data: {
          slug: next.slug,
          name: next.name,
          acronym: next.acronym,
          kind: next.kind,
          description: next.description,
          website: next.website,
          originalLanguage: next.originalLanguage,
          translations: next.translations,
          status: next.archived ? "ARCHIVED" : "PUBLISHED",
          countryCodes: next.countries,
          version: lockVersion,
        },
      });
      if (next.name !== before.name || next.acronym !== before.acronym) await addSearchWords(tx, next);
      if (next.slug !== before.slug) {
        await tx.slugRedirect.deleteMany({ where: { slug: next.slug } });
        await tx.slugRedirect.create({ data: { slug: before.slug, organisationId } });
      }
    }
    await writeCountriesAndContacts(tx, organisationId, before, next);
    // A revision is numbered by the lock version it published.
    const revisionNumber = lockVersion;
    await tx.revision.create({ data: { organisationId, version: revisionNumber, snapshot: toStored(next), changeSetId } });
    const decisions = { accepted: accepted.map((change) => change.key), rejected: rejected.map((change) => change.key) };
    await tx.changeSet.update({
      where: { id: changeSetId },
      data: { status: rejected.length ? "PARTLY_APPROVED" : "APPROVED", decisions, decisionNote: note || null, decidedAt: new Date(), decidedById: actor.id, organisationId },
    });
    await recordAudit({ action: "change-set.applied", actorId: actor.id, subject: `organisation:${organisationId}`, address: actor.address, details: { changeSetId, version: revisionNumber, ...decisions } }, tx);
    await tellSuggester(tx, changeSetId, changeSet, rejected.length ? "partly-approved" : "approved", note ?? "");
    await tellAuthor(tx, changeSetId, changeSet, rejected.length ? "partly-approved" : "approved", note ?? "");
    // A URL the directory did not publish yet is checked soon (its check commits with the approval).
    if (!next.archived) await checkNewLinks(publishedUrls(next), { tx });
    return { organisationId, revisionNumber, partly: rejected.length > 0, tags: await pagesChangedBy(tx, organisationId, before, next) };
  }, applyTransaction));
}

/** The approvals of each organisation under way in this process, the latest last. */
const approvals = new Map<string, Promise<unknown>>();

/**
 * Runs the approvals of one organisation in this process one after another. They would wait for
 * each other on its row lock anyway (which still orders them across processes), but each holding
 * a pooled connection meanwhile: many at once would fill the pool, and a full pool fails every
 * other request after 2 s (lib/db.ts).
 */
function oneAtATime<T>(organisationId: string | null | undefined, run: () => Promise<T>): Promise<T> {
  if (!organisationId) return run();
  const current = (approvals.get(organisationId) ?? Promise.resolve()).then(run, run);
  approvals.set(organisationId, current);
  const forget = () => {
    if (approvals.get(organisationId) === current) approvals.delete(organisationId);
  };
  current.then(forget, forget);
  return current;
}

/**
 * A public suggestion whose suggester left an e-mail: the outcome mail is queued by the deciding
 * transaction, so it exists exactly when the decision does (sent by the worker, lib/jobs/mail.ts).
 */
async function tellSuggester(
  tx: Prisma.TransactionClient,
  changeSetId: string,
  changeSet: { public: boolean; suggesterEmail: string | null; suggesterName: string | null; suggesterLanguage: string | null; proposed: Prisma.JsonValue },
  outcome: "approved" | "partly-approved" | "rejected",
  note: string,
) {
  if (!changeSet.public || !changeSet.suggesterEmail) return;
  const organisation = parseStored(changeSet.proposed, "ChangeSet.proposed", changeSetId).name;
  const language = isLocale(changeSet.suggesterLanguage) ? changeSet.suggesterLanguage : defaultLocale;
  await queueMail({ kind: "suggestion-outcome", to: changeSet.suggesterEmail, name: changeSet.suggesterName, organisation, outcome, note, language }, { tx });
}

/**
 * The member of staff whose change was decided, unless they turned these messages off on their
 * account page (or their account is disabled): queued by the deciding transaction, as above.
 */
async function tellAuthor(
  tx: Prisma.TransactionClient,
  changeSetId: string,
  changeSet: { authorId: string | null; proposed: Prisma.JsonValue; importBatchId: string | null },
  outcome: DecisionOutcome,
  note: string,
) {
  // An import's author follows its decisions on the import's page, not in a message per row.
  if (!changeSet.authorId || changeSet.importBatchId) return;
  const author = await tx.user.findUnique({ where: { id: changeSet.authorId }, select: { email: true, name: true, language: true, notifyDecisions: true, disabledAt: true } });
  if (!author?.notifyDecisions || author.disabledAt) return;
  const organisation = parseStored(changeSet.proposed, "ChangeSet.proposed", changeSetId).name;
  const language = isLocale(author.language) ? author.language : defaultLocale;
  await queueMail({ kind: "decision", to: author.email, name: author.name, organisation, outcome, note, changeSetId, language }, { tx });
}

/** The words of a new name or acronym join the typo fallback's dictionary (the function is the migration's). */
function addSearchWords(tx: Prisma.TransactionClient, document: { name: string; acronym: string | null }) {
  return tx.$executeRaw`SELECT prova_add_search_words(${`${document.name} ${document.acronym ?? ""}`})`;
}

/** Approvals of one organisation from several processes wait for each other on its row lock. */
const applyTransaction = { maxWait: 20_000, timeout: 30_000 };

function describeChange(change: Change): string {
  if (change.type === "field") return fieldLabels[change.field].toLowerCase();
  if (change.type === "order") return "the order of the contacts";
  if (change.type === "translation") return translationLabel(change.language, change.part).toLowerCase();
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

/** The URLs an organisation publishes that the link checker watches: its website and contact forms. */
function publishedUrls(document: OrganisationDocument): string[] {
  return [document.website, ...document.contacts.filter((contact) => contact.type === "CONTACT_FORM").map((contact) => contact.value)].filter((url): url is string => Boolean(url));
}
