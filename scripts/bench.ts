// npm run bench [-- --seconds 10] [-- --only page,search,admin,redis,readwrite,cold,links,import]
// Measures the product side by side on this machine. A full run rewrites the results table in
// docs/benchmarks.md (scripts/lib/bench-results.ts); every run writes its whole report to
// .data/bench/report.md. Never a test: figures, not pass/fail.
//
// - A PostgreSQL of its own (embedded, in .data/bench, shared buffers sized for the data) with
//   two databases of synthetic organisations, 100k and 1M, generated once and kept between runs.
// - A production build made for the 1M database (.next-bench), rebuilt only when stale.
// - The server pinned to core 0 and the load generator (scripts/lib/load.ts) to core 1
//   when the machine has two cores or more; closed-loop connections and an open model (requests
//   on a fixed schedule at half the closed-loop throughput, timed from when each was due).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { replaceResults, resultsTable, statementTimes, type BenchFigures } from "./lib/bench-results";
import { importRows, importSection, type ImportFigures } from "./lib/bench-import";
import { linksRows, linksSection, type LinksFigures } from "./lib/bench-links";
import { coldSection, readWriteRows, readWriteSection, type ReadWriteFigures } from "./lib/bench-read-write";
import type { ReadersOptions, ReadersResult } from "./lib/read-write-load";
import { ensureBuild, run } from "./lib/build";
import { dataDir, freePort, LaunchError, projectRoot, startEmbedded } from "./lib/database";
import { generateDemo } from "./lib/demo-data";
import type { LoadOptions, LoadResult } from "./lib/load";
import { pgQuery } from "./lib/pg-client";
import { main } from "./lib/run";
import { revalidateToken } from "../lib/security/keys";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    only: { type: "string", default: "page,search,admin,redis,readwrite,links,import" },
  },
});
const seconds = Number(values.seconds);
const only = new Set(values.only.split(","));
const cores = os.cpus().length;
const pinned = cores >= 2 && existsSync("/usr/bin/taskset");
const secret = "bench-secret-that-is-at-least-32-characters-long";
const distDir = ".next-bench";
const report: string[] = [];
const say = (line = "") => {
  console.log(line);
  report.push(line);
};
/** The highest RSS of this app's server over the run (MB), for the results table. */
let peakRss = 0;

/** A command on one core (0: servers, 1: load), when the machine allows. */
function onCore(core: 0 | 1, command: string, args: string[]): [string, string[]] {
  return pinned ? ["taskset", ["-c", String(core), command, ...args]] : [command, args];
}

type Server = { url: string; process: ChildProcess; stop(): Promise<void> };

async function waitFor(url: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new LaunchError(`The server exited: ${log().slice(-2000)}`);
    if (await fetch(url).then((response) => response.status < 500, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new LaunchError(`The server at ${url} did not answer: ${log().slice(-2000)}`);
}

/**
 * This app as `npm start` runs it (server.js), or with `directory` the stock app on `next start`;
 * `nodeArgs` before the script (the search probe: scripts/lib/bench-probe.js).
 */
async function startServer(env: Record<string, string>, directory = projectRoot, nodeArgs: string[] = [], core: 0 | 1 = 0): Promise<Server> {
  const port = await freePort();
  const server = directory === projectRoot ? [path.join(projectRoot, "server.js")] : [path.join(projectRoot, "node_modules/next/dist/bin/next"), "start"];
  const [command, args] = onCore(core, process.execPath, [...nodeArgs, ...server, "--port", String(port)]);
  const child = spawn(command, args, {
    cwd: directory,
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXTAUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1", REDIS_URL: "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/robots.txt`, child, () => stderr);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

// What `next start` itself reaches on this machine: a minimal stock app (no proxy work, no header
// rules, no data) with one ISR page of about the measured page's size, built into .data (inside
// the project, where Turbopack compiles; ignored by git, tsc and ESLint). The project's own
// instrumentation.ts and proxy.ts would be compiled into it without the stand-ins.
const stockDirectory = path.join(projectRoot, ".data", "bench-stock");
function stockFiles(bytes: number): Record<string, string> {
  // ~255 bytes of HTML and RSC payload per paragraph, ~2 KB for the rest.
  const paragraphs = Math.max(1, Math.round((bytes - 2000) / 255));
  return {
    "package.json": '{ "private": true }\n',
    "next.config.js": "module.exports = { poweredByHeader: false };\n",
    "instrumentation.ts": "export function register() {}\n",
    "proxy.ts": `import { NextResponse } from "next/server";\nexport const proxy = () => NextResponse.next();\nexport const config = { matcher: ["/never"] };\n`,
    "app/layout.tsx": `export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
    "app/page.tsx":
      `export const revalidate = 3600;\n` +
      `const text = Array.from({ length: ${paragraphs} }, (_, i) => \`Paragraph \${i}: an organisation working against radicalisation and violent extremism.\`);\n` +
      `export default function Page() {\n  return <main><h1>Stock page</h1>{text.map((t, i) => <p key={i}>{t}</p>)}</main>;\n}\n`,
  };
}

async function ensureStockBuild(bytes: number) {
  const files = stockFiles(bytes);
  const version = async (name: string) => JSON.parse(await readFile(path.join(projectRoot, "node_modules", name, "package.json"), "utf8")).version as string;
  // Rebuilt when the page's size, Next or React changes.
  const stamp = JSON.stringify({ files, next: await version("next"), react: await version("react") });
  const stampFile = path.join(stockDirectory, ".next", "prova-stock.json");
  if ((await readFile(stampFile, "utf8").catch(() => "")) === stamp) return;
  await rm(stockDirectory, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(stockDirectory, name)), { recursive: true });
    await writeFile(path.join(stockDirectory, name), text);
  }
  console.log("Building the stock Next app…");
  await run(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" }, stockDirectory);
  await writeFile(stampFile, stamp);
}

/** A process and its children (fields of /proc/<pid>/stat after the command name). */
function processTree(pid: number): { pid: number; stat: string[] }[] {
  const tree: { pid: number; stat: string[] }[] = [];
  for (const entry of readdirSafe("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const text = readSafe(`/proc/${entry}/stat`);
    const stat = text?.slice(text.lastIndexOf(")") + 2).split(" ");
    if (stat && (Number(entry) === pid || Number(stat[1]) === pid)) tree.push({ pid: Number(entry), stat });
  }
  return tree;
}

/** Resident memory of a process and its children, in MB. */
function rssOf(pid: number): number {
  let total = 0;
  for (const { pid: member } of processTree(pid)) {
    const match = /VmRSS:\s+(\d+) kB/.exec(readSafe(`/proc/${member}/status`) ?? "");
    if (match) total += Number(match[1]) / 1024;
  }
  return total;
}

/** CPU time of a process and its children so far, in seconds (user and system, 100 ticks a second). */
function cpuOf(pid: number): number {
  return processTree(pid).reduce((sum, { stat }) => sum + (Number(stat[11]) + Number(stat[12])) / 100, 0);
}
function readSafe(file: string) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
function readdirSafe(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

type Measured = LoadResult & { rss: number; busy: number };

/** One load run on core 1 against a server on core 0, with the server's peak memory. */
async function measure(options: LoadOptions, serverPid?: number): Promise<Measured> {
  const [command, args] = onCore(1, process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/lib/load.ts"), JSON.stringify(options)]);
  let peak = 0;
  const sampler = serverPid ? setInterval(() => (peak = Math.max(peak, rssOf(serverPid))), 250) : undefined;
  const cpuBefore = serverPid ? cpuOf(serverPid) : 0;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`load run failed (exit ${code})`))));
  });
  if (sampler) clearInterval(sampler);
  // The server's share of its core while loaded: under 100% in a closed loop means the load
  // generator, not the server, set the pace.
  const busy = serverPid ? (cpuOf(serverPid) - cpuBefore) / options.seconds : NaN;
  return { ...(JSON.parse(output.trim().split("\n").at(-1)!) as LoadResult), rss: Math.round(peak), busy };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const busy = (result: Measured) => (Number.isFinite(result.busy) ? `${Math.round(result.busy * 100)}%` : "–");
/** What the server would answer with its core fully busy, from what it answered and how busy it was. */
const perCore = (result: Measured) => (result.busy > 0 ? Math.round(result.perSecond / result.busy) : "–");
const row = (cells: (string | number)[]) => say(`| ${cells.join(" | ")} |`);

/** A database of `count` synthetic organisations on the bench server, made once and kept. */
async function benchDatabase(serverUrl: string, name: string, count: number): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const marker = `prova bench: ${count} organisations`;
  const [existing] = await pgQuery<{ comment: string | null }>(serverUrl, "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name]);
  if (existing?.comment !== marker) {
    console.log(`Generating the ${name} database (${count.toLocaleString("en-GB")} organisations, once)…`);
    await pgQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await pgQuery(serverUrl, `CREATE DATABASE "${name}"`);
    await generateDemo({ url: url.toString(), count });
    await pgQuery(serverUrl, `COMMENT ON DATABASE "${name}" IS '${marker}'`);
  }
  // Migrations added since, the original directory and the demo accounts (idempotent).
  await run("npm", ["run", "--silent", "db:seed", "--", "--demo"], { ...process.env, DATABASE_URL: url.toString() });
  await pgQuery(url.toString(), "VACUUM ANALYZE");
  return url.toString();
}

async function signIn(server: Server, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new LaunchError("Signing in the demo admin failed.");
  return session.split(";")[0];
}

async function pageSection(database: string): Promise<BenchFigures["page"]> {
  const server = await startServer({ DATABASE_URL: database });
  // Every process this section starts is stopped on the way out, whatever fails.
  const stops: (() => unknown)[] = [() => server.stop()];
  try {
    const pagePath = "/en/organisations/allo-tolerance";
    await fetch(server.url + pagePath);
    const cached = await fetch(server.url + pagePath);
    if (cached.headers.get("x-nextjs-cache") !== "HIT") throw new LaunchError(`${pagePath} is not served from the ISR cache.`);
    const html = Buffer.from(await cached.arrayBuffer());
    if (!(await fetch(server.url + pagePath)).headers.has("age")) throw new LaunchError(`${pagePath} is not answered by the front cache (server.js).`);

    // The ceiling: the same bytes from memory, with node:http and nothing else, on the same core.
    const port = await freePort();
    const [command, args] = onCore(0, process.execPath, [
      "-e",
      `const body = require("fs").readFileSync(process.argv[1]);
       require("http").createServer((req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length }); res.end(body); }).listen(+process.argv[2], "127.0.0.1");`,
      await writeTemp(html),
      String(port),
    ]);
    const ceiling = spawn(command, args, { stdio: "ignore" });
    stops.push(() => ceiling.kill());
    await waitFor(`http://127.0.0.1:${port}/`, ceiling, () => "");

    // Forced to render per request: draft mode (Next's preview cookie) bypasses the ISR cache.
    const manifest = JSON.parse(await readFile(path.join(projectRoot, distDir, "prerender-manifest.json"), "utf8")) as { preview: { previewModeId: string } };
    const bypass = { cookie: `__prerender_bypass=${manifest.preview.previewModeId}` };
    const rendered = await fetch(server.url + pagePath, { headers: bypass });
    // (Next still labels the response HIT; draft mode shows in its private Cache-Control.)
    if (!rendered.headers.get("cache-control")?.startsWith("private")) throw new LaunchError("The draft-mode cookie did not bypass the cache.");

    // The front cache stands aside for a request asking for a fresh answer; Next still answers it
    // from its ISR cache: the hit through Next's whole pipeline, as `next start` serves it.
    const throughNext = { "cache-control": "no-cache" };
    const pipelineHit = await fetch(server.url + pagePath, { headers: throughNext });
    if (pipelineHit.headers.has("age") || pipelineHit.headers.get("x-nextjs-cache") !== "HIT") throw new LaunchError("A no-cache request was not a hit through Next's pipeline.");

    const targets: [string, string, Record<string, string> | undefined, number | undefined][] = [
      ["static ceiling (node:http, same bytes)", `http://127.0.0.1:${port}${pagePath}`, undefined, ceiling.pid],
      ["this app, ISR cache hit (front cache)", server.url + pagePath, undefined, server.process.pid],
      ["the same hit through Next's pipeline (front cache bypassed)", server.url + pagePath, throughNext, server.process.pid],
      ["Next, rendered per request", server.url + pagePath, bypass, server.process.pid],
    ];
    say(`### Cached organisation page (\`${pagePath}\`, ${html.length.toLocaleString("en-GB")} bytes of HTML)`);
    say();
    row(["target", "model", "req/s", "p50 ms", "p99 ms", "server core busy", "req/s per busy core", "server RSS MB", "errors"]);
    row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]);
    const closed: Record<string, number> = {};
    const perBusyCore: Record<string, number> = {};
    let cachedRss = 0;
    await measure({ url: server.url + pagePath, connections: 32, seconds }); // warm-up (see the rounds below)
    for (const [name, url, headers, pid] of targets) {
      const result = await measure({ url, connections: 32, seconds, headers }, pid);
      closed[name] = result.perSecond;
      perBusyCore[name] = result.perSecond / result.busy;
      if (pid === server.process.pid) peakRss = Math.max(peakRss, result.rss);
      if (name === targets[1][0]) cachedRss = result.rss;
      row([name, "closed, 32 connections", Math.round(result.perSecond), ms(result.p50), ms(result.p99), busy(result), perCore(result), result.rss, result.errors + result.non2xx]);
      const rate = Math.max(10, Math.round(result.perSecond / 2));
      const open = await measure({ url, connections: 200, seconds, headers, rate }, pid);
      const behind = (open.sendLag ?? 0) > 10 ? ` (the generator sent ${ms(open.sendLag!)} ms late at p95: the latencies are its backlog)` : "";
      row([name, `open, ${rate} req/s${behind}`, Math.round(open.perSecond), ms(open.p50), ms(open.p99), busy(open), perCore(open), open.rss, open.errors + open.non2xx]);
      if (pid === server.process.pid) peakRss = Math.max(peakRss, open.rss);
    }
    // One run of each is not enough for the ratio: the same build measured 592 and 1,018 req/s in
    // two runs a minute apart on this machine. Alternating short runs, paired, cancel what drifts
    // between them; the median round is the figure. Nor is one process: two processes of the same
    // build, side by side on one core under the same load, differ by up to 18% for their whole
    // life (docs/benchmarks.md). Each round starts its own server (same build and data: it renders
    // the page once, then serves it from its own cache), warms it, and measures it next to the ceiling
    // and to the long-running server above (which has also rendered pages per request), so that
    // both figures are on the record. The stock app's server runs through all rounds too, as the
    // measure of what Next itself reaches against the same ceiling (docs/benchmarks.md).
    const ceilingUrl = targets[0][1];
    await ensureStockBuild(html.length);
    const stock = await startServer({ NEXT_DIST_DIR: ".next" }, stockDirectory);
    stops.push(() => stock.stop());
    // A build older than the page's revalidate time (an hour) answers STALE first and regenerates.
    let stockPage = await fetch(`${stock.url}/`);
    for (let tries = 0; tries < 20 && stockPage.headers.get("x-nextjs-cache") !== "HIT"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      stockPage = await fetch(`${stock.url}/`);
    }
    const stockBytes = (await stockPage.arrayBuffer()).byteLength;
    if (stockPage.headers.get("x-nextjs-cache") !== "HIT") throw new LaunchError("The stock app's page is not served from its ISR cache.");
    await measure({ url: `${stock.url}/`, connections: 32, seconds });
    type Ratios = { fresh: number; longRunning: number; stock: number };
    // Two ratios per round: of requests per second, and of requests per second of the server's
    // CPU (req/s ÷ its core's busy share), which is what a server can do when the load generator
    // cannot keep it busy: where a server answers in tens of microseconds, one generator on one
    // core is the bottleneck (the ceiling's core then 50–80% busy on this machine).
    const rounds: { raw: Ratios; cpu: Ratios }[] = [];
    const ceilingBusy: number[] = [];
    for (let round = 0; round < 5; round++) {
      const fresh = await startServer({ DATABASE_URL: database });
      try {
        const freshUrl = fresh.url + pagePath;
        // A process serves only what it rendered itself (lib/local-cache-handler.js): its first
        // request renders the page, and from then on it is a hit (asked past the front cache).
        await fetch(freshUrl);
        if ((await fetch(freshUrl, { headers: throughNext })).headers.get("x-nextjs-cache") !== "HIT") throw new LaunchError(`${pagePath} is not a cache hit on a new server.`);
        // Warmed as long as a measured run: on some machines a new server takes ~10 s of load to
        // reach its steady rate (721, 1,225, then ~1,750 req/s in successive 5 s runs).
        await measure({ url: freshUrl, connections: 32, seconds });
        const short = (url: string, pid?: number) => measure({ url, connections: 32, seconds: Math.max(5, seconds / 2) }, pid);
        const top = await short(ceilingUrl, ceiling.pid);
        ceilingBusy.push(top.busy);
        const freshHits = await short(freshUrl, fresh.process.pid);
        const longRunning = await short(targets[1][1], server.process.pid);
        const stockHits = await short(`${stock.url}/`, stock.process.pid);
        const ratios = (of: (result: Measured) => number) => ({
          fresh: of(freshHits) / of(top),
          longRunning: of(longRunning) / of(top),
          stock: of(stockHits) / of(top),
        });
        rounds.push({ raw: ratios((result) => result.perSecond), cpu: ratios((result) => result.perSecond / result.busy) });
      } finally {
        await fresh.stop();
      }
    }
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const list = (values: number[]) => `${percent(median(values))} (${values.map(percent).join(", ")})`;
    const cpu = (key: keyof Ratios) => rounds.map((round) => round.cpu[key]);
    const raw = (key: keyof Ratios) => rounds.map((round) => round.raw[key]);
    say();
    say(
      `ISR hit throughput per second of server CPU: **${percent(median(cpu("fresh")))}** of the static ceiling's, the median of five ` +
        `alternating rounds, each on a new warmed server process (${cpu("fresh").map(percent).join(", ")}); the long-running server ` +
        `${list(cpu("longRunning"))}; stock \`next start\` (below) ${list(cpu("stock"))}; goal ≥ 10%. In requests per second, as the ` +
        `load generator could drive them: ${list(raw("fresh"))}, the long-running server ${list(raw("longRunning"))}; the table's single ` +
        `runs: ${percent(closed["this app, ISR cache hit (front cache)"] / closed["static ceiling (node:http, same bytes)"])}.`,
    );
    say();
    say(
      `What \`next start\` itself reaches here: a minimal stock app's ISR page (${stockBytes.toLocaleString("en-GB")} bytes), in the same rounds, ` +
        `${list(raw("stock"))} of the ceiling in requests per second; this app's new servers serve ` +
        `${list(rounds.map((round) => round.raw.fresh / round.raw.stock))} of its requests per second. The ceiling server's core was ${percent(median(ceilingBusy))} busy ` +
        `(median of the rounds): under 100%, the load generator (one core, Node ${process.versions.node}) set the ceiling's pace, not the server.`,
    );

    // First render of pages nobody asked for yet (a cache miss each).
    const slugs = await pgQuery<{ slug: string }>(database, `SELECT slug FROM "Organisation" WHERE status = 'published' ORDER BY random() LIMIT 100`);
    const firstRenders: number[] = [];
    for (const { slug } of slugs) {
      const started = performance.now();
      const response = await fetch(`${server.url}/en/organisations/${slug}`);
      await response.arrayBuffer();
      firstRenders.push(performance.now() - started);
    }
    firstRenders.sort((a, b) => a - b);
    const firstRender = {
      pages: firstRenders.length,
      p50: firstRenders[Math.floor(firstRenders.length / 2)],
      p95: firstRenders[Math.floor(firstRenders.length * 0.95)],
      max: firstRenders.at(-1)!,
    };
    say();
    say(
      `First render of an organisation page (${firstRender.pages} pages never asked for, one after another): p50 ${ms(firstRender.p50)} ms, ` +
        `p95 ${ms(firstRender.p95)} ms, max ${ms(firstRender.max)} ms (goal ≤ 100 ms).`,
    );
    say();
    return {
      rounds: rounds.map((round) => round.cpu),
      perBusyCore: {
        ceiling: perBusyCore[targets[0][0]],
        frontCache: perBusyCore[targets[1][0]],
        throughNext: perBusyCore[targets[2][0]],
        rendered: perBusyCore[targets[3][0]],
      },
      cachedRss,
      firstRender,
    };
  } finally {
    await Promise.all(stops.map((stop) => stop()));
  }
}

let tempCount = 0;
async function writeTemp(bytes: Buffer) {
  const file = path.join(os.tmpdir(), `prova-bench-${process.pid}-${tempCount++}`);
  await writeFile(file, bytes);
  return file;
}

const searchPaths = [
  "/en/search?q=tolerance",
  "/en/search?q=allo+tolerance",
  "/en/search?q=tolerence",
  "/en/search?q=cuta",
  "/en/search?q=prevention",
  "/en/search?q=radicalisation+extremism",
  "/en/search?q=d%C3%A9mocratie",
  "/en/search?q=xqzwv+plorkt",
  "/en/search?q=prevention&country=fr",
  "/en/search?country=be",
  "/en/search?country=de&kind=ngo",
  "/en/search?q=prevention&page=4",
];

/**
 * Each path asked for a few times before a measured run: the first request to a route loads its
 * code and warms the connection pool (700 ms once), which would otherwise be a run's p99.
 * First renders are measured on their own (pageSection).
 */
async function warm(server: Server, paths: string[], headers: Record<string, string> = {}) {
  for (let round = 0; round < 3; round++) {
    for (const path of paths) await fetch(server.url + path, { headers }).then((response) => response.arrayBuffer());
  }
}

type EndpointRow = { size: string; path: string; connections: number; perSecond: number; p50: number; p95: number };

async function endpointSection(label: string, databases: Record<string, string>): Promise<EndpointRow[]> {
  const measured: EndpointRow[] = [];
  say(`### ${label}`);
  say();
  row(["data", "endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "server RSS MB", "errors"]);
  row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"]);
  for (const [size, database] of Object.entries(databases)) {
    const server = await startServer({ DATABASE_URL: database });
    try {
      const cookie = await signIn(server, "admin@prova.test", "prova-demo-admin");
      const paths = ["/admin/organisations", "/admin/organisations?country=de&kind=NGO", "/admin/organisations?q=exit", "/admin/organisations?sort=updated", "/admin/contacts"];
      await warm(server, paths, { cookie });
      for (const path of paths) {
        const result = await measure({ url: server.url, paths: [path], connections: 1, seconds: Math.max(3, seconds / 2), headers: { cookie } }, server.process.pid);
        row([size, `\`${path}\` (signed in, 1 connection)`, Math.round(result.perSecond), ms(result.p50), ms(result.p95), ms(result.p99), result.rss, result.errors + result.non2xx]);
        measured.push({ size, path, connections: 1, perSecond: result.perSecond, p50: result.p50, p95: result.p95 });
        peakRss = Math.max(peakRss, result.rss);
      }
    } finally {
      await server.stop();
    }
  }
  say();
  return measured;
}

/**
 * A server for the search runs: it trusts one proxy hop, so that the load generator can be many
 * clients (an X-Forwarded-For per request) or two (one each), as the per-client limit of search
 * (lib/security/search-limit.js) sees them; with the probe, which reads the result cache's counts.
 */
async function searchServer(database: string, env: Record<string, string> = {}) {
  const probePort = await freePort();
  const server = await startServer({ DATABASE_URL: database, TRUSTED_PROXY_HOPS: "1", BENCH_PROBE_PORT: String(probePort), ...env }, projectRoot, [
    "--import",
    pathToFileURL(path.join(projectRoot, "scripts/lib/bench-probe.js")).href,
  ]);
  const counts = async () => (await fetch(`http://127.0.0.1:${probePort}/`).then((response) => response.json())) as Record<"results" | "pages", Counts | null>;
  return { ...server, counts };
}

type Counts = { hits: number; misses: number; uncached: number };

/**
 * A load run against a search server, with the share of its requests the page cache answered
 * (lib/search-pages.js, when server.js has it) and, of the searches that reached the page, the
 * share the results cache answered.
 */
async function searchRun(server: Awaited<ReturnType<typeof searchServer>>, options: Omit<LoadOptions, "url">) {
  const before = await server.counts();
  const result = await measure({ url: server.url, ...options }, server.process.pid);
  const after = await server.counts();
  const share = (which: "results" | "pages") => {
    const [a, b] = [after[which], before[which]];
    if (!a || !b) return null;
    const looked = a.hits + a.misses + a.uncached - (b.hits + b.misses + b.uncached);
    return looked > 0 ? (a.hits - b.hits) / looked : null;
  };
  peakRss = Math.max(peakRss, result.rss);
  return { ...result, pageHitRate: share("pages"), hitRate: share("results") };
}

const percentOf = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)}%`);

async function searchSection(databases: Record<string, string>): Promise<Omit<BenchFigures["search"], "statements">> {
  const endpoint: BenchFigures["search"]["endpoint"] = [];
  let uncached: BenchFigures["search"]["uncached"] = null;
  let greedy: BenchFigures["search"]["greedy"] = null;
  say("### Search page (`/en/search`, server-rendered per request)");
  say();
  say(
    `The ${searchPaths.length} queries in turn, every request from a client address of its own (so no client meets the per-client limit). ` +
      "Page cache: the share of requests answered from the kept pages (lib/search-pages.js; – when server.js does not have it); " +
      "results cache: the share of the searches that reached the page answered from kept results.",
  );
  say();
  row(["data", "endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "page cache", "results cache", "server RSS MB", "errors"]);
  row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]);
  const line = (size: string, label: string, result: Awaited<ReturnType<typeof searchRun>>) =>
    row([size, label, Math.round(result.perSecond), ms(result.p50), ms(result.p95), ms(result.p99), percentOf(result.pageHitRate), percentOf(result.hitRate), result.rss, result.errors + result.non2xx]);
  for (const [size, database] of Object.entries(databases)) {
    const server = await searchServer(database);
    try {
      await warm(server, searchPaths);
      for (const connections of [1, 8]) {
        const result = await searchRun(server, { paths: searchPaths, connections, seconds, distinctClients: true });
        line(size, `/en/search, ${connections} connection${connections > 1 ? "s" : ""}`, result);
        endpoint.push({ size, connections, perSecond: result.perSecond, p50: result.p50, p95: result.p95, hitRate: result.hitRate, pageHitRate: result.pageHitRate });
      }
    } finally {
      await server.stop();
    }
    if (size !== "1M") continue;
    // Every search rendered and computed: pages asked for afresh (Cache-Control: no-cache, which
    // the page cache leaves to Next), the results cache replaced by one that keeps nothing.
    const bare = await searchServer(database, { BENCH_SEARCH_CACHE: "off" });
    try {
      const fresh = { "cache-control": "no-cache" };
      await warm(bare, searchPaths, fresh);
      const result = await searchRun(bare, { paths: searchPaths, connections: 8, seconds, distinctClients: true, headers: fresh });
      line(size, "/en/search, 8 connections, caches off (every search rendered and computed)", result);
      uncached = { perSecond: result.perSecond, p50: result.p50, p95: result.p95 };
    } finally {
      await bare.stop();
    }
    // One greedy client (one address, 50 connections) and, at the same time, everyone else: one
    // connection whose searches each come from an address of its own (a client of its own that
    // stays within the limit, as a person searching does). Every search on both sides is
    // rendered (Cache-Control: no-cache, as a crawler's distinct queries would be): what the
    // limit alone holds.
    const shared = await searchServer(database);
    try {
      const fresh = { "cache-control": "no-cache" };
      await warm(shared, searchPaths, fresh);
      const [hog, other] = await Promise.all([
        searchRun(shared, { paths: searchPaths, connections: 50, seconds, headers: { ...fresh, "x-forwarded-for": "198.51.100.1" } }),
        searchRun(shared, { paths: searchPaths, connections: 1, seconds, distinctClients: true, headers: fresh }),
      ]);
      const statuses = (result: LoadResult) =>
        Object.entries(result.statuses)
          .map(([status, count]) => `${count.toLocaleString("en-GB")} × ${status}`)
          .join(", ");
      row([size, `greedy client, 50 connections (${statuses(hog)})`, Math.round(hog.perSecond), ms(hog.p50), ms(hog.p95), ms(hog.p99), "–", "–", hog.rss, hog.errors]);
      row([size, `the other clients at the same time, 1 connection (${statuses(other)})`, Math.round(other.perSecond), ms(other.p50), ms(other.p95), ms(other.p99), "–", "–", other.rss, other.errors + other.non2xx]);
      greedy = {
        other: { perSecond: other.perSecond, p50: other.p50, p95: other.p95, refused: other.statuses["429"] ?? 0 },
        hog: { served: hog.statuses["200"] ?? 0, refused: hog.statuses["429"] ?? 0, perSecond: hog.perSecond },
      };
    } finally {
      await shared.stop();
    }
  }
  say();
  say(
    "The greedy client and the others: every search rendered (Cache-Control: no-cache). Load generators share core 1: beside the greedy " +
      "client's 50 connections, the others' times include their own generator's waits.",
  );
  say();
  return { endpoint, uncached, greedy };
}

async function searchStatementsSection(databases: Record<string, string>): Promise<BenchFigures["search"]["statements"]> {
  const statements: BenchFigures["search"]["statements"] = [];
  for (const [size, database] of Object.entries(databases)) {
    say(`### Search statements in PostgreSQL, ${size} (\`npm run search:plans\`, 60 runs, ms)`);
    say();
    const output = await capture("npm", ["run", "--silent", "search:plans", "--", "--database", database, "--runs", "60"]);
    for (const line of output.split("\n").filter((line) => line.startsWith("|"))) say(line);
    statements.push(...statementTimes(output, size));
    say();
  }
  return statements;
}

function capture(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code})`))));
  });
}

/** The read-while-writing section's readers, in a process of their own (not pinned: each instance has a core). */
async function runReaders(options: ReadersOptions): Promise<ReadersResult> {
  const output = await capture(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/lib/read-write-load.ts"), JSON.stringify(options)]);
  return JSON.parse(output.trim().split("\n").at(-1)!) as ReadersResult;
}

async function redisSection(database: string): Promise<BenchFigures["redis"]> {
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const { Redis } = await import("ioredis");
  const probe = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  const reachable = await probe.connect().then(() => true, () => false);
  probe.disconnect();
  say("### From a change on instance A to a fresh page on instance B (Redis)");
  say();
  if (!reachable) {
    say(`Not measured: no Redis at ${redisUrl} (set REDIS_URL).`);
    say();
    return { skipped: `no Redis at ${redisUrl}` };
  }
  const prefix = `prova-bench-${process.pid}`;
  const env = { DATABASE_URL: database, REDIS_URL: redisUrl, CACHE_KEY_PREFIX: prefix };
  const [a, b] = await Promise.all([startServer(env), startServer(env)]);
  let result: BenchFigures["redis"] | undefined;
  try {
    const pagePath = "/en/organisations/allo-tolerance";
    const [{ id, description }] = await pgQuery<{ id: string; description: string }>(database, `SELECT id, description FROM "Organisation" WHERE slug = 'allo-tolerance'`);
    const times: number[] = [];
    let firstRequest = 0;
    for (let i = 0; i < 20; i++) {
      await fetch(b.url + pagePath).then((response) => response.arrayBuffer());
      // Past the 5 s in which a fresh entry is not trusted, so B serves from the cache again.
      await new Promise((resolve) => setTimeout(resolve, i === 0 ? 0 : 5_200));
      await fetch(b.url + pagePath).then((response) => response.arrayBuffer());
      const marker = `bench-${Date.now()}-${i}`;
      await pgQuery(database, `UPDATE "Organisation" SET description = $1, "updatedAt" = now() WHERE id = $2`, [`${description}\n\n${marker}`, id]);
      const started = performance.now();
      // What an approval does after its commit: revalidatePublic on the instance that handled it.
      const answer = await fetch(`${a.url}/api/revalidate`, {
        method: "POST",
        headers: { authorization: `Bearer ${revalidateToken(secret)}`, "content-type": "application/json" },
        body: JSON.stringify({ tags: [`organisation:${id}`] }),
      });
      if (!answer.ok) throw new LaunchError(`Revalidation on A failed: ${answer.status}`);
      for (let request = 1; ; request++) {
        const html = await fetch(b.url + pagePath).then((response) => response.text());
        if (html.includes(marker)) {
          if (request === 1) firstRequest++;
          break;
        }
      }
      times.push(performance.now() - started);
    }
    await pgQuery(database, `UPDATE "Organisation" SET description = $1 WHERE id = $2`, [description, id]);
    times.sort((x, y) => x - y);
    result = { changes: times.length, p50: times[Math.floor(times.length / 2)], max: times.at(-1)!, firstRequest };
    say(
      `20 changes, each: the row updated, revalidation posted to A (what an approval does after its commit), then requests to B until one shows it. ` +
        `From the revalidation request to B's fresh page: p50 ${ms(times[10])} ms, max ${ms(times.at(-1)!)} ms (goal ≤ 1,000 ms); ` +
        `B's first request after A answered already had it ${firstRequest} times out of 20.`,
    );
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    const { Redis } = await import("ioredis");
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
  say();
  return result!;
}

const sharedBuffers = `${Math.max(1, Math.floor(os.totalmem() / 2 ** 30 / 4))}GB`;

await main(async () => {
  const started = new Date();
  const cluster = await startEmbedded({
    directory: path.join(dataDir(), "bench", "postgres"),
    database: "postgres",
    // A quarter of the machine's memory, the usual production setting (5 GB here), and more than four
    // times the 1.1 GB organisation table: below that PostgreSQL reads a sequential scan of the
    // table through a 256 kB ring of buffers, so the pages a search for common words scans are
    // read again from the OS cache every time (docs/performance.md).
    settings: { shared_buffers: sharedBuffers, effective_cache_size: "12GB", maintenance_work_mem: "512MB", max_wal_size: "4GB" },
  });
  const date = `${started.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  let machine = "";
  const figures: Partial<BenchFigures> = {};
  let readWrite: ReadWriteFigures | undefined;
  let links: LinksFigures | undefined;
  let imports: ImportFigures | undefined;
  try {
    const databases = {
      "100k": await benchDatabase(cluster.url, "bench_100k", 100_000),
      "1M": await benchDatabase(cluster.url, "bench_1m", 1_000_000),
    };
    // The link and import sections run without the app's server.
    if ([...only].some((section) => section !== "links" && section !== "import")) {
      await ensureBuild(distDir, { ...process.env, DATABASE_URL: databases["1M"], NEXTAUTH_SECRET: secret, NODE_ENV: "production", REDIS_URL: "" });
    }
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    const [{ server_version: version }] = await pgQuery<{ server_version: string }>(cluster.url, "SHOW server_version");
    machine =
      `${cores} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, PostgreSQL ${version} (embedded, shared_buffers ${sharedBuffers}), ` +
      `${pinned ? "server on core 0, load generator on core 1" : "server and load generator not pinned"}, ${seconds} s per run`;
    say(`## ${date}`);
    say();
    say(`${machine}.`);
    say();
    if (only.has("page")) figures.page = await pageSection(databases["1M"]);
    if (only.has("search")) figures.search = { ...(await searchSection(databases)), statements: await searchStatementsSection(databases) };
    if (only.has("admin")) figures.admin = await endpointSection("Admin organisation and contact lists (`/admin/…`)", databases);
    if (only.has("redis")) figures.redis = await redisSection(databases["1M"]);
    // This app on one core, for the reading-while-writing and cold-render sections.
    const appOnCore = (env: Record<string, string>, core?: 0 | 1) => startServer(env, projectRoot, [], core);
    if (only.has("readwrite")) {
      readWrite = await readWriteSection({
        database: databases["1M"],
        redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
        secret,
        seconds: Math.max(30, seconds),
        say,
        startServer: appOnCore,
        runReaders,
      });
    }
    // The cold renders alone (a full run has them in readwrite's section).
    if (only.has("cold") && !only.has("readwrite")) await coldSection({ database: databases["1M"], say, startServer: appOnCore });
    if (only.has("links")) links = await linksSection({ database: databases["1M"], projectRoot, say });
    if (only.has("import")) imports = await importSection({ database: databases["1M"], projectRoot, say });
  } finally {
    await cluster.stop();
  }
  const reportFile = path.join(dataDir(), "bench", "report.md");
  await mkdir(path.dirname(reportFile), { recursive: true });
  await writeFile(reportFile, `${report.join("\n")}\n`);
  console.log(`\nThe whole report: ${path.relative(projectRoot, reportFile)}`);
  // The table is one run's: a partial run (--only) leaves the last full run's in place.
  const { page, search, admin, redis } = figures;
  if (!page || !search || !admin || !redis || !readWrite || !links || !imports) {
    console.log("A partial run (--only): docs/benchmarks.md left as it was.");
    return;
  }
  const file = path.join(projectRoot, "docs/benchmarks.md");
  const current = existsSync(file) ? await readFile(file, "utf8") : "# Benchmarks\n";
  const table = [resultsTable({ date, machine, page, search, admin, redis, peakRss }), ...readWriteRows(readWrite), ...linksRows(links), ...importRows(imports)].join("\n");
  await writeFile(file, replaceResults(current, table));
  console.log("Results table rewritten in docs/benchmarks.md");
});
