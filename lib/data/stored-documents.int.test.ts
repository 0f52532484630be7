import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { documentSchemaVersion, StoredDocumentError } from "@/lib/change-sets/stored-document";
import { applyChangeSet, getOwnChangeSet, listOwnChangeSets, saveDraft } from "./change-sets";
import { getChangeSetForReview } from "./reviews";
import { listRevisions } from "./revisions";
import type { Actor } from "@/lib/data/actor";

const run = crypto.randomUUID().slice(0, 8);
let author: Actor;
let reviewer: Actor;

beforeAll(async () => {
  const make = (name: string, role: "EDITOR" | "REVIEWER") => db.user.create({ data: { email: `${name}-${run}@prova.test`, name, role }, select: { id: true, role: true } });
  [author, reviewer] = await Promise.all([make("sd-author", "EDITOR"), make("sd-reviewer", "REVIEWER")]);
});

afterAll(async () => {
  await db.changeSet.deleteMany({ where: { author: { email: { endsWith: `-${run}@prova.test` } } } });
  await db.organisation.deleteMany({ where: { slug: { startsWith: `sd-${run}` } } });
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

/** A version 1 document as the code before schemaVersion stored it (lib/change-sets/fixtures). */
function versionOneDocument(slug: string) {
  const stored = JSON.parse(readFileSync(path.join(import.meta.dirname, "../change-sets/fixtures/document-v1-draft.json"), "utf8"));
  return { ...stored, slug, name: `Stored ${slug}`, contacts: stored.contacts.map((contact: object) => ({ ...contact, id: crypto.randomUUID() })) };
}

describe("stored documents", () => {
  it("a change set stored in version 1 is read, reviewed and applied; what is written from it is the current version", async () => {
    const slug = `sd-${run}-old`;
    const { id } = await db.changeSet.create({
      data: { kind: "CREATE", status: "SUBMITTED", submittedAt: new Date(), authorId: author.id, proposed: versionOneDocument(slug) },
      select: { id: true },
    });
    expect((await db.changeSet.findUniqueOrThrow({ where: { id } })).proposed).not.toHaveProperty("schemaVersion");
    const review = await getChangeSetForReview(id);
    expect(review?.proposed).toMatchObject({ slug, name: `Stored ${slug}`, countries: ["BE", "NL"] });
    expect(review?.proposed).not.toHaveProperty("schemaVersion");
    expect((await listOwnChangeSets(author)).find((item) => item.id === id)?.name).toBe(`Stored ${slug}`);

    const { organisationId } = await applyChangeSet(reviewer, id, "all");
    const [revision] = await db.revision.findMany({ where: { organisationId }, select: { snapshot: true } });
    expect(revision.snapshot).toMatchObject({ schemaVersion: documentSchemaVersion, slug });
    expect((await listRevisions(organisationId))[0].snapshot).toMatchObject({ slug, contacts: [{ type: "EMAIL", value: "press@example.org" }] });
  });

  it("prova_backfill_revisions (bulk loads) writes the current version", async () => {
    const { id } = await db.organisation.create({
      data: { slug: `sd-${run}-bulk`, name: "Bulk Loaded", kind: "NGO", countryCodes: ["BE"], countries: { create: [{ countryCode: "BE", position: 0 }] } },
      select: { id: true },
    });
    await db.$executeRaw`SELECT prova_backfill_revisions()`;
    const [revision] = await db.revision.findMany({ where: { organisationId: id }, select: { snapshot: true } });
    expect(revision.snapshot).toMatchObject({ schemaVersion: documentSchemaVersion, name: "Bulk Loaded", countries: ["BE"], contacts: [], archived: false });
    expect((await listRevisions(id))[0].snapshot.name).toBe("Bulk Loaded");
  });

  it("a stored document that does not parse is an error naming its row, logged, never shown as if it were fine", async () => {
    const { id } = await db.changeSet.create({
      data: { kind: "CREATE", authorId: author.id, proposed: { ...versionOneDocument(`sd-${run}-damaged`), countries: "BE" } },
      select: { id: true },
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(getOwnChangeSet(author, id)).rejects.toThrow(new StoredDocumentError(`The stored document in ChangeSet.proposed of row ${id} cannot be read.`));
      await expect(listOwnChangeSets(author)).rejects.toThrow(StoredDocumentError);
      await expect(saveDraft(author, { id, kind: "CREATE", document: { ...versionOneDocument(`sd-${run}-damaged`), contacts: [] }, note: "" })).rejects.toThrow(StoredDocumentError);
      expect(log).toHaveBeenCalledWith(`[stored document] ChangeSet.proposed of row ${id} cannot be read:`, expect.any(StoredDocumentError));
    } finally {
      log.mockRestore();
      await db.changeSet.delete({ where: { id } });
    }
  });
});
