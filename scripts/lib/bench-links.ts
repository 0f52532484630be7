// The link checker and the job queue in the benchmark (npm run bench -- --only links): the time
// and memory to check 10,000 URLs on 500 hosts, served here on 500 loopback addresses, with the
// checker's politeness (one request at a time per host, a second between); and what the queue
// costs the database while a worker has nothing to do. Figures for docs/; never a test.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pgQuery } from "./pg-client";

export type LinksFigures = {
  urls: number;
  hosts: number;
  seconds: number;
  peakRssMb: number;
  verdicts: Record<string, number>;
  /** Transactions a minute in the database while an idle worker runs. */
  idleTransactionsPerMinute: number;
  idleSeconds: number;
};

const hosts = 500;
const perHost = 20;
const idleSeconds = 60;

/** The checker alone, in a process of its own: prints its time, peak memory and verdicts as JSON. */
async function checkInChild(projectRoot: string, urls: string[], allowedHosts: string[]) {
  const script = `
    import { checkMany } from "./lib/links/batch.ts";
    const input = JSON.parse(await new Response(process.stdin).text());
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const results = await checkMany(input.urls, { allowedHosts: input.allowedHosts, concurrency: 20, pauseMs: 1000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const verdicts = {};
    for (const result of results) verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
    console.log(JSON.stringify({ seconds, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, verdicts }));
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: projectRoot, stdio: ["pipe", "pipe", "inherit"] });
  child.stdin.end(JSON.stringify({ urls, allowedHosts }));
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`The link check failed (exit ${code})`);
  return JSON.parse(output.trim().split("\n").at(-1)!) as Pick<LinksFigures, "seconds" | "peakRssMb" | "verdicts">;
}

export async function linksSection({ database, projectRoot, say }: { database: string; projectRoot: string; say: (line?: string) => void }): Promise<LinksFigures> {
  say("### Link checks and the job queue");
  say();
  // 500 websites, each on a loopback address of its own (127.0.1.1 to 127.0.2.244), all answering 200.
  const addresses = Array.from({ length: hosts }, (_, i) => `127.0.${1 + Math.floor((i + 1) / 256)}.${(i + 1) % 256}`);
  const servers: Server[] = [];
  let port = 0;
  for (const address of addresses) {
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>"));
    server.listen(port, address);
    await once(server, "listening");
    port ||= (server.address() as { port: number }).port;
    servers.push(server);
  }
  let checked: Pick<LinksFigures, "seconds" | "peakRssMb" | "verdicts">;
  try {
    const urls = addresses.flatMap((address) => Array.from({ length: perHost }, (_, i) => `http://${address}:${port}/page-${i}`));
    checked = await checkInChild(projectRoot, urls, addresses);
  } finally {
    for (const server of servers) server.close();
  }
  say(
    `${(hosts * perHost).toLocaleString("en-GB")} URLs on ${hosts} hosts (loopback addresses, each answering at once), checked as a worker's jobs check them ` +
      `(twenty at once, one request at a time per host, a second between): ${checked.seconds.toFixed(1)} s, peak memory ${checked.peakRssMb.toFixed(0)} MB; ` +
      `verdicts ${JSON.stringify(checked.verdicts)}. The pause bounds it: ${perHost} URLs of a host take ${perHost - 1} s at least.`,
  );

  // A worker with nothing to do, alone on the database: its transactions a minute. Nothing for it
  // to do: no links due, no jobs left from the other sections (approvals send link checks).
  await pgQuery(database, `TRUNCATE "Link" CASCADE`);
  await pgQuery(database, `DO $$ BEGIN IF to_regclass('pgboss.job') IS NOT NULL THEN DELETE FROM pgboss.job; END IF; END $$`);
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts/worker.ts")], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: database, NEXTAUTH_SECRET: "bench-secret-that-is-at-least-32-characters-long" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let idleTransactionsPerMinute: number;
  try {
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("[worker] ready") && resolve());
      worker.once("exit", (code) => reject(new Error(`The worker stopped (exit ${code})`)));
    });
    // Past its start (queues created, schedules registered).
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const name = new URL(database).pathname.slice(1);
    const commits = async () => Number((await pgQuery<{ n: string }>(database, `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1`, [name]))[0].n);
    const before = await commits();
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    // The two reads of the counter are transactions of their own.
    idleTransactionsPerMinute = ((await commits()) - before - 1) * (60 / idleSeconds);
  } finally {
    worker.kill("SIGTERM");
    await once(worker, "exit").catch(() => {});
  }
  say(`An idle worker (no jobs, its schedules waiting) for ${idleSeconds} s: ${idleTransactionsPerMinute.toFixed(0)} transactions a minute in its database.`);
  say();
  return { urls: hosts * perHost, hosts, ...checked, idleTransactionsPerMinute, idleSeconds };
}

/** The results table's rows for this section (scripts/lib/bench-results.ts writes the rest). */
export function linksRows(links: LinksFigures): string[] {
  const rows: [string, string, string][] = [
    [
      `checking ${links.urls.toLocaleString("en-GB")} URLs on ${links.hosts} hosts (one request at a time per host, a second between, twenty at once)`,
      "–",
      `**${links.seconds.toFixed(1)} s**, peak memory ${links.peakRssMb.toFixed(0)} MB`,
    ],
    ["the job queue's cost on the database with an idle worker", "–", `${links.idleTransactionsPerMinute.toFixed(0)} transactions a minute`],
  ];
  return rows.map((cells) => `| ${cells.join(" | ")} |`);
}
