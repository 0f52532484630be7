// Backups of the directory's database with PostgreSQL's own tools: pg_dump's custom format (-Fc)
// and pg_restore, for DATABASE_URL's server or the embedded cluster that `npm start` uses.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { launcherEnv } from "../../lib/env";
import {
  type Database,
  LaunchError,
  checkConnection,
  clusterDir,
  describeConnectionError,
  describeTarget,
  isAlive,
  loadSecrets,
  projectRoot,
  startEmbedded,
} from "./database";
import { withPg } from "./pg-client";

/**
 * The job queue's schema (lib/jobs/runner.ts), left out of backups and left alone by a restore: its
 * jobs are the running system's, and pg-boss makes the schema again when it is missing.
 */
export const jobQueueSchema = "pgboss";

type Tool = "pg_dump" | "pg_restore";

// Prisma's own URL parameters: node-pg ignores them, libpq refuses to connect.
const prismaParameters = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size", "sslaccept"];

function describeDatabase(database: Database): string {
  return database.embedded ? `the embedded database (${describeTarget(database.url)})` : describeTarget(database.url);
}

/** A path the user typed, relative to where they typed it (npm runs scripts from the project root). */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** A path as the user would type it: relative when it is below their directory. */
export function shownPath(file: string): string {
  const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** backups/prova-20250131T142501Z.dump: UTC, sortable, no colons (they are not allowed on Windows). */
export function defaultBackupFile(now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return path.join(projectRoot, "backups", `prova-${stamp}.dump`);
}

/**
 * What a client tool needs to reach a database. The password goes into PGPASSWORD rather than
 * the command line, which any user of the machine can read with `ps`.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const name of prismaParameters) parsed.searchParams.delete(name);
  return { dbname: parsed.toString(), env };
}

function missingTool(tool: Tool): string {
  return (
    `${tool} is not installed: backups and restores use PostgreSQL's client tools. Install them ` +
    `(Debian/Ubuntu: apt-get install postgresql-client; macOS: brew install libpq) and run this again.`
  );
}

/** The tool's own first error line, without its name: that is the useful part. */
function firstError(stderr: string, tool: Tool): string {
  const lines = stderr.split("\n").map((line) => line.trim()).filter(Boolean);
  const line = lines.find((text) => /error:/i.test(text)) ?? lines.at(-1) ?? "no message";
  return line.replace(new RegExp(`^${tool}: (error: )?`), "").replace(/\s+/g, " ");
}

function runTool(tool: Tool, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new LaunchError(missingTool(tool)) : error));
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new LaunchError(`${tool} failed: ${firstError(stderr, tool)}`));
    });
  });
}

/** The tool's major version; fails with how to install it when it is missing. */
async function toolVersion(tool: Tool): Promise<number> {
  const output = await runTool(tool, ["--version"]);
  return Number(/\(PostgreSQL\) (\d+)/.exec(output)?.[1] ?? 0);
}

function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPg(url, fn, { connectionTimeoutMillis: 5000, connectError: (error) => new LaunchError(describeConnectionError(error, url)) });
}

/** The embedded cluster of a running `npm start`, which cannot be started a second time. */
async function runningEmbedded(directory: string): Promise<Database | null> {
  const lines = await readFile(path.join(directory, "postmaster.pid"), "utf8")
    .then((text) => text.split("\n"))
    .catch(() => null);
  const pid = Number(lines?.[0]);
  const port = Number(lines?.[3]);
  if (!lines || !(pid > 0) || !isAlive(pid) || !(port > 0)) return null;
  const { postgresPassword } = await loadSecrets();
  const url = `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/prova`;
  await checkConnection(url);
  return { url, embedded: true, stop: async () => {} };
}

/**
 * The configured database: DATABASE_URL's server, otherwise the embedded cluster, used as it is
 * when `npm start` is running and started for this command only when it is not.
 */
async function configuredDatabase({ mustExist }: { mustExist: boolean }): Promise<Database> {
  const { DATABASE_URL } = launcherEnv();
  if (DATABASE_URL) {
    await checkConnection(DATABASE_URL);
    return { url: DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const directory = clusterDir();
  const running = await runningEmbedded(directory);
  if (running) return running;
  if (mustExist && !existsSync(path.join(directory, "PG_VERSION"))) {
    throw new LaunchError(
      `There is nothing to back up: DATABASE_URL is not set and there is no embedded database in ${directory} yet (npm start creates it).`,
    );
  }
  return startEmbedded();
}

export type BackupResult = { file: string; bytes: number; seconds: number; target: string };

/** Dumps the configured database into `file` (default: backups/prova-<UTC time>.dump). */
export async function backup({ file = defaultBackupFile() }: { file?: string } = {}): Promise<BackupResult> {
  const toolMajor = await toolVersion("pg_dump");
  if (existsSync(file)) throw new LaunchError(`${shownPath(file)} already exists: choose another --out (a backup never replaces another).`);
  const database = await configuredDatabase({ mustExist: true });
  try {
    const target = describeDatabase(database);
    const serverMajor = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
      return Math.floor(Number(rows[0].server_version_num) / 10000);
    });
    if (toolMajor < serverMajor) {
      throw new LaunchError(
        `pg_dump ${toolMajor} cannot back up PostgreSQL ${serverMajor} at ${target}: install the client tools of version ${serverMajor} or later (apt-get install postgresql-client-${serverMajor}).`,
      );
    }
    console.log(`Backing up ${target} to ${shownPath(file)}…`);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written under another name until complete, so a failed backup never looks like a backup.
    // Created first because pg_dump keeps the mode: a backup holds password hashes and sessions.
    const partial = `${file}.partial`;
    await (await open(partial, "w", 0o600)).close();
    const started = performance.now();
    try {
      const { dbname, env } = connection(database.url);
      await runTool("pg_dump", ["--format=custom", `--exclude-schema=${jobQueueSchema}`, `--file=${partial}`, `--dbname=${dbname}`], env);
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const seconds = (performance.now() - started) / 1000;
    return { file, bytes: (await stat(file)).size, seconds, target };
  } finally {
    await database.stop();
  }
}

/** The tables in a backup, read from its table of contents; also proves the file is a backup. */
async function tablesInBackup(file: string): Promise<Set<string>> {
  const toc = await runTool("pg_restore", ["--list", file]).catch((error: LaunchError) => {
    throw new LaunchError(`${shownPath(file)} cannot be restored: ${error.message.replace(/^pg_restore failed: /, "")}`);
  });
  const tables = new Set<string>();
  // e.g. `224; 1259 78912 TABLE public AuditEvent postgres` (schema, name, owner)
  for (const match of toc.matchAll(/^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (.+) \S*$/gm)) tables.add(`${match[1]}.${match[2]}`);
  return tables;
}

async function userTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', $1) AND n.nspname NOT LIKE 'pg_toast%'
     ORDER BY 1`,
    [jobQueueSchema],
  );
  return rows.map((row) => row.name);
}

/** Refuses to replace data unless asked to, and a newer schema even then. */
async function checkTarget(url: string, target: string, backupTables: Set<string>, force: boolean): Promise<void> {
  await withClient(url, async (client) => {
    const tables = await userTables(client);
    if (!tables.length) return;
    if (!force) {
      const organisations = tables.includes("public.Organisation")
        ? Number((await client.query<{ count: string }>(`SELECT count(*) FROM "Organisation"`)).rows[0].count)
        : null;
      const holds = organisations === null ? "" : `, ${organisations.toLocaleString("en-GB")} organisations`;
      throw new LaunchError(
        `Not restoring into ${target}: it is not empty (${tables.length} tables${holds}). ` +
          `Add --force to replace its contents, or restore into another database with --database <url>.`,
      );
    }
    // --clean drops only what the backup contains: a table from a later migration would outlive
    // the restore while the restored _prisma_migrations says it was never created.
    const extra = tables.filter((table) => !backupTables.has(table));
    if (extra.length) {
      throw new LaunchError(
        `Not restoring into ${target}: it has tables the backup does not (${extra.join(", ")}), so its schema is newer than the backup's. ` +
          `Restore into an empty database with --database <url> instead.`,
      );
    }
  });
}

/** Creates the database named in `url` when it does not exist; true when it did not. */
async function createDatabase(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new LaunchError(`--database must name a database, e.g. postgresql://postgres@localhost:5432/prova_restored.`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  return withClient(maintenance.toString(), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      throw new LaunchError(`Cannot create the database ${describeTarget(url)}: ${(error as Error).message}. Create it first (createdb) and run this again.`);
    }
    return true;
  });
}

async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  await withClient(maintenance.toString(), (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

export type RestoreOptions = {
  file: string;
  /** Another database to restore into (created when missing) instead of the configured one. */
  database?: string;
  /** Replace the contents of a database that has tables. */
  force?: boolean;
};

export type RestoreResult = { target: string; created: boolean; tables: number; seconds: number };

/**
 * Restores a backup in one transaction: it is all there afterwards, or, after any failure
 * (a truncated file, a full disk), nothing changed.
 */
export async function restore({ file, database: url, force = false }: RestoreOptions): Promise<RestoreResult> {
  await toolVersion("pg_restore");
  if (!existsSync(file)) throw new LaunchError(`There is no backup at ${shownPath(file)}.`);
  const backupTables = await tablesInBackup(file);
  const created = url ? await createDatabase(url) : false;
  const database: Database = url ? { url, embedded: false, stop: async () => {} } : await configuredDatabase({ mustExist: false });
  const target = describeDatabase(database);
  try {
    const started = performance.now();
    try {
      if (!created) await checkTarget(database.url, target, backupTables, force);
      console.log(`Restoring ${shownPath(file)} into ${target}…`);
      const { dbname, env } = connection(database.url);
      // Ownership and grants name roles of the server the backup came from; here everything
      // belongs to the user restoring it, as after `npm run db:deploy`.
      await runTool(
        "pg_restore",
        ["--single-transaction", "--clean", "--if-exists", "--no-owner", "--no-privileges", `--dbname=${dbname}`, file],
        env,
      ).catch((error: Error) => {
        const after = created ? "the database created for it was dropped" : `${target} is as it was`;
        throw new LaunchError(`${error.message}. Nothing was restored: ${after}.`);
      });
    } catch (error) {
      if (created) await dropDatabase(database.url).catch(() => {});
      throw error;
    }
    // A restore brings no planner statistics, and search reads pg_stats to choose its plans.
    await withClient(database.url, (client) => client.query("ANALYZE"));
    return { target, created, tables: backupTables.size, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.stop();
  }
}
