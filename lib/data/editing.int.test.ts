import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/data/actor";
import { ConflictError } from "@/lib/data/errors";
import {
  applyChangeSet,
  declineChangeSet,
  discardDraft,
  getChangePreview,
  getOrganisationDocument,
  listPendingChanges,
  overlappingChanges,
  saveDraft,
  submitChangeSet,
  type DraftInput,
} from "./change-sets";

// What an editor sees while editing: other people's pending changes on the same organisation,
// the preview of a change, and discarding a draft.

const run = crypto.randomUUID().slice(0, 8);
let eve: Actor;
let fred: Actor;
let rita: Actor;
let organisationId: string;

beforeAll(async () => {
  const make = (name: string, role: "EDITOR" | "REVIEWER") =>
    db.user.create({ data: { email: `${name.toLowerCase().replace(/\W+/g, "-")}-${run}@prova.test`, name, role }, select: { id: true, role: true } });
  [eve, fred, rita] = await Promise.all([make("Eve Editor", "EDITOR"), make("Fred Editor", "EDITOR"), make("Rita Reviewer", "REVIEWER")]);
  const draft = await saveDraft(eve, { kind: "CREATE", document: document(), note: "" });
  await submitChangeSet(eve, draft.id);
  organisationId = (await applyChangeSet(rita, draft.id, "all")).organisationId;
});

afterAll(async () => {
  await db.changeSet.deleteMany({ where: { OR: [{ author: { email: { endsWith: `-${run}@prova.test` } } }, { organisationId }] } });
  await db.organisation.deleteMany({ where: { slug: { startsWith: `ed-${run}` } } });
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

function document(): DraftInput["document"] {
  return {
    slug: `ed-${run}`,
    name: `Editing Test ${run}`,
    acronym: null,
    kind: "NGO",
    description: "Works with young people.",
    website: "https://example.org",
    countries: ["BE"],
    contacts: [{ type: "EMAIL", label: null, value: "info@example.org", rawValue: "info@example.org" }],
  };
}

/** `author`'s change to the organisation, from what is published now. */
async function change(author: Actor, edit: (current: DraftInput["document"]) => Partial<DraftInput["document"]>, { submit = true } = {}) {
  const published = (await getOrganisationDocument(organisationId))!.document;
  const draft = await saveDraft(author, { kind: "UPDATE", organisationId, document: { ...published, ...edit(published) }, note: "" });
  if (submit) await submitChangeSet(author, draft.id);
  return draft.id;
}

describe("pending changes on the organisation being edited", () => {
  it("lists others' submitted changes with their fields, and the overlap with one's own", async () => {
    const fredsDraft = await change(fred, () => ({ description: "Fred's private draft." }), { submit: false });
    const evesChange = await change(eve, () => ({ website: "https://eve.example.org", acronym: "EVE" }));
    const pending = await listPendingChanges(fred, organisationId);
    expect(pending.map(({ id, by, keys }) => ({ id, by, keys }))).toEqual([{ id: evesChange, by: "Eve Editor", keys: ["acronym", "website"] }]);
    // One's own and others' drafts are never listed; Eve does not see her own.
    expect((await listPendingChanges(eve, organisationId)).map((item) => item.id)).not.toContain(evesChange);

    // Fred's draft changes the description only: no overlap; then the website too.
    expect(await overlappingChanges(fred, fredsDraft)).toEqual([]);
    const published = (await getOrganisationDocument(organisationId))!.document;
    const { revision } = await db.changeSet.findUniqueOrThrow({ where: { id: fredsDraft }, select: { revision: true } });
    await saveDraft(fred, { id: fredsDraft, revision, kind: "UPDATE", organisationId, document: { ...published, description: "Fred's private draft.", website: "https://fred.example.org" }, note: "" });
    expect((await overlappingChanges(fred, fredsDraft)).map(({ id, shared }) => ({ id, shared }))).toEqual([{ id: evesChange, shared: ["website"] }]);
    // Someone else's change set is never read as one's own.
    expect(await overlappingChanges(eve, fredsDraft)).toEqual([]);
    await db.changeSet.deleteMany({ where: { id: { in: [fredsDraft, evesChange] } } });
  });
});

describe("getChangePreview", () => {
  it("applies the change to what is published now; a draft is its author's alone, a submitted change any staff's", async () => {
    const id = await change(eve, () => ({ name: `Previewed ${run}`, countries: ["BE", "NL"] }), { submit: false });
    const preview = await getChangePreview(eve, id);
    expect(preview).toMatchObject({ own: true, publishedSlug: `ed-${run}`, organisation: { name: `Previewed ${run}`, website: "https://example.org" } });
    expect(preview!.organisation.countries).toEqual([
      { code: "BE", name: "Belgium" },
      { code: "NL", name: "Netherlands" },
    ]);
    expect(await getChangePreview(fred, id)).toBeNull();
    await submitChangeSet(eve, id);
    expect(await getChangePreview(fred, id)).toMatchObject({ own: false, organisation: { name: `Previewed ${run}` } });
    await db.changeSet.delete({ where: { id } });
  });
});

describe("discardDraft", () => {
  it("deletes the author's draft only; a change waiting for review or someone else's stays", async () => {
    const id = await change(eve, () => ({ acronym: "GONE" }), { submit: false });
    await expect(discardDraft(fred, id)).rejects.toThrow("not yours");
    expect(await discardDraft(eve, id)).toEqual({ name: `Editing Test ${run}`, created: false });
    expect(await db.changeSet.findUnique({ where: { id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "change-set.discarded", subject: `change-set:${id}` } })).toBe(1);

    const waiting = await change(eve, () => ({ acronym: "STAY" }));
    await expect(discardDraft(eve, waiting)).rejects.toThrow(new ConflictError("This change is waiting for review: withdraw it from review first, then discard it."));
    expect(await db.changeSet.findUnique({ where: { id: waiting }, select: { status: true } })).toEqual({ status: "SUBMITTED" });
    await db.changeSet.delete({ where: { id: waiting } });
  });
});

describe("a reviewer who decides a change sent back and being edited", () => {
  it("is told it was sent back, not that it was withdrawn", async () => {
    const id = await change(eve, () => ({ acronym: "BACK" }));
    await declineChangeSet(rita, id, "CHANGES_REQUESTED", "Source?");
    const { revision } = await db.changeSet.findUniqueOrThrow({ where: { id }, select: { revision: true } });
    const published = (await getOrganisationDocument(organisationId))!.document;
    await saveDraft(eve, { id, revision, kind: "UPDATE", organisationId, document: { ...published, acronym: "BACK2" }, note: "" });
    await expect(declineChangeSet(rita, id, "REJECTED", "No.")).rejects.toThrow(/^You sent this change back to its author at .*, and the author is editing it;/);
    await db.changeSet.delete({ where: { id } });
  });
});
