// Spreadsheet import in the benchmark (npm run bench -- --only import): the dry run of 100,000 and
// 200,000 rows against the million organisations, as `npm run import -- FILE --dry-run` runs it
// (its whole answer kept for the report, the most it holds), and the import page's check of the
// 100,000 (lib/data/import-batches.ts: rows stored as they are read). Time and peak memory of
// each, in a process of its own. Figures for docs/; never a test.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "./database";
import { boundedHeapFlags } from "./node-flags";
import { pgQuery } from "./pg-client";

export type ImportRun = { label: string; rows: number; seconds: number; peakRssMb: number; summary: string };
export type ImportFigures = { runs: ImportRun[] };

/** Every 20 rows: 5 match an organisation of the directory (its name, website and e-mail), 13 are new, 1 has errors, 1 repeats the row before. */
async function makeFile(database: string, rows: number, file: string) {
  // With an e-mail address: the generated names and websites repeat, and a row matching several organisations is an error.
  const known = await pgQuery<{ name: string; website: string | null; country: string; email: string | null }>(
    database,
    `SELECT o.name, o.website, o."countryCodes"[1] AS country,
       (SELECT c.value FROM "Contact" c WHERE c."organisationId" = o.id AND c.type = 'email' ORDER BY c.position LIMIT 1) AS email
     FROM "Organisation" o TABLESAMPLE SYSTEM (5) REPEATABLE (42) LIMIT $1`,
    [Math.ceil(rows / 4)],
  );
  const lines = ["Organisation name;Kind;Country;Website;E-mail;Phone"];
  let next = 0;
  for (let i = 0; i < rows; i++) {
    const slot = i % 20;
    if (slot < 5) {
      const organisation = known[next++ % known.length];
      lines.push(`${organisation.name.replaceAll(";", ",")};ngo;${organisation.country};${organisation.website ?? ""};${organisation.email ?? ""};`);
    } else if (slot === 18) {
      lines.push(`Broken row ${i};club;Atlantis;;not an e-mail;`);
    } else if (slot === 19) {
      lines.push(lines.at(-1)!);
    } else {
      const digits = String(i).padStart(6, "0");
      lines.push(`Imported organisation ${i};ngo;BE;https://imported-${i}.example.org;info@imported-${i}.example.org;+32 471 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)}`);
    }
  }
  await writeFile(file, `${lines.join("\r\n")}\r\n`);
}

/** A command in a process of its own, timed, with its peak memory (GNU time's maximum resident set). */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ seconds: number; peakRssMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "peak-kb %M", command, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const peak = /peak-kb (\d+)/.exec(stderr);
      if (!peak || (code !== 0 && code !== 1)) reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: Number(peak[1]) / 1024, stdout });
    });
  });
}

/** The import page's check (a job's work), run in a process of its own on a stored file. */
const checkScript = `
  import { readFile } from "node:fs/promises";
  const { db } = await import("./lib/db.ts");
  const imports = await import("./lib/data/import-batches.ts");
  const steps = await import("./lib/data/import-steps.ts");
  const email = "bench-importer@prova.test";
  const user = await db.user.upsert({ where: { email }, create: { email, name: "Bench importer", role: "EDITOR" }, update: {}, select: { id: true, role: true } });
  const bytes = new Uint8Array(await readFile(process.env.BENCH_IMPORT_FILE));
  const id = await imports.createImportBatch(user, { fileName: "bench.csv", bytes }, { queue: false });
  const summary = await steps.checkImport(id);
  await db.importBatch.deleteMany({ where: { id } });
  console.log(JSON.stringify(summary));
  await db.$disconnect();
`;

export async function importSection({ database, projectRoot, say }: { database: string; projectRoot: string; say: (line?: string) => void }): Promise<ImportFigures> {
  const directory = path.join(dataDir(), "bench", "import");
  await mkdir(directory, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database, NODE_ENV: "production", NEXTAUTH_SECRET: "bench-secret-that-is-at-least-32-characters-long" };
  const tsx = path.join(projectRoot, "node_modules/tsx/dist/cli.mjs");
  const runs: ImportRun[] = [];
  for (const rows of [100_000, 200_000]) {
    const file = path.join(directory, `import-${rows}.csv`);
    await makeFile(database, rows, file);
    const result = await timed(process.execPath, [tsx, ...boundedHeapFlags, "--conditions=react-server", "scripts/import.ts", file, "--dry-run"], env, projectRoot);
    runs.push({ label: "npm run import -- --dry-run", rows, seconds: result.seconds, peakRssMb: result.peakRssMb, summary: result.stdout.split("\n").find((line) => / rows: /.test(line)) ?? "" });
    if (rows === 100_000) {
      const check = await timed(process.execPath, [tsx, ...boundedHeapFlags, "--conditions=react-server", "--input-type=module", "-e", checkScript], { ...env, BENCH_IMPORT_FILE: file }, projectRoot);
      const summary = JSON.parse(check.stdout.trim().split("\n").at(-1)!);
      runs.push({ label: "the import page's check (rows stored)", rows, seconds: check.seconds, peakRssMb: check.peakRssMb, summary: `${summary.rows} rows: ${summary.creates} new, ${summary.updates} updates, ${summary.unchanged} unchanged, ${summary.duplicates} duplicates, ${summary.errors} with errors` });
    }
  }
  say("### Spreadsheet import (1M organisations)");
  say();
  say("| What | Rows | Time | Peak memory | Outcome |");
  say("|---|---|---|---|---|");
  for (const run of runs) say(`| ${run.label} | ${run.rows.toLocaleString("en")} | ${run.seconds.toFixed(1)} s | ${run.peakRssMb.toFixed(0)} MB | ${run.summary} |`);
  say();
  return { runs };
}

/** Rows of the results table (measured | goal | result). */
export function importRows(figures: ImportFigures): string[] {
  return figures.runs.map((run) => {
    const goal = run.label.startsWith("npm") ? (run.rows === 100_000 ? "≤ 30 s" : "≤ 300 MB") : "–";
    const time = `${run.seconds.toFixed(1)} s`;
    const memory = `peak memory ${run.peakRssMb.toFixed(0)} MB`;
    const result = goal === "≤ 300 MB" ? `**${memory}**, ${time}` : goal === "≤ 30 s" ? `**${time}**, ${memory}` : `${time}, ${memory}`;
    return `| import of ${run.rows.toLocaleString("en-GB")} rows against 1M organisations: ${run.label} | ${goal} | ${result} |`;
  });
}
