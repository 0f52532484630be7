// `next build` when the build is missing or stale. Stale means: the sources changed, or the
// build was made for another database (its ISR pages were prerendered from that database's data).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "./database";

const sourceEntries = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

async function* files(entry: string): AsyncGenerator<string> {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return;
  const stat = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (!stat) {
    yield entry;
    return;
  }
  for (const child of stat.sort((a, b) => a.name.localeCompare(b.name))) {
    if (child.name === "generated" || child.name.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, child.name));
  }
}

export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of sourceEntries) {
    for await (const file of files(entry)) {
      hash.update(file).update("\0").update(await readFile(path.join(projectRoot, file))).update("\0");
    }
  }
  return hash.digest("hex");
}

/** Identifies a database across restarts and port changes: the cluster's system id and the database name. */
export async function databaseId(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "SELECT (SELECT system_identifier::text FROM pg_control_system()) || '/' || current_database() AS id",
    );
    return rows[0].id;
  } catch {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port}${parsed.pathname}`;
  } finally {
    await client.end();
  }
}

/** What a build depends on besides its sources: the database it prerendered from, the deployment id it was made for. */
type Stamp = { sourceHash: string; databaseId: string; deploymentId?: string };

export async function ensureBuild(distDir: string, env: NodeJS.ProcessEnv, { force = false } = {}) {
  const stampFile = path.join(projectRoot, distDir, "prova-build.json");
  const wanted: Stamp = { sourceHash: await sourceHash(), databaseId: await databaseId(env.DATABASE_URL!), deploymentId: env.DEPLOYMENT_ID || undefined };
  const current = await readFile(stampFile, "utf8").then((text) => JSON.parse(text) as Stamp).catch(() => null);
  const same = current?.sourceHash === wanted.sourceHash && current.databaseId === wanted.databaseId && current.deploymentId === wanted.deploymentId;
  if (!force && same) return false;
  console.log(current ? "The build is out of date: building…" : "Building the app (first start)…");
  // `next build` keeps the data cache (unstable_cache entries) from the builds before; made from
  // another database or older code, they would be served as if current.
  await rm(path.join(projectRoot, distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  await run("node", [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], {
    ...env,
    NEXT_DIST_DIR: distDir,
  });
  await writeFile(stampFile, JSON.stringify(wanted));
  return true;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = projectRoot): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
