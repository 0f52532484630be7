// PostgreSQL stops under a steady load and comes back: the server never exits, cached public pages
// keep being served, everything else answers a generic 503 "temporarily unavailable" (no stack
// trace), and within 5 s of the database's return every request succeeds again. The database is a
// throwaway embedded cluster of this test's own, never the machine's shared server.
import { execFileSync, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./factories";
import { freePort, startEmbedded, type Database } from "../scripts/lib/database";
import { startInstance, type Instance } from "./instances";
import { freshAddress } from "./support";

test.describe.configure({ mode: "serial" });

let directory: string;
let port: number;
let cluster: Database;
let app: Instance;
const password = "outage-test-password";

const startCluster = async () => {
  cluster = await startEmbedded({ directory: path.join(directory, "cluster"), database: "prova", persistent: true, port, password });
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  directory = await mkdtemp(path.join(os.tmpdir(), "prova-outage-"));
  // As root the cluster runs as `postgres`, which must be able to enter the directory.
  await chmod(directory, 0o755);
  port = await freePort();
  await startCluster();
  const seeded = await new Promise<number>((resolve) =>
    spawn("npm", ["run", "--silent", "db:seed", "--", "--demo"], { env: { ...process.env, DATABASE_URL: cluster.url }, stdio: "ignore" }).on("exit", resolve),
  );
  expect(seeded).toBe(0);
  // Behind one proxy: each request names a client of its own, so that the load below is not one
  // greedy client to the search limit (lib/security/search-limit.js).
  app = await startInstance("outage", { DATABASE_URL: cluster.url, REDIS_URL: "", TRUSTED_PROXY_HOPS: "1" });
});

test.afterAll(async () => {
  await app?.stop();
  await cluster?.stop().catch(() => {});
  if (directory) await rm(directory, { recursive: true, force: true });
});

async function get(pathname: string) {
  const started = Date.now();
  const response = await fetch(app.url + pathname, { redirect: "manual", headers: { "x-forwarded-for": freshAddress() } });
  return { status: response.status, body: await response.text(), type: response.headers.get("content-type") ?? "", ms: Date.now() - started };
}

/** Pauses (SIGSTOP) or resumes (SIGCONT) every process of the cluster: a server that hangs, connections open. */
async function signalCluster(signal: "SIGSTOP" | "SIGCONT") {
  const postmaster = Number((await readFile(path.join(directory, "cluster", "postmaster.pid"), "utf8")).split("\n")[0]);
  const children = execFileSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  for (const pid of [postmaster, ...children]) process.kill(pid, signal);
}

// A search asked for a moment ago is kept for a short while (lib/search-pages.js); a new one needs the database.
const cached = ["/en", "/en/organisations/allo-tolerance", "/en/countries/be", "/en/search?q=tolerance"];
let searches = 0;
const newSearch = () => `/en/search?q=tolerance+${++searches}`;
const dynamic = ["/en/search?q=", "/login", "/api/v1/countries", "/api/v1/organisations?limit=5"];
/** The address asked for: a search with words nobody has asked for yet. */
const fresh = (pathname: string) => (pathname === "/en/search?q=" ? newSearch() : pathname);

test("the database stops and returns: cached pages keep coming, the rest is a clean 503, then everything answers again", async () => {
  test.setTimeout(120_000);
  for (const pathname of [...cached, ...dynamic]) {
    await get(pathname);
    expect((await get(pathname)).status, pathname).toBe(200);
  }

  await cluster.stop();
  const stopped = Date.now();
  const unavailableSince = new Map<string, number>();
  // A steady load for 8 s without the database.
  while (Date.now() - stopped < 8_000) {
    for (const pathname of cached) {
      const page = await get(pathname);
      expect(page.status, `${pathname} without the database`).toBe(200);
    }
    for (const pathname of dynamic) {
      const answer = await get(fresh(pathname));
      // Before the proxy's flag turns, a page that needs the database fails on its own (the
      // generic error page) and one that does not (the sign-in form) is still served.
      expect([200, 500, 503], pathname).toContain(answer.status);
      expect(answer.body, pathname).not.toMatch(/\bat .+\.js:\d+|PrismaClient|ECONNREFUSED|DriverAdapterError/);
      if (answer.status === 503) {
        if (!unavailableSince.has(pathname)) unavailableSince.set(pathname, Date.now() - stopped);
        if (pathname.startsWith("/api/")) expect(JSON.parse(answer.body).error.message).toMatch(/temporarily unavailable/);
        else expect(answer.body).toContain("Temporarily unavailable");
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(app.alive()).toBe(true);
  // Every dynamic path ended up with the 503 page, and soon: the flag is probed every 5 s while up.
  for (const pathname of dynamic) expect(unavailableSince.get(pathname), pathname).toBeLessThan(7_000);
  expect((await get(newSearch())).status).toBe(503);

  await startCluster();
  const restarted = Date.now();
  await expect.poll(async () => (await get(newSearch())).status, { timeout: 5_000, intervals: [100] }).toBe(200);
  const recovered = Date.now() - restarted;
  expect(recovered).toBeLessThan(5_000);
  // And then every request succeeds.
  for (let round = 0; round < 5; round++) {
    for (const pathname of [...cached, ...dynamic]) expect((await get(pathname)).status, pathname).toBe(200);
  }
  expect(app.alive()).toBe(true);
  test.info().annotations.push({ type: "recovery", description: `every request answered ${recovered} ms after the database returned` });
});

test("a database that hangs: no request waits more than 5 s, and dynamic pages and the API answer 503 within seconds", async () => {
  test.setTimeout(120_000);
  for (const pathname of [...cached, ...dynamic]) {
    await get(pathname);
    expect((await get(pathname)).status, pathname).toBe(200);
  }

  await signalCluster("SIGSTOP");
  const paused = Date.now();
  const unavailableSince = new Map<string, number>();
  try {
    // A steady load of four clients for 10 s while PostgreSQL hangs.
    const client = async () => {
      while (Date.now() - paused < 10_000) {
        for (const pathname of [...cached, ...dynamic]) {
          const answer = await get(fresh(pathname));
          expect(answer.ms, `${pathname} waited`).toBeLessThan(5_000);
          if (cached.includes(pathname)) expect(answer.status, `${pathname} while the database hangs`).toBe(200);
          else expect([200, 500, 503], pathname).toContain(answer.status);
          expect(answer.body, pathname).not.toMatch(/\bat .+\.js:\d+|PrismaClient|DriverAdapterError|timeout/i);
          if (answer.status === 503 && !unavailableSince.has(pathname)) unavailableSince.set(pathname, Date.now() - paused);
        }
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    expect(app.alive()).toBe(true);
    for (const pathname of dynamic) expect(unavailableSince.get(pathname), pathname).toBeLessThan(8_000);
    const answer = await get("/api/v1/organisations?limit=5");
    expect(answer.status).toBe(503);
    expect(answer.ms).toBeLessThan(1_000);
  } finally {
    await signalCluster("SIGCONT");
  }
  await expect.poll(async () => (await get(newSearch())).status, { timeout: 10_000, intervals: [100] }).toBe(200);
  for (const pathname of [...cached, ...dynamic]) expect((await get(pathname)).status, pathname).toBe(200);
  test.info().annotations.push({ type: "unavailable after", description: JSON.stringify(Object.fromEntries(unavailableSince)) });
});
