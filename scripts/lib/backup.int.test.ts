// npm run db:backup / db:restore against the test database: every row of every table comes back,
// and a restore that is refused or cannot finish (truncated, corrupt) changes nothing.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSchema } from "../../lib/jobs/runner";
import { defaultBackupFile, jobQueueSchema } from "./backup";
import { pgQuery, withPg } from "./pg-client";

const root = path.resolve(import.meta.dirname, "../..");
const source = process.env.DATABASE_URL!;
const prefix = `prova_bk_${Date.now().toString(36)}`;
const created: string[] = [];

/** A database on the test database's server; dropped after the tests. */
function databaseUrl(suffix: string): string {
  const name = `${prefix}_${suffix}`;
  created.push(name);
  const url = new URL(source);
  url.pathname = `/${name}`;
  return url.toString();
}

const admin = (sql: string, params: unknown[] = []) => {
  const url = new URL(source);
  url.pathname = "/postgres";
  return pgQuery(url.toString(), sql, params);
};

const exists = async (url: string) =>
  (await admin("SELECT 1 FROM pg_database WHERE datname = $1", [new URL(url).pathname.slice(1)])).length > 0;

type Fingerprint = Record<string, { rows: number; md5: string | null }>;

/** Row count and a checksum of the contents of every table in the public schema. */
function fingerprint(url: string): Promise<Fingerprint> {
  return withPg(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    const result: Fingerprint = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; md5: string | null }>(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, ',' ORDER BY t::text)) AS md5 FROM public.${client.escapeIdentifier(name)} t`,
      );
      result[name] = rows[0];
    }
    return result;
  });
}

function launch(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script, ...args], {
      cwd: root,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", DATABASE_URL: source, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const restore = (args: string[], env: Record<string, string> = {}) => launch("scripts/db-restore.ts", args, env);

let directory: string;
let backupFile: string;
let original: Fingerprint;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "prova-backup-"));
  backupFile = path.join(directory, "prova.dump");
  original = await fingerprint(source);
  const { code, output } = await launch("scripts/db-backup.ts", ["--out", backupFile]);
  expect(output).toMatch(/Backed up .+ to .+prova\.dump \([\d.]+ (bytes|kB|MB)\) in [\d.]+s\./);
  expect(code).toBe(0);
}, 120_000);

afterAll(async () => {
  for (const name of created) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  const restored = databaseUrl("restored");

  it("name backups by their UTC time under backups/", () => {
    expect(defaultBackupFile(new Date("2025-01-31T14:25:01.123Z"))).toBe(path.join(root, "backups", "prova-20250131T142501Z.dump"));
  });

  it("restore every row of every table into a new database", async () => {
    expect(Object.keys(original)).toEqual(expect.arrayContaining(["_prisma_migrations", "Organisation", "Country", "User"]));
    expect(original.Organisation.rows).toBeGreaterThan(0);
    expect(original._prisma_migrations.rows).toBeGreaterThan(0);

    const { code, output } = await restore([backupFile, "--database", restored]);
    expect(output).toContain("(created)");
    expect(code).toBe(0);
    expect(await fingerprint(restored)).toEqual(original);
  }, 120_000);

  it("refuse to restore over a non-empty database without --force and leave it as it was", async () => {
    await pgQuery(restored, `UPDATE "Organisation" SET name = name || ' (changed)'`);
    const changed = await fingerprint(restored);
    expect(changed).not.toEqual(original);

    // The configured database (DATABASE_URL) is the default target.
    const { code, output } = await restore([backupFile], { DATABASE_URL: restored });
    expect(code).toBe(1);
    expect(output).toContain("it is not empty");
    expect(output).toContain("--force");
    expect(output).not.toMatch(/\n\s+at /);
    expect(await fingerprint(restored)).toEqual(changed);

    // A live database has the job queue's schema (partitioned tables, which pg_restore --clean
    // cannot drop): a backup leaves it out, and a restore leaves it alone.
    const boss = new PgBoss({ connectionString: restored, schema: jobQueueSchema, supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    await boss.createQueue("backup-test");
    await boss.send("backup-test", { kept: true });
    await boss.stop({ graceful: false });
    const forced = await restore([backupFile, "--force"], { DATABASE_URL: restored });
    expect(forced.output).not.toContain("✖");
    expect(forced.code).toBe(0);
    expect(await fingerprint(restored)).toEqual(original);
    expect(await pgQuery(restored, `SELECT data FROM ${jobQueueSchema}.job WHERE name = 'backup-test'`)).toEqual([{ data: { kept: true } }]);
    expect(jobQueueSchema).toBe(defaultSchema);
  }, 120_000);

  it("restore nothing from a truncated or corrupt backup", async () => {
    const bytes = await readFile(backupFile);
    // The table of contents is at the start; losing or garbling the end breaks the last tables' data.
    const truncated = path.join(directory, "truncated.dump");
    await writeFile(truncated, bytes.subarray(0, bytes.length - 2048));
    const corrupt = path.join(directory, "corrupt.dump");
    await writeFile(corrupt, Buffer.concat([bytes.subarray(0, bytes.length - 1500), Buffer.alloc(1000), bytes.subarray(bytes.length - 500)]));

    const fresh = databaseUrl("fresh");
    const failed = await restore([truncated, "--database", fresh]);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain("Nothing was restored");
    expect(await exists(fresh)).toBe(false);

    const empty = databaseUrl("empty");
    await admin(`CREATE DATABASE "${new URL(empty).pathname.slice(1)}"`);
    expect((await restore([truncated, "--database", empty])).code).toBe(1);
    expect(await fingerprint(empty)).toEqual({});

    for (const file of [truncated, corrupt]) {
      const { code, output } = await restore([file, "--database", restored, "--force"]);
      expect(code).toBe(1);
      expect(output).toContain("Nothing was restored");
      expect(await fingerprint(restored)).toEqual(original);
    }
  }, 180_000);

  it("refuse a file that is not a backup before touching any database", async () => {
    const notABackup = path.join(directory, "not-a-backup.dump");
    await writeFile(notABackup, "this is not a backup\n");
    const target = databaseUrl("never");
    const { code, output } = await restore([notABackup, "--database", target]);
    expect(code).toBe(1);
    expect(output).toContain("cannot be restored");
    expect(await exists(target)).toBe(false);
  });
});
