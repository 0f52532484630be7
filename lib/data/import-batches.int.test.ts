// Imports from upload to publication, on the real PostgreSQL and the real job queue: the check, the
// settings and remembered mapping, sending to review, four eyes, deciding all at once, and
// importing the same file again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/data/errors";
import { fastBoss, revalidationRecorder, until } from "@/lib/jobs/fixtures/test-queues";
import { pgQuery } from "@/scripts/lib/pg-client";

const run = crypto.randomUUID().slice(0, 8);
const schema = `pgboss_import_${run}`;
const url = process.env.DATABASE_URL!;

/** The app, as the worker sees it: the revalidations it is sent. */
let app: Awaited<ReturnType<typeof revalidationRecorder>>;

let db: Db;
let jobs: typeof import("@/lib/jobs");
let imports: typeof import("./import-batches");
type Staff = { id: string; role: "EDITOR" | "REVIEWER" };
let editor: Staff;
let reviewer: Staff;
let otherReviewer: Staff;

beforeAll(async () => {
  app = await revalidationRecorder();
  process.env.APP_URL = app.url;
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-that-is-at-least-32-characters";
  ({ db } = await import("@/lib/db"));
  jobs = await import("@/lib/jobs");
  imports = await import("./import-batches");
  await jobs.startWorkers({ schema, boss: fastBoss, pollSeconds: 0.5, queueSettings: { retryLimit: 0 } });
  const user = (name: string, role: Staff["role"]) =>
    db.user.create({ data: { email: `import-${name}-${run}@prova.test`, name: `Import ${name}`, role }, select: { id: true, role: true } }) as Promise<Staff>;
  [editor, reviewer, otherReviewer] = await Promise.all([user("editor", "EDITOR"), user("reviewer", "REVIEWER"), user("other", "REVIEWER")]);
});

afterAll(async () => {
  await jobs.stopJobs(1_000);
  await pgQuery(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const ours = [editor.id, reviewer.id, otherReviewer.id];
  await db.organisation.deleteMany({ where: { slug: { contains: run } } });
  await db.changeSet.deleteMany({ where: { authorId: { in: ours } } });
  await db.importBatch.deleteMany({ where: { authorId: { in: ours } } });
  await db.user.deleteMany({ where: { id: { in: ours } } });
  await db.importMapping.deleteMany({
    where: { headersKey: { in: [imports.headersKey(["Nom", "Genre", `Lien ${run}`]), imports.headersKey(["Organisation name", "Kind", "Country", "Website", "E-mail", "Telephone", `Notes ${run}`])] } },
  });
  await db.$disconnect();
  app.close();
});

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const settled = (id: string, statuses: string[]) =>
  until(`import ${id} in ${statuses.join(" or ")}`, () => imports.getImport(id), (batch) => Boolean(batch && statuses.includes(batch.status)));

/** A file of this test's own organisations: two new, one row with errors, one duplicate. */
function fileOf(suffix = "") {
  return [
    // A header of this test's own: the mapping sent is remembered for everyone with the same headers.
    `Organisation name;Kind;Country;Website;E-mail;Telephone;Notes ${run}`,
    `Import One ${run};NGO;Portugal;https://one-${run}.example;info@one-${run}.example;0032 471 51 27 4${suffix || "5"}`,
    `Import Two ${run};Government body;Slovenia;https://two-${run}.example;;`,
    `;Club;Atlantis;;not an address;`,
    `Import One again ${run};NGO;PT;https://www.one-${run}.example;;`,
  ].join("\r\n");
}

describe("imports", () => {
  it("are checked by a job, sent to review by their author, decided all at once by another reviewer, and propose nothing when imported again", async () => {
    const id = await imports.createImportBatch(editor, { fileName: `belgium-${run}.csv`, bytes: bytes(fileOf()) });
    const checked = await settled(id, ["CHECKED", "FAILED"]);
    expect(checked).toMatchObject({ status: "CHECKED", problems: [], headers: ["Organisation name", "Kind", "Country", "Website", "E-mail", "Telephone", `Notes ${run}`] });
    expect(checked!.facts).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ";", headerRow: 1 });
    expect(checked!.summary).toMatchObject({ rows: 4, creates: 2, updates: 0, duplicates: 1, errors: 1 });
    const rows = await imports.listImportRows(id, {});
    expect(rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, "create"],
      [3, "create"],
      [4, "error"],
      [5, "duplicate"],
    ]);
    // The row with errors keeps its cells for the download, each error with its column.
    const errors = [];
    for await (const row of imports.importErrorRows(id)) errors.push(row);
    expect(errors).toHaveLength(1);
    expect(errors[0].cells).toEqual(["", "Club", "Atlantis", "", "not an address"]);
    expect(errors[0].errors.map((error) => error.column)).toEqual(["B", "C", "A", "E"]);

    // Only the author sends it; nothing is in review before.
    await expect(imports.sendImport(otherReviewer, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.changeSet.count({ where: { importBatchId: id } })).toBe(0);
    await imports.sendImport(editor, id);
    const sent = await settled(id, ["IN_REVIEW", "FAILED"]);
    expect(sent).toMatchObject({ status: "IN_REVIEW", waiting: 2 });
    expect(sent!.summary).toMatchObject({ sent: 2, failed: 0 });
    const changeSets = await db.changeSet.findMany({ where: { importBatchId: id }, select: { status: true, authorId: true, kind: true, importKeys: true } });
    expect(changeSets.map((changeSet) => [changeSet.status, changeSet.authorId, changeSet.kind])).toEqual([
      ["SUBMITTED", editor.id, "CREATE"],
      ["SUBMITTED", editor.id, "CREATE"],
    ]);
    expect((await db.importBatch.findUnique({ where: { id }, select: { file: true } }))!.file).toBeNull();
    // Sent as suggested, the mapping is confirmed and offered for the next file with these headers.
    expect(await imports.rememberedMapping(checked!.headers)).toEqual(checked!.mapping);
    // Its changes wait on the import's page, not one by one in the review queue.
    const { listReviewQueue, listImportsInReview } = await import("./reviews");
    expect((await listReviewQueue({ authorId: editor.id })).length).toBe(0);
    expect((await listImportsInReview()).find((batch) => batch.id === id)).toMatchObject({ waiting: 2 });

    // The same file again, while the first waits: nothing new to propose.
    const again = await imports.createImportBatch(editor, { fileName: `belgium-${run}.csv`, bytes: bytes(fileOf()) });
    const againChecked = await settled(again, ["CHECKED", "FAILED"]);
    expect(againChecked!.summary).toMatchObject({ creates: 0, updates: 0, unchanged: 2 });
    expect((await imports.listImportRows(again, { outcome: "unchanged" })).every((row) => row.changeSetId)).toBe(true);
    await expect(imports.sendImport(editor, again)).rejects.toThrow("proposes nothing");

    // Four eyes: not the author (an editor cannot decide at all), then another reviewer approves all.
    await expect(imports.decideImport(editor, id, "approve", "")).rejects.toBeInstanceOf(ForbiddenError);
    const ownId = await imports.createImportBatch(reviewer, { fileName: "own.csv", bytes: bytes(fileOf()) });
    await settled(ownId, ["CHECKED"]);
    await imports.sendImport(reviewer, ownId).catch(() => undefined);
    await expect(imports.decideImport(reviewer, ownId, "approve", "")).rejects.toBeInstanceOf(ConflictError);
    await imports.decideImport(reviewer, id, "approve", "");
    const decided = await settled(id, ["DONE", "IN_REVIEW"]);
    expect(decided).toMatchObject({ status: "DONE", waiting: 0, failure: null });
    expect(decided!.summary).toMatchObject({ approved: 2 });
    const published = await db.organisation.findMany({ where: { name: { endsWith: run } }, orderBy: { name: "asc" }, select: { name: true, website: true, status: true, contacts: { select: { type: true, value: true } } } });
    expect(published).toEqual([
      { name: `Import One ${run}`, website: `https://one-${run}.example`, status: "PUBLISHED", contacts: [{ type: "EMAIL", value: `info@one-${run}.example` }, { type: "PHONE", value: "+32471512745" }] },
      { name: `Import Two ${run}`, website: `https://two-${run}.example`, status: "PUBLISHED", contacts: [] },
    ]);
    // The public pages of the new organisations are refreshed by the worker.
    await until("a revalidation", async () => app.revalidations.flat(), (tags) => tags.includes("directory"));

    // Published, the same file matches the directory: every valid row is unchanged; a changed phone is an update of that field only.
    const third = await imports.createImportBatch(editor, { fileName: "third.csv", bytes: bytes(fileOf()) });
    expect((await settled(third, ["CHECKED"]))!.summary).toMatchObject({ creates: 0, updates: 0, unchanged: 2, duplicates: 1, errors: 1 });
    const changed = await imports.createImportBatch(editor, { fileName: "changed.csv", bytes: bytes(fileOf("8")) });
    expect((await settled(changed, ["CHECKED"]))!.summary).toMatchObject({ creates: 0, updates: 1, unchanged: 1 });
    const [update] = await imports.listImportRows(changed, { outcome: "update" });
    expect(update.changes).toHaveLength(2); // the old phone removed, the new one added
    expect(update.changes.every((key) => key.startsWith("contact:"))).toBe(true);
    expect(update.differences).toEqual(
      expect.arrayContaining([
        { what: "Phone", before: null, after: "+32471512748" },
        { what: "Phone", before: "+32471512745", after: null },
      ]),
    );
  });

  it("takes the author's settings and mapping, remembers the mapping for the same headers, and rejects all with a reason", async () => {
    // Headers of this test's own: a mapping is remembered for everyone who imports the same headers.
    const file = [`Nom;Genre;Lien ${run}`, `Réglages ${run};ngo;https://settings-${run}.example`].join("\n");
    const id = await imports.createImportBatch(editor, { fileName: "settings.csv", bytes: bytes(file) });
    const first = await settled(id, ["CHECKED"]);
    // "Genre" suggests nothing, and there is no country: the mapping says what is missing.
    expect(first!.problems).toEqual(expect.arrayContaining([expect.stringContaining("kind"), expect.stringContaining("countries")]));
    await expect(imports.sendImport(editor, id)).rejects.toThrow("mapped");
    const mapping = { columns: { A: "name", B: "kind", C: "website" } as const, values: {}, defaults: { countries: "FR" } };
    await expect(imports.changeImportSettings(otherReviewer, id, {}, mapping)).rejects.toBeInstanceOf(ForbiddenError);
    await imports.changeImportSettings(editor, id, { matchBy: ["website"] }, mapping);
    const second = await settled(id, ["CHECKED"]);
    expect(second).toMatchObject({ problems: [], settings: { matchBy: ["website"] } });
    expect(second!.summary).toMatchObject({ creates: 1 });
    expect(await imports.rememberedMapping(["nom", "GENRE", `Lien ${run}`])).toEqual(mapping);
    // A new file with the same headers is read with the remembered mapping.
    const next = await imports.createImportBatch(editor, { fileName: "settings-2.csv", bytes: bytes(file.replace("Réglages", "Encore")) });
    expect(await settled(next, ["CHECKED"])).toMatchObject({ problems: [], mapping });

    await imports.sendImport(editor, id);
    await settled(id, ["IN_REVIEW"]);
    await imports.decideImport(otherReviewer, id, "reject", "Not in our scope");
    expect(await settled(id, ["DONE"])).toMatchObject({ waiting: 0 });
    const [rejected] = await db.changeSet.findMany({ where: { importBatchId: id }, select: { status: true, decisionNote: true } });
    expect(rejected).toEqual({ status: "REJECTED", decisionNote: "Not in our scope" });
    expect(await db.organisation.count({ where: { name: `Réglages ${run}` } })).toBe(0);
  });

  it("says in one sentence why a file cannot be read, and lets the author read it otherwise", async () => {
    const id = await imports.createImportBatch(editor, { fileName: "old.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) });
    expect(await settled(id, ["FAILED"])).toMatchObject({ failure: expect.stringContaining("old Excel (.xls)") });
    await expect(imports.sendImport(editor, id)).rejects.toBeInstanceOf(ConflictError);
    // Windows-1252 bytes read as UTF-8 are refused or garbled; told the encoding, the check reads them right.
    const latin = Buffer.from(`Name;Country;Kind\nCaf\xe9 ${run};BE;ngo\n`, "latin1");
    const latinId = await imports.createImportBatch(editor, { fileName: "latin.csv", bytes: new Uint8Array(latin) });
    await settled(latinId, ["CHECKED"]);
    await imports.changeImportSettings(editor, latinId, { encoding: "windows-1252" }, null);
    expect(await settled(latinId, ["CHECKED"])).toMatchObject({ facts: expect.objectContaining({ encoding: "windows-1252" }) });
    const [row] = await imports.listImportRows(latinId, {});
    expect(row.organisation).toBe(`Café ${run}`);
  });
});
