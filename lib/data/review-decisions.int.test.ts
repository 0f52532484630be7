import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/data/actor";
import { adoptSuggestion, applyChangeSet, countAwaitingReview, createSuggestion, declineChangeSet, getOrganisationDocument, saveDraft, submitChangeSet, withdrawChangeSet, type DraftInput } from "./change-sets";
import { getChangeSetForReview, listReviewQueue } from "./reviews";

// What a reviewer is told: what waits for them, what a change was drafted from, and who decided
// a change they were deciding too.

const run = crypto.randomUUID().slice(0, 8);
let editor: Actor;
let ana: Actor;
let bob: Actor;

beforeAll(async () => {
  const make = (name: string, role: "EDITOR" | "REVIEWER") =>
    db.user.create({ data: { email: `${name.toLowerCase().replace(/\W+/g, "-")}-${run}@prova.test`, name, role }, select: { id: true, role: true } });
  [editor, ana, bob] = await Promise.all([make("Eve Editor", "EDITOR"), make("Ana Reviewer", "REVIEWER"), make("Bob Reviewer", "REVIEWER")]);
});

const suggestions: string[] = [];
afterAll(async () => {
  await db.changeSet.deleteMany({ where: { OR: [{ author: { email: { endsWith: `-${run}@prova.test` } } }, { id: { in: suggestions } }] } });
  await db.importBatch.deleteMany({ where: { fileName: { startsWith: `rd-${run}` } } });
  await db.organisation.deleteMany({ where: { slug: { startsWith: `rd-${run}` } } });
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

let made = 0;
const newDocument = (name: string): DraftInput["document"] => ({
  slug: `rd-${run}-${++made}`,
  name: `${name} ${run}`,
  acronym: null,
  kind: "NGO",
  description: "Works with young people.",
  website: null,
  countries: ["BE"],
  contacts: [{ type: "EMAIL", label: null, value: "info@example.org", rawValue: "info@example.org" }],
});

/** A submitted creation by `author`. */
async function submitted(author: Actor, name: string) {
  const draft = await saveDraft(author, { kind: "CREATE", document: newDocument(name), note: "" });
  await submitChangeSet(author, draft.id);
  return draft.id;
}

/** A moment as the messages say it: "14:05 UTC on 2026-12-03". */
const at = (date: Date) => `${date.toISOString().slice(11, 16)} UTC on ${date.toISOString().slice(0, 10)}`;
const decidedAt = async (id: string) => (await db.changeSet.findUniqueOrThrow({ where: { id }, select: { decidedAt: true } })).decidedAt!;

describe("what waits for a reviewer", () => {
  /**
   * How many more wait for `a` (everyone's when undefined) than for `b`, read between two agreeing
   * readings of `a`'s: other test files submit changes meanwhile, which count for both.
   */
  async function gap(a: Actor | undefined, b: Actor) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const first = await countAwaitingReview(a);
      const other = await countAwaitingReview(b);
      if (first === (await countAwaitingReview(a))) return first - other;
    }
    throw new Error("The counts kept changing.");
  }

  it("leaves out the reviewer's own changes and imports, which another reviewer decides", async () => {
    await submitted(ana, "Ana's Own");
    await submitted(ana, "Ana's Second");
    await submitted(bob, "Bob's Own");
    await db.importBatch.create({ data: { authorId: ana.id, fileName: `rd-${run}-ana.csv`, fileSize: 1, settings: {}, status: "IN_REVIEW" } });
    // Everything that waits counts for someone: for Ana, all but her two changes and her import; for Bob, all but his change.
    expect(await gap(undefined, ana)).toBe(3);
    expect(await gap(undefined, bob)).toBe(1);
    expect(await gap(bob, ana)).toBe(2);
    // A public suggestion has no author: it counts for both (as do the editor's changes).
    const organisationId = await published("Suggested To");
    const current = (await getOrganisationDocument(organisationId))!.document;
    suggestions.push(await createSuggestion({ organisationId, document: { ...current, acronym: "ST" }, note: "", suggester: { name: "Sam", email: null, address: "203.0.113.9" } }));
    await submitted(editor, "Eve's Own");
    expect(await gap(undefined, ana)).toBe(3);
    expect(await gap(undefined, bob)).toBe(1);
  });
});

/** A published organisation, created by the editor and approved by Bob. */
async function published(name: string) {
  const id = await submitted(editor, name);
  return (await applyChangeSet(bob, id, "all")).organisationId;
}

describe("what a change was drafted from", () => {
  it("names the revision it was drafted from and when it was published, and the revision now when the listing moved on", async () => {
    const organisationId = await published("Moving Listing");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, acronym: "ML" }, note: "" });
    await submitChangeSet(editor, draft.id);
    const first = await db.revision.findFirstOrThrow({ where: { organisationId, version: 1 }, select: { createdAt: true } });
    expect(await getChangeSetForReview(draft.id)).toMatchObject({ draftedFrom: { revision: 1, publishedAt: first.createdAt }, publishedNow: null });

    // Ana's change to another field is published meanwhile.
    const other = await saveDraft(ana, { kind: "UPDATE", organisationId, document: { ...current, description: "Now also with parents." }, note: "" });
    await submitChangeSet(ana, other.id);
    await applyChangeSet(bob, other.id, "all");
    const second = await db.revision.findFirstOrThrow({ where: { organisationId, version: 2 }, select: { createdAt: true } });
    const review = await getChangeSetForReview(draft.id);
    expect(review).toMatchObject({ draftedFrom: { revision: 1, publishedAt: first.createdAt }, publishedNow: { revision: 2, publishedAt: second.createdAt }, moved: [] });
    const [item] = (await listReviewQueue({ authorId: editor.id })).filter((queued) => queued.id === draft.id);
    expect(item).toMatchObject({ draftedFrom: { revision: 1, publishedAt: first.createdAt }, publishedNow: { revision: 2, publishedAt: second.createdAt } });
  });

  it("lists a public suggestion by its sender, not an author", async () => {
    const organisationId = await published("Suggestion Sender");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const id = await createSuggestion({ organisationId, document: { ...current, acronym: "SS" }, note: "", suggester: { name: "Sam Sender", email: null, address: "203.0.113.9" } });
    suggestions.push(id);
    const [item] = (await listReviewQueue({ publicOnly: true })).filter((queued) => queued.id === id);
    expect(item).toMatchObject({ public: true, suggester: "Sam Sender", author: null, authorId: null, fromOrganisation: false });
  });
});

describe("a decision on a change already decided", () => {
  it("names who decided what and when, whichever decision came second", async () => {
    const rejectedFirst = await submitted(editor, "Rejected First");
    await declineChangeSet(ana, rejectedFirst, "REJECTED", "Not in scope.");
    await expect(applyChangeSet(bob, rejectedFirst, "all")).rejects.toThrow(
      `Ana Reviewer already rejected this change at ${at(await decidedAt(rejectedFirst))}; nothing you chose was applied.`,
    );

    const approvedFirst = await submitted(editor, "Approved First");
    await applyChangeSet(ana, approvedFirst, "all");
    await expect(declineChangeSet(bob, approvedFirst, "REJECTED", "No.")).rejects.toThrow(
      `Ana Reviewer already approved this change at ${at(await decidedAt(approvedFirst))}; your decision was not recorded.`,
    );
    // The same reviewer in a second tab.
    await expect(applyChangeSet(ana, approvedFirst, "all")).rejects.toThrow(`You already approved this change at ${at(await decidedAt(approvedFirst))}; nothing you chose was applied.`);

    const sentBack = await submitted(editor, "Sent Back");
    await declineChangeSet(bob, sentBack, "CHANGES_REQUESTED", "Add a phone number.");
    await expect(applyChangeSet(ana, sentBack, "all")).rejects.toThrow(`Bob Reviewer already sent this change back to its author at ${at(await decidedAt(sentBack))}; nothing you chose was applied.`);
  });

  it("says the author withdrew it, and when", async () => {
    const id = await submitted(editor, "Withdrawn");
    await withdrawChangeSet(editor, id);
    const { createdAt } = await db.auditEvent.findFirstOrThrow({ where: { action: "change-set.withdrawn", subject: `change-set:${id}` }, select: { createdAt: true } });
    await expect(applyChangeSet(ana, id, "all")).rejects.toThrow(`The author withdrew this change at ${at(createdAt)}; nothing you chose was applied.`);
    await expect(declineChangeSet(ana, id, "REJECTED", "No.")).rejects.toThrow(`The author withdrew this change at ${at(createdAt)}; your decision was not recorded.`);
  });

  it("says who took a public suggestion over as their own draft, and when", async () => {
    const organisationId = await published("Taken Over");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const id = await createSuggestion({ organisationId, document: { ...current, acronym: "TO" }, note: "", suggester: { name: null, email: null, address: "203.0.113.9" } });
    suggestions.push(id);
    await adoptSuggestion(ana, id);
    await expect(applyChangeSet(bob, id, "all")).rejects.toThrow(`Ana Reviewer already took this suggestion over as their own draft at ${at(await decidedAt(id))}; nothing you chose was applied.`);
  });

  it("of two reviewers deciding at the same moment, tells the one who lost who won", async () => {
    const id = await submitted(editor, "Contested");
    const results = await Promise.allSettled([applyChangeSet(ana, id, "all"), declineChangeSet(bob, id, "REJECTED", "No.")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = (results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason as Error;
    const when = at(await decidedAt(id));
    expect([
      `Ana Reviewer already approved this change at ${when}; your decision was not recorded.`,
      `Bob Reviewer already rejected this change at ${when}; nothing you chose was applied.`,
    ]).toContain(lost.message);
  });
});
