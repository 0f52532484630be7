// npm run import as an operator runs it: the dry run of a file against DATABASE_URL (the
// integration tests' database, seeded with the original directory), its JSON and its exit codes.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgQuery } from "./lib/pg-client";

const root = path.resolve(import.meta.dirname, "..");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "prova-import-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/import.ts", ...args], {
      cwd: root,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", DATABASE_URL: process.env.DATABASE_URL },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run import -- FILE --dry-run", () => {
  it("prints the dry run as one JSON object and exits 1 when some rows have errors, 0 when none", { timeout: 60_000 }, async () => {
    const withError = path.join(dir, "mixed.csv");
    await writeFile(withError, "Nom;Type;Pays\nS.A.V.E. BELGIUM;NGO;Belgique\n;Club;Atlantis\n");
    const mixed = await run([withError, "--dry-run", "--json"]);
    expect(mixed.code).toBe(1);
    const result = JSON.parse(mixed.stdout);
    expect(result.file).toEqual({ format: "csv", encoding: "utf-8", delimiter: ";", sheet: null, headerRow: 1 });
    expect(result.summary).toEqual({ rows: 2, creates: 0, updates: 0, unchanged: 1, duplicates: 0, errors: 1 });
    expect(result.rows[1]).toMatchObject({ row: 3, outcome: "error", errors: [{ field: "kind", column: "B" }, { field: "countries", column: "C" }, { field: "name", column: "A" }] });

    const valid = path.join(dir, "valid.csv");
    await writeFile(valid, "Organisation;Land\nS.A.V.E. BELGIUM;België\n");
    const mapping = path.join(dir, "mapping.json");
    await writeFile(mapping, JSON.stringify({ columns: { A: "name", B: "countries" }, defaults: { kind: "ngo" } }));
    const clean = await run([valid, "--dry-run", "--json", "--mapping", mapping, "--delimiter", ";"]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).summary).toEqual({ rows: 1, creates: 0, updates: 0, unchanged: 1, duplicates: 0, errors: 0 });
  });

  it("exits 2 with one sentence for a file it cannot read, a bad option or a bad mapping", { timeout: 60_000 }, async () => {
    const empty = path.join(dir, "empty.csv");
    await writeFile(empty, "");
    const badMapping = path.join(dir, "bad.json");
    await writeFile(badMapping, '{"columns": {"Nom": "title"}}');
    for (const [args, sentence] of [
      [[empty, "--dry-run"], "This file is empty."],
      [[empty, "--dry-run", "--match", "phone"], "--match takes website, email and name, separated by commas."],
      [[empty, "--dry-run", "--mapping", badMapping], "is not right: Map each column to one of name"],
      [[path.join(dir, "missing.csv"), "--dry-run"], ""],
    ] as const) {
      const result = await run([...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(sentence);
      expect(result.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
    }
  });
});

describe("npm run import -- FILE --as EMAIL", () => {
  it("sends the valid rows to review as that member of staff's import; the same file again sends nothing", { timeout: 90_000 }, async () => {
    const run8 = crypto.randomUUID().slice(0, 8);
    const email = `cli-import-${run8}@prova.test`;
    const [{ id: userId }] = await pgQuery<{ id: string }>(process.env.DATABASE_URL!, `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (gen_random_uuid(), $1, 'CLI Importer', 'editor', now()) RETURNING id`, [email]);
    try {
      const file = path.join(dir, `cli-${run8}.csv`);
      await writeFile(file, `Name;Country;Kind\nCLI Import ${run8};BE;ngo\n;Atlantis;club\n`);
      const first = await run([file, "--as", email]);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(1);
      expect(first.stdout).toContain("2 rows: 1 new, 0 updates, 0 unchanged, 0 duplicates, 1 with errors");
      expect(first.stdout).toMatch(/1 changes sent to review: http:\/\/\S+\/admin\/imports\/[0-9a-f-]{36}/);
      const sent = await pgQuery(process.env.DATABASE_URL!, `SELECT status, kind, "importBatchId" FROM "ChangeSet" WHERE "authorId" = $1`, [userId]);
      expect(sent).toEqual([{ status: "submitted", kind: "create", importBatchId: expect.any(String) }]);

      const again = await run([file, "--as", email]);
      expect(again.stdout).toContain("2 rows: 0 new, 0 updates, 1 unchanged, 0 duplicates, 1 with errors");
      expect(again.stdout).toContain("Nothing to send to review");
      expect(await pgQuery(process.env.DATABASE_URL!, `SELECT 1 FROM "ChangeSet" WHERE "authorId" = $1`, [userId])).toHaveLength(1);

      const nobody = await run([file, "--as", `nobody-${run8}@prova.test`]);
      expect(nobody.code).toBe(2);
      expect(nobody.stderr.trim()).toBe(`No active account has the e-mail address nobody-${run8}@prova.test.`);
      const neither = await run([file]);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain("Add --dry-run");
    } finally {
      await pgQuery(process.env.DATABASE_URL!, `DELETE FROM "ChangeSet" WHERE "authorId" = $1`, [userId]);
      await pgQuery(process.env.DATABASE_URL!, `DELETE FROM "ImportBatch" WHERE "authorId" = $1`, [userId]);
      await pgQuery(process.env.DATABASE_URL!, `DELETE FROM "User" WHERE id = $1`, [userId]);
    }
  });
});
