import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { OrganisationDocument } from "@/lib/change-sets/document";
import { documentSchemaVersion } from "@/lib/change-sets/stored-document";
import { adoptSuggestion, applyChangeSet, createSuggestion, declineChangeSet, getOrganisationDocument, getOwnChangeSet, proposeArchive, saveDraft, submitChangeSet, withdrawChangeSet, type DraftInput } from "./change-sets";
import { ConflictError, expectedError, FieldConflictError, NotFoundError, openChangeMessage } from "./errors";
import { proposeRestore } from "./revisions";
import { parseStored, parseStoredOrNull, toStored, toStoredOrNull } from "./stored-documents";
import { correctedQuery } from "./search";
import type { Actor } from "@/lib/data/actor";

const run = crypto.randomUUID().slice(0, 8);
let editor: Actor;
let otherEditor: Actor;
let reviewer: Actor;
let otherReviewer: Actor;

beforeAll(async () => {
  const make = (name: string, role: "EDITOR" | "REVIEWER") =>
    db.user.create({ data: { email: `${name}-${run}@prova.test`, name, role }, select: { id: true, role: true } });
  [editor, otherEditor, reviewer, otherReviewer] = await Promise.all([
    make("cs-editor", "EDITOR"),
    make("cs-other", "EDITOR"),
    make("cs-reviewer", "REVIEWER"),
    make("cs-other-reviewer", "REVIEWER"),
  ]);
});

afterAll(async () => {
  await db.changeSet.deleteMany({ where: { author: { email: { endsWith: `-${run}@prova.test` } } } });
  await db.organisation.deleteMany({ where: { slug: { startsWith: `cs-${run}` } } });
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

const newDocument = (name: string): DraftInput["document"] => ({
  slug: `cs-${run}-${name.toLowerCase().replace(/\W+/g, "-")}`,
  name,
  acronym: null,
  kind: "NGO",
  description: "Works with young people.",
  website: "https://example.org",
  countries: ["BE"],
  contacts: [
    { type: "EMAIL", label: null, value: "info@example.org", rawValue: "info@example.org" },
    { type: "PHONE", label: "Office", value: "+3222385686", rawValue: "02 / 238.56.86" },
    { type: "ADDRESS", label: null, value: "Rue de la Loi 1\n1000 Brussels", rawValue: "Rue de la Loi 1\n1000 Brussels" },
  ],
});

/** Editors of their own: one author has one open change per organisation. */
let made = 0;
function authors(count: number, name: string) {
  return Promise.all(
    Array.from({ length: count }, () => {
      const n = ++made;
      return db.user.create({ data: { email: `${name}-${n}-${run}@prova.test`, name: `${name} ${n}`, role: "EDITOR" }, select: { id: true, role: true } });
    }),
  );
}

/** A published organisation made through a reviewed creation. */
async function published(name: string) {
  const draft = await saveDraft(editor, { kind: "CREATE", document: newDocument(name), note: "" });
  await submitChangeSet(editor, draft.id);
  const { organisationId } = await applyChangeSet(reviewer, draft.id, "all");
  return organisationId;
}

/** Everything stored about an organisation, to compare before and after a failure. */
async function snapshot(organisationId: string) {
  return {
    organisation: await db.organisation.findUnique({ where: { id: organisationId }, include: { contacts: true, countries: true } }),
    revisions: await db.revision.count({ where: { organisationId } }),
    audit: await db.auditEvent.count({ where: { subject: `organisation:${organisationId}` } }),
  };
}

describe("drafts", () => {
  it("a creation is invisible until applied, then published with revision 1 and stable contact ids", async () => {
    const draft = await saveDraft(editor, { kind: "CREATE", document: newDocument("Draft Only"), note: "New listing" });
    expect(await db.organisation.count({ where: { slug: `cs-${run}-draft-only` } })).toBe(0);
    await submitChangeSet(editor, draft.id);
    expect(await db.organisation.count({ where: { slug: `cs-${run}-draft-only` } })).toBe(0);
    const proposed = (await getOwnChangeSet(editor, draft.id))!.proposed;
    const { organisationId, revisionNumber, tags } = await applyChangeSet(reviewer, draft.id, "all");
    expect(revisionNumber).toBe(1);
    // A new listing: its page, Belgium's count and the place it arrived at, the counts, the recent list, search.
    expect(tags).toEqual(expect.arrayContaining([`organisation:${organisationId}`, "country:BE", "directory", "recent", "search"]));
    const document = (await getOrganisationDocument(organisationId))!.document;
    expect(document).toEqual(proposed);
    expect(await db.revision.findMany({ where: { organisationId }, select: { version: true, changeSetId: true } })).toEqual([{ version: 1, changeSetId: draft.id }]);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("APPROVED");
  });

  it("an update records its base, and the published organisation does not change until applied", async () => {
    const organisationId = await published("Base Keeper");
    const before = await snapshot(organisationId);
    const current = (await getOrganisationDocument(organisationId))!.document;
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, name: "Base Keeper Renamed" }, note: "" });
    await submitChangeSet(editor, draft.id);
    expect(await snapshot(organisationId)).toEqual(before);
    const saved = await db.changeSet.findUnique({ where: { id: draft.id } });
    expect(saved?.baseVersion).toBe(1);
    expect(saved?.base).toMatchObject({ schemaVersion: documentSchemaVersion, name: "Base Keeper" });
    expect(saved?.proposed).toMatchObject({ schemaVersion: documentSchemaVersion, name: "Base Keeper Renamed" });
  });

  it("refuses a contact id of another organisation (mass assignment), a stale draft revision and another author's draft", async () => {
    const first = await published("Contact Owner");
    const second = await published("Contact Thief");
    const stolenId = (await getOrganisationDocument(first))!.document.contacts[0].id;
    const target = (await getOrganisationDocument(second))!.document;
    await expect(
      saveDraft(editor, { kind: "UPDATE", organisationId: second, document: { ...target, contacts: [{ ...target.contacts[0], id: stolenId }] }, note: "" }),
    ).rejects.toThrow("This contact does not belong to this organisation.");

    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId: second, document: { ...target, name: "Tab one" }, note: "" });
    await saveDraft(editor, { id: draft.id, revision: draft.revision, kind: "UPDATE", document: { ...target, name: "Tab one again" }, note: "" });
    await expect(saveDraft(editor, { id: draft.id, revision: draft.revision, kind: "UPDATE", document: { ...target, name: "Tab two" }, note: "" })).rejects.toThrow(
      "This draft was saved elsewhere (another tab?) since you opened it, so nothing was saved here. It differs in Name: “Tab one again” there, “Tab two” here. Copy what you need, then reload.",
    );
    await expect(saveDraft(otherEditor, { id: draft.id, kind: "UPDATE", document: target, note: "" })).rejects.toThrow(NotFoundError);
    await expect(submitChangeSet(otherEditor, draft.id)).rejects.toThrow(NotFoundError);
  });

  it("a slug used by another organisation is a field error", async () => {
    await published("Slug Holder");
    await expect(saveDraft(editor, { kind: "CREATE", document: { ...newDocument("Other"), slug: `cs-${run}-slug-holder` }, note: "" })).rejects.toMatchObject({
      field: "slug",
    });
  });

  it("a save racing a submit, or another save, never overwrites it", async () => {
    const organisationId = await published("Racing Save");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, acronym: "RS" }, note: "" });
    const results = await Promise.allSettled([
      submitChangeSet(editor, draft.id),
      saveDraft(editor, { id: draft.id, revision: draft.revision, kind: "UPDATE", document: { ...current, acronym: "RS2" }, note: "" }),
    ]);
    const row = await db.changeSet.findUnique({ where: { id: draft.id }, select: { status: true, proposed: true } });
    // Either the save came first and the submit sent it, or the submit came first and the save was refused.
    if (results[1].status === "fulfilled") expect((row!.proposed as { acronym: string }).acronym).toBe("RS2");
    else expect(row).toMatchObject({ status: "SUBMITTED", proposed: expect.objectContaining({ acronym: "RS" }) });
    const twice = await Promise.allSettled([1, 2].map(() => saveDraft(editor, { id: draft.id, revision: 99, kind: "UPDATE", document: current, note: "" })));
    expect(twice.every((result) => result.status === "rejected")).toBe(true);
  });

  it("submits once, can be withdrawn and edited again, and refuses an empty change", async () => {
    const organisationId = await published("Withdrawn");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const empty = await saveDraft(otherEditor, { kind: "UPDATE", organisationId, document: current, note: "" });
    await expect(submitChangeSet(otherEditor, empty.id)).rejects.toThrow(/changes nothing/);
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, acronym: "WD" }, note: "" });
    await Promise.all([submitChangeSet(editor, draft.id), submitChangeSet(editor, draft.id)]);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("SUBMITTED");
    await withdrawChangeSet(editor, draft.id);
    await expect(withdrawChangeSet(editor, draft.id)).rejects.toThrow(ConflictError);
    const again = await saveDraft(editor, { id: draft.id, kind: "UPDATE", document: { ...current, acronym: "WDN" }, note: "" });
    expect(again.revision).toBeGreaterThan(draft.revision);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("DRAFT");
  });
});

describe("applyChangeSet", () => {
  it("applies accepted fields only, keeps contact ids, bumps the lock version, stores the revision and an audit event", async () => {
    const organisationId = await published("Partial");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const [email, phone, address] = current.contacts;
    const proposed = {
      ...current,
      name: "Partial Renamed",
      description: "Rejected description",
      countries: ["BE", "NL"],
      contacts: [address, { ...email, value: "new@example.org", rawValue: "new@example.org" }, { type: "FAX" as const, label: null, value: "+3222385687", rawValue: "+32 2 238 56 87" }],
    };
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: proposed, note: "" });
    await submitChangeSet(editor, draft.id);
    const fax = (await getOwnChangeSet(editor, draft.id))!.proposed.contacts[2];
    const result = await applyChangeSet(reviewer, draft.id, ["name", "countries", `contact:${email.id}`, `contact:${phone.id}`, `contact:${fax.id}`]);
    expect(result.revisionNumber).toBe(2);
    // Renamed in Belgium (its place there changes) and arrived in the Netherlands (its count changes).
    expect(result.tags).toEqual(expect.arrayContaining([`country:BE:${organisationId}`, "country:NL", "directory"]));
    expect(result.tags).not.toContain("country:BE");
    const after = (await getOrganisationDocument(organisationId))!.document;
    expect(after.name).toBe("Partial Renamed");
    expect(after.description).toBe("Works with young people.");
    expect(after.countries).toEqual(["BE", "NL"]);
    // Order not accepted: the kept contacts stay in their published order; the fax comes after the e-mail, as proposed.
    expect(after.contacts.map((contact) => [contact.id, contact.value])).toEqual([
      [email.id, "new@example.org"],
      [fax.id, "+3222385687"],
      [address.id, address.value],
    ]);
    expect((await db.organisation.findUnique({ where: { id: organisationId } }))?.countryCodes).toEqual(["BE", "NL"]);
    const revision = await db.revision.findUnique({ where: { organisationId_version: { organisationId, version: 2 } } });
    expect(revision?.snapshot).toEqual({ schemaVersion: documentSchemaVersion, ...after });
    const changeSet = await db.changeSet.findUnique({ where: { id: draft.id } });
    expect(changeSet?.status).toBe("PARTLY_APPROVED");
    expect(changeSet?.decisions).toMatchObject({ rejected: expect.arrayContaining(["description", "contacts:order"]) });
    expect(await db.auditEvent.count({ where: { subject: `organisation:${organisationId}`, action: "change-set.applied" } })).toBe(2);
  });

  it("refuses a change whose accepted fields moved underneath it, and applies one that does not collide", async () => {
    const organisationId = await published("Collide");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const first = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, name: "Collide One" }, note: "" });
    const second = await saveDraft(otherEditor, { kind: "UPDATE", organisationId, document: { ...current, name: "Collide Two", website: "https://two.example.org" }, note: "" });
    const [thirdEditor] = await authors(1, "cs-collide");
    const third = await saveDraft(thirdEditor, { kind: "UPDATE", organisationId, document: { ...current, acronym: "COL" }, note: "" });
    for (const [author, draft] of [[editor, first], [otherEditor, second], [thirdEditor, third]] as const) await submitChangeSet(author, draft.id);
    await applyChangeSet(reviewer, first.id, "all");
    const before = await snapshot(organisationId);
    await expect(applyChangeSet(reviewer, second.id, "all")).rejects.toThrow(/changed since this was drafted, in: name/);
    expect(await snapshot(organisationId)).toEqual(before);
    expect((await db.changeSet.findUnique({ where: { id: second.id } }))?.status).toBe("SUBMITTED");
    // The author sees what moved underneath.
    expect((await getOwnChangeSet(otherEditor, second.id))!.movedUnderneath.map((change) => change.key)).toEqual(["name"]);
    await applyChangeSet(reviewer, second.id, ["website"]);
    await applyChangeSet(reviewer, third.id, "all");
    const after = (await getOrganisationDocument(organisationId))!;
    expect(after.lockVersion).toBe(4);
    expect(after.document).toMatchObject({ name: "Collide One", website: "https://two.example.org", acronym: "COL" });
  });

  it("two racing applies of colliding changes: exactly one wins", async () => {
    const organisationId = await published("Race");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const racers = await authors(3, "cs-race");
    const drafts = await Promise.all(["Race A", "Race B"].map((name, n) => saveDraft(racers[n], { kind: "UPDATE", organisationId, document: { ...current, name }, note: "" })));
    for (const [n, draft] of drafts.entries()) await submitChangeSet(racers[n], draft.id);
    const results = await Promise.allSettled(drafts.map((draft) => applyChangeSet(reviewer, draft.id, "all")));
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await getOrganisationDocument(organisationId))!.lockVersion).toBe(2);
    // And the same change set applied twice at once is applied once.
    const again = await saveDraft(racers[2], { kind: "UPDATE", organisationId, document: { ...(await getOrganisationDocument(organisationId))!.document, acronym: "R" }, note: "" });
    await submitChangeSet(racers[2], again.id);
    const twice = await Promise.allSettled([applyChangeSet(reviewer, again.id, "all"), applyChangeSet(reviewer, again.id, "all")]);
    expect(twice.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await getOrganisationDocument(organisationId))!.lockVersion).toBe(3);
  });

  it("writes nothing when it fails halfway (a slug taken at apply time)", async () => {
    const organisationId = await published("Halfway");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, name: "Halfway Moved", slug: `cs-${run}-halfway-moved`, contacts: [] }, note: "" });
    await submitChangeSet(editor, draft.id);
    // The slug is taken after the draft was saved, other than through a draft (which would be told it is proposed already).
    await db.organisation.create({ data: { slug: `cs-${run}-halfway-moved`, name: "Halfway Moved", kind: "NGO" } });
    const before = await snapshot(organisationId);
    await expect(applyChangeSet(reviewer, draft.id, "all")).rejects.toThrow(/already used/);
    expect(await snapshot(organisationId)).toEqual(before);
  });

  it.each([
    ["the organisation's row", `BEFORE UPDATE ON "Organisation"`],
    ["a contact", `BEFORE INSERT OR UPDATE OR DELETE ON "Contact"`],
    ["a country link", `BEFORE INSERT OR DELETE ON "OrganisationCountry"`],
    ["the old address's redirect", `BEFORE INSERT ON "SlugRedirect"`],
    ["the revision", `BEFORE INSERT ON "Revision"`],
    ["the audit event", `BEFORE INSERT ON "AuditEvent"`],
    ["the change set's decision", `BEFORE UPDATE ON "ChangeSet"`],
  ])("leaves everything as it was when writing %s fails in the middle of an apply", async (_step, when) => {
    const organisationId = await published(`Fault ${when.replace(/\W+/g, " ").trim()}`);
    const current = (await getOrganisationDocument(organisationId))!.document;
    const [email, , address] = current.contacts;
    const draft = await saveDraft(editor, {
      kind: "UPDATE",
      organisationId,
      document: {
        ...current,
        name: `${current.name} Moved`,
        slug: `${current.slug}-moved`,
        countries: ["NL", "BE"],
        contacts: [address, { ...email, value: "moved@example.org", rawValue: "moved@example.org" }, { type: "FAX", label: null, value: "+3222385687", rawValue: "+32 2 238 56 87" }],
      },
      note: "",
    });
    await submitChangeSet(editor, draft.id);
    const before = { ...(await snapshot(organisationId)), redirects: await db.slugRedirect.count({ where: { organisationId } }) };
    // A real failure inside the transaction: PostgreSQL refuses the write.
    await db.$executeRawUnsafe(`CREATE FUNCTION prova_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER prova_test_fail ${when} FOR EACH ROW EXECUTE FUNCTION prova_test_fail()`);
    try {
      await expect(applyChangeSet(reviewer, draft.id, "all")).rejects.toThrow(/injected failure/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER prova_test_fail ON ${when.split(" ON ")[1]}`);
      await db.$executeRawUnsafe(`DROP FUNCTION prova_test_fail()`);
    }
    expect({ ...(await snapshot(organisationId)), redirects: await db.slugRedirect.count({ where: { organisationId } }) }).toEqual(before);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("SUBMITTED");
    // And the same change applies once nothing fails.
    expect((await applyChangeSet(reviewer, draft.id, "all")).revisionNumber).toBe(2);
  });

  it("50 approvals of different changes to one organisation at once: every one applied once, as in some sequential order", async () => {
    const organisationId = await published("Fifty Contacts");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const drafts = [];
    const fifty = await authors(50, "cs-fifty-contacts");
    for (let n = 0; n < 50; n++) {
      const value = `person${n}@example.org`;
      const contacts = [...current.contacts, { type: "EMAIL" as const, label: `Person ${n}`, value, rawValue: value }];
      drafts.push(await saveDraft(fifty[n], { kind: "UPDATE", organisationId, document: { ...current, contacts }, note: "" }));
      await submitChangeSet(fifty[n], drafts[n].id);
    }
    const results = await Promise.allSettled(drafts.map((draft) => applyChangeSet(reviewer, draft.id, "all")));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const revisionNumbers = results.flatMap((result) => (result.status === "fulfilled" ? [result.value.revisionNumber] : [])).sort((a, b) => a - b);
    expect(revisionNumbers).toEqual(Array.from({ length: 50 }, (_, n) => n + 2));
    const after = (await getOrganisationDocument(organisationId))!;
    expect(after.lockVersion).toBe(51);
    expect(after.document.contacts.map((contact) => contact.value).sort()).toEqual(
      [...current.contacts.map((contact) => contact.value), ...Array.from({ length: 50 }, (_, n) => `person${n}@example.org`)].sort(),
    );
    expect(await db.revision.count({ where: { organisationId } })).toBe(51);
    expect(await db.auditEvent.count({ where: { subject: `organisation:${organisationId}`, action: "change-set.applied" } })).toBe(51);
    expect(await db.changeSet.count({ where: { id: { in: drafts.map((draft) => draft.id) }, status: "APPROVED" } })).toBe(50);
  });

  it("50 edits of the same field approved at once: one is applied, the 49 others are refused and stay to be redone", async () => {
    const organisationId = await published("Fifty Names");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const drafts = [];
    const fifty = await authors(50, "cs-fifty-names");
    for (let n = 0; n < 50; n++) {
      drafts.push(await saveDraft(fifty[n], { kind: "UPDATE", organisationId, document: { ...current, name: `Fifty Names ${n}` }, note: "" }));
      await submitChangeSet(fifty[n], drafts[n].id);
    }
    const results = await Promise.allSettled(drafts.map((draft) => applyChangeSet(reviewer, draft.id, "all")));
    const applied = results.flatMap((result, n) => (result.status === "fulfilled" ? [n] : []));
    expect(applied).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect(String(result.reason)).toMatch(/changed since this was drafted, in: name/);
    const after = (await getOrganisationDocument(organisationId))!;
    expect(after.lockVersion).toBe(2);
    expect(after.document.name).toBe(`Fifty Names ${applied[0]}`);
    expect(await db.revision.count({ where: { organisationId } })).toBe(2);
    expect(await db.changeSet.count({ where: { id: { in: drafts.map((draft) => draft.id) }, status: "SUBMITTED" } })).toBe(49);
  });

  it("the words of an approved name join the typo fallback's dictionary, in the same transaction", async () => {
    // Letters only, new on every run: the dictionary keeps the words of earlier runs.
    const word = `quorbleth${Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;
    expect((await correctedQuery(word.slice(0, -1)))?.any ?? "").not.toContain(`${word}:A`);
    const organisationId = await published(`${word} Forum`);
    expect((await correctedQuery(word.slice(0, -1)))?.any).toContain(`${word}:A`);
    const current = (await getOrganisationDocument(organisationId))!.document;
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, acronym: `${word}x` }, note: "" });
    await submitChangeSet(editor, draft.id);
    await applyChangeSet(reviewer, draft.id, "all");
    expect((await correctedQuery(`${word}x`))?.any).toContain(`${word}x:A`);
  });

  it("an accepted slug change keeps the old address as a redirect; archive and restore are changes too", async () => {
    const organisationId = await published("Old Address");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const rename = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, slug: `cs-${run}-new-address` }, note: "" });
    await submitChangeSet(editor, rename.id);
    await applyChangeSet(reviewer, rename.id, "all");
    expect(await db.slugRedirect.findUnique({ where: { slug: current.slug } })).toMatchObject({ organisationId });

    const archive = await saveDraft(editor, { kind: "ARCHIVE", organisationId, document: (await getOrganisationDocument(organisationId))!.document, note: "Closed" });
    await submitChangeSet(editor, archive.id);
    await applyChangeSet(reviewer, archive.id, "all");
    expect((await db.organisation.findUnique({ where: { id: organisationId } }))?.status).toBe("ARCHIVED");
    const restore = await saveDraft(editor, { kind: "RESTORE", organisationId, document: (await getOrganisationDocument(organisationId))!.document, note: "Reopened" });
    await submitChangeSet(editor, restore.id);
    await applyChangeSet(reviewer, restore.id, "all");
    expect((await db.organisation.findUnique({ where: { id: organisationId } }))?.status).toBe("PUBLISHED");
  });

  it("an empty address on a new organisation becomes a free one made from its name", async () => {
    await published("Same Name");
    const draft = await saveDraft(editor, { kind: "CREATE", document: { ...newDocument("Same Name"), slug: "" }, note: "" });
    expect((await getOwnChangeSet(editor, draft.id))!.proposed.slug).toBe(`same-name`);
  });
});

describe("decisions", () => {
  it("nobody decides on their own change set, whatever their role", async () => {
    const draft = await saveDraft(reviewer, { kind: "CREATE", document: newDocument("Own Work"), note: "" });
    await submitChangeSet(reviewer, draft.id);
    await expect(applyChangeSet(reviewer, draft.id, "all")).rejects.toThrow(/change you made yourself/);
    await expect(declineChangeSet(reviewer, draft.id, "REJECTED", "no")).rejects.toThrow(/change you made yourself/);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("SUBMITTED");
    await applyChangeSet(otherReviewer, draft.id, "all");
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("APPROVED");
    await db.changeSet.deleteMany({ where: { id: draft.id } });
  });

  it("a rejection and a request for changes keep the reason for the author, and are audited", async () => {
    const rejected = await saveDraft(editor, { kind: "CREATE", document: newDocument("Rejected One"), note: "" });
    await submitChangeSet(editor, rejected.id);
    await declineChangeSet(reviewer, rejected.id, "REJECTED", "Not an organisation against extremism.");
    expect(await db.changeSet.findUnique({ where: { id: rejected.id }, select: { status: true, decisionNote: true, decidedById: true } })).toEqual({
      status: "REJECTED",
      decisionNote: "Not an organisation against extremism.",
      decidedById: reviewer.id,
    });
    const sentBack = await saveDraft(editor, { kind: "CREATE", document: newDocument("Sent Back"), note: "" });
    await submitChangeSet(editor, sentBack.id);
    await declineChangeSet(reviewer, sentBack.id, "CHANGES_REQUESTED", "Add a contact.");
    // The author can edit it again and resubmit.
    await saveDraft(editor, { id: sentBack.id, kind: "CREATE", document: newDocument("Sent Back Again"), note: "" });
    await submitChangeSet(editor, sentBack.id);
    const actions = await db.auditEvent.findMany({ where: { subject: { in: [`change-set:${rejected.id}`, `change-set:${sentBack.id}`] } }, select: { action: true }, orderBy: { createdAt: "asc" } });
    expect(actions.map((event) => event.action)).toEqual(["change-set.submitted", "change-set.rejected", "change-set.submitted", "change-set.changes-requested", "change-set.submitted"]);
  });

  it("two reviewers deciding at the same moment: exactly one decision wins", async () => {
    const draft = await saveDraft(editor, { kind: "CREATE", document: newDocument("Contested"), note: "" });
    await submitChangeSet(editor, draft.id);
    const results = await Promise.allSettled([applyChangeSet(reviewer, draft.id, "all"), declineChangeSet(otherReviewer, draft.id, "REJECTED", "No.")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejectedOne = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    // The loser is told who decided what, and when (lib/data/review-decisions.int.test.ts has the wording).
    expect(rejectedOne.reason.message).toMatch(/^cs-(other-)?reviewer already (approved|rejected) this change at \d\d:\d\d UTC on /);
  });
});

describe("public suggestions", () => {
  it("are submitted without an author, touch nothing published, and can be taken over as a reviewer's draft", async () => {
    const organisationId = await published("Suggested To");
    const before = await snapshot(organisationId);
    const current = (await getOrganisationDocument(organisationId))!.document;
    const id = await createSuggestion({ organisationId, document: { ...current, acronym: "STO" }, note: "Their letterhead says STO.", suggester: { name: "Sam", email: "sam@example.org", address: "203.0.113.7" } });
    expect(await db.changeSet.findUnique({ where: { id }, select: { status: true, authorId: true, public: true } })).toEqual({ status: "SUBMITTED", authorId: null, public: true });
    expect(await snapshot(organisationId)).toEqual({ ...before, audit: before.audit });
    await expect(createSuggestion({ organisationId, document: current, note: "", suggester: { name: null, email: null, address: "x" } })).rejects.toThrow(/changes nothing/);
    // A suggestion has no author to send it back to.
    await expect(declineChangeSet(reviewer, id, "CHANGES_REQUESTED", "More please.")).rejects.toThrow(/no author to send it back to/);

    const draftId = await adoptSuggestion(reviewer, id);
    expect((await db.changeSet.findUnique({ where: { id } }))?.status).toBe("WITHDRAWN");
    const draft = await getOwnChangeSet(reviewer, draftId);
    expect(draft).toMatchObject({ status: "DRAFT", note: "From a public suggestion: Their letterhead says STO." });
    expect(draft!.proposed.acronym).toBe("STO");
    await expect(adoptSuggestion(reviewer, id)).rejects.toThrow(/already been decided/);
    await db.changeSet.deleteMany({ where: { id: { in: [id, draftId] } } });
  });
});

describe("every user-visible change is one transaction", () => {
  /** Change sets of an organisation, to show that a refused proposal left nothing behind. */
  const changeSetsOf = (organisationId: string) => db.changeSet.findMany({ where: { organisationId }, select: { id: true, status: true, authorId: true }, orderBy: { createdAt: "asc" } });

  /** Publishes one change of an organisation (by its own author). */
  async function publishChange(organisationId: string, change: Partial<OrganisationDocument>) {
    const [author] = await authors(1, "cs-publisher");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const draft = await saveDraft(author, { kind: "UPDATE", organisationId, document: { ...current, ...change }, note: "" });
    await submitChangeSet(author, draft.id);
    await applyChangeSet(reviewer, draft.id, "all");
  }

  it("proposing to restore a revision that says what is published leaves no draft behind", async () => {
    const organisationId = await published("Restore Same");
    await publishChange(organisationId, { name: "Restore Other" });
    await publishChange(organisationId, { name: "Restore Same" });
    const before = await changeSetsOf(organisationId);
    await expect(proposeRestore(editor, organisationId, 1, "Restores revision 1.")).rejects.toThrow(ConflictError);
    expect(await changeSetsOf(organisationId)).toEqual(before);
    // And one that does change something is drafted and submitted at once, from the lock version it restores over.
    const id = await proposeRestore(editor, organisationId, 2, "Restores revision 2.");
    expect(await db.changeSet.findUnique({ where: { id }, select: { status: true, baseVersion: true } })).toEqual({ status: "SUBMITTED", baseVersion: 3 });
  });

  it("an archive proposal while the author has an open change is refused and writes nothing; otherwise it is drafted and submitted from one lock version", async () => {
    const organisationId = await published("Archive Open");
    const current = (await getOrganisationDocument(organisationId))!.document;
    await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, acronym: "AO" }, note: "" });
    const before = await changeSetsOf(organisationId);
    await expect(proposeArchive(editor, organisationId, true, "")).rejects.toThrow(openChangeMessage);
    expect(await changeSetsOf(organisationId)).toEqual(before);

    const id = await proposeArchive(otherEditor, organisationId, true, "Closed down.");
    const row = await db.changeSet.findUnique({ where: { id } });
    expect(row).toMatchObject({ status: "SUBMITTED", kind: "ARCHIVE", baseVersion: 1 });
    // It proposes archiving and nothing else.
    expect(parseStored(row!.proposed, "ChangeSet.proposed", id)).toEqual({ ...parseStored(row!.base!, "ChangeSet.base", id), archived: true });
  });

  it("a second open change by one author to one organisation is refused, by the check and, in a race, by the database", async () => {
    const organisationId = await published("One Open");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const [author, racer] = await authors(2, "cs-one-open");
    await saveDraft(author, { kind: "UPDATE", organisationId, document: { ...current, acronym: "OO1" }, note: "" });
    await expect(saveDraft(author, { kind: "UPDATE", organisationId, document: { ...current, acronym: "OO2" }, note: "" })).rejects.toThrow(openChangeMessage);

    const results = await Promise.allSettled(["R1", "R2"].map((acronym) => saveDraft(racer, { kind: "UPDATE", organisationId, document: { ...current, acronym }, note: "" })));
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = expectedError((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toBe(openChangeMessage);

    // Past the check altogether, the partial unique index refuses it; a decided change does not count.
    const open = await db.changeSet.findFirstOrThrow({ where: { authorId: racer.id, organisationId } });
    const copy = { kind: open.kind, organisationId, authorId: racer.id, baseVersion: open.baseVersion, base: toStoredOrNull(parseStoredOrNull(open.base, "ChangeSet.base", open.id)), proposed: toStored(parseStored(open.proposed, "ChangeSet.proposed", open.id)) };
    const error = await db.changeSet.create({ data: copy }).catch((caught: unknown) => caught);
    expect(expectedError(error)).toEqual(new ConflictError(openChangeMessage));
    await db.changeSet.create({ data: { ...copy, status: "REJECTED" } });
    expect(await db.changeSet.count({ where: { authorId: racer.id, organisationId, status: { in: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "WITHDRAWN"] } } })).toBe(1);
  });

  it("a submit sends the revision just saved, never one saved since in another tab", async () => {
    const document = newDocument("Pinned Submit");
    const draft = await saveDraft(editor, { kind: "CREATE", document, note: "" });
    const tabTwo = await saveDraft(editor, { id: draft.id, revision: draft.revision, kind: "CREATE", document: { ...document, name: "Pinned Submit Elsewhere" }, note: "" });
    await expect(submitChangeSet(editor, draft.id, draft.revision)).rejects.toThrow(/saved again elsewhere/);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("DRAFT");
    await submitChangeSet(editor, draft.id, tabTwo.revision);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("SUBMITTED");
  });

  it("a decision is on the revision the reviewer saw: withdrawn, edited and sent again since, it is refused", async () => {
    const organisationId = await published("Pinned Decision");
    const current = (await getOrganisationDocument(organisationId))!.document;
    const draft = await saveDraft(editor, { kind: "UPDATE", organisationId, document: { ...current, acronym: "PD1" }, note: "" });
    await submitChangeSet(editor, draft.id, draft.revision);
    const seen = draft.revision;
    await withdrawChangeSet(editor, draft.id);
    const edited = await saveDraft(editor, { id: draft.id, revision: draft.revision, kind: "UPDATE", document: { ...current, acronym: "PD2" }, note: "" });
    await submitChangeSet(editor, draft.id, edited.revision);
    const before = await snapshot(organisationId);
    await expect(applyChangeSet(reviewer, draft.id, "all", { revision: seen })).rejects.toThrow(/changed this since you opened it/);
    await expect(declineChangeSet(reviewer, draft.id, "REJECTED", "No.", { revision: seen })).rejects.toThrow(/changed this since you opened it/);
    expect(await snapshot(organisationId)).toEqual(before);
    expect((await db.changeSet.findUnique({ where: { id: draft.id } }))?.status).toBe("SUBMITTED");
    await applyChangeSet(reviewer, draft.id, "all", { revision: edited.revision, note: "Fine." });
    expect((await getOrganisationDocument(organisationId))!.document.acronym).toBe("PD2");
  });
});

describe("slugs are checked at every save", () => {
  it("a slug another open change proposes is a field error at save time, not first at the second approval", async () => {
    const document = newDocument("Claimed Address");
    await saveDraft(editor, { kind: "CREATE", document, note: "" });
    const error = await saveDraft(otherEditor, { kind: "CREATE", document: { ...document, name: "Claimed Address Too" }, note: "" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FieldConflictError);
    expect(error).toMatchObject({ field: "slug", message: expect.stringMatching(/already proposed for another organisation/) });
    // So is a change of address of a published organisation to it.
    const organisationId = await published("Claimed Address Mover");
    const current = (await getOrganisationDocument(organisationId))!.document;
    await expect(saveDraft(otherEditor, { kind: "UPDATE", organisationId, document: { ...current, slug: document.slug }, note: "" })).rejects.toMatchObject({ field: "slug" });
  });

  it("an address made from the name skips the ones other open changes propose", async () => {
    const name = `Made Address ${run}`;
    const first = await saveDraft(editor, { kind: "CREATE", document: { ...newDocument(name), slug: "" }, note: "" });
    const second = await saveDraft(otherEditor, { kind: "CREATE", document: { ...newDocument(name), slug: "" }, note: "" });
    const [one, two] = await Promise.all([getOwnChangeSet(editor, first.id), getOwnChangeSet(otherEditor, second.id)]);
    expect(one!.proposed.slug).toBe(`made-address-${run}`);
    expect(two!.proposed.slug).toBe(`made-address-${run}-2`);
    await db.changeSet.deleteMany({ where: { id: { in: [first.id, second.id] } } });
  });

  it("two creations with one address approved at once: one wins, the other is a conflict, not a server error", async () => {
    const document = newDocument("Twin Address");
    const first = await saveDraft(editor, { kind: "CREATE", document, note: "" });
    // Saved at the same moment, both past the check: as if so.
    const twin = await db.changeSet.findUniqueOrThrow({ where: { id: first.id } });
    const second = await db.changeSet.create({ data: { kind: "CREATE", authorId: otherEditor.id, proposed: toStored(parseStored(twin.proposed, "ChangeSet.proposed", twin.id)) }, select: { id: true } });
    await submitChangeSet(editor, first.id);
    await submitChangeSet(otherEditor, second.id);
    const results = await Promise.allSettled([applyChangeSet(reviewer, first.id, "all"), applyChangeSet(reviewer, second.id, "all")]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = expectedError((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/already used by another organisation/);
    expect(await db.organisation.count({ where: { slug: document.slug } })).toBe(1);
  });
});
