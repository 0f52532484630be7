// `next build` when the build is missing or stale: its sources changed, or it was made for
// another DEPLOYMENT_ID.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./database";

const sourceEntries = ["app", "components", "i18n", "lib", "messages", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

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

/**
 * What a build depends on: its sources and the deployment id it was made for. Not a database: a
 * build reads none (lib/build-phase.ts), and a server serves only pages it rendered itself.
 */
type Stamp = { sourceHash: string; deploymentId?: string; pseudoLanguage?: string };

/**
 * Builds into `distDir` unless its build is current. `quiet` keeps next build's output and shows
 * it only when the build fails (npm test builds while other steps print).
 */
export async function ensureBuild(distDir: string, env: NodeJS.ProcessEnv, { force = false, quiet = false } = {}) {
  const stampFile = path.join(projectRoot, distDir, "prova-build.json");
  const wanted: Stamp = { sourceHash: await sourceHash(), deploymentId: env.DEPLOYMENT_ID || undefined, pseudoLanguage: env.PSEUDO_LANGUAGE || undefined };
  const current = await readFile(stampFile, "utf8").then((text) => JSON.parse(text) as Stamp).catch(() => null);
  const same = current?.sourceHash === wanted.sourceHash && current.deploymentId === wanted.deploymentId && current.pseudoLanguage === wanted.pseudoLanguage;
  if (!force && same) return false;
  if (!quiet) console.log(current ? "The build is out of date: building…" : "Building the app (first start)…");
  // `next build` keeps the data cache (unstable_cache entries) from the builds before; made from
  // older code, they would be served as if current.
  await rm(path.join(projectRoot, distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  // No database at build, whatever DATABASE_URL says: the build does not read one.
  await run(
    "node",
    [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"],
    {
      ...env,
      DATABASE_URL: "",
      NEXT_DIST_DIR: distDir,
    },
    projectRoot,
    { quiet },
  );
  await writeFile(stampFile, JSON.stringify(wanted));
  return true;
}

/** Runs a command; `quiet` keeps its output and puts it into the error when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = projectRoot, { quiet = false } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${output}${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
