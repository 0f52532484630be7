// The link jobs on the real PostgreSQL, with a worker of the test's own and websites served here:
// checks sent with a change commit or roll back with it; due links are dispatched a host per job,
// and a host never gets two requests at once; a website's public note going away refreshes its page.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { pgQuery } from "@/scripts/lib/pg-client";
import { fastBoss, revalidationRecorder, until } from "./fixtures/test-queues";

const run = crypto.randomUUID().slice(0, 8);
const schema = `pgboss_links_${run}`;
const url = process.env.DATABASE_URL!;

let db: Db;
let jobs: typeof import("./index");
let links: typeof import("./links");

/** The websites: /gone answers 404, the rest 200 after 50 ms; how many requests were in flight at most. */
let inFlight = 0;
let mostInFlight = 0;
const site: Server = createServer((req, res) => {
  inFlight++;
  mostInFlight = Math.max(mostInFlight, inFlight);
  setTimeout(() => {
    inFlight--;
    res.writeHead(req.url?.startsWith("/gone") ? 404 : 200).end();
  }, 50);
});
let origin = "";
/** The app, as the worker sees it: the revalidations it is sent. */
let app: Awaited<ReturnType<typeof revalidationRecorder>>;
let revalidations: string[][];


const verdicts = async (urls: string[]) =>
  Object.fromEntries((await db.link.findMany({ where: { url: { in: urls } }, select: { url: true, verdict: true } })).map((link) => [link.url, link.verdict]));

beforeAll(async () => {
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  app = await revalidationRecorder();
  revalidations = app.revalidations;
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // Read once, by the first module that asks: set before the app's modules load.
  process.env.LINK_CHECK_ALLOWED_HOSTS = "127.0.0.1";
  process.env.APP_URL = app.url;
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-that-is-at-least-32-characters";
  ({ db } = await import("@/lib/db"));
  jobs = await import("./index");
  links = await import("./links");
  await jobs.startWorkers({ schema, boss: fastBoss, pollSeconds: 0.5, queueSettings: { retryLimit: 0 } });
});

afterAll(async () => {
  await jobs.stopJobs(1_000);
  await pgQuery(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.organisation.deleteMany({ where: { slug: { startsWith: `links-job-${run}` } } });
  await db.link.deleteMany({ where: { url: { startsWith: origin } } });
  await db.$disconnect();
  site.close();
  app.close();
});

describe("link jobs", () => {
  it("a check sent in a change's transaction exists only if the change commits, and then records its verdict", async () => {
    const [kept, gone, dropped] = [`${origin}/kept-${run}`, `${origin}/gone-${run}`, `${origin}/dropped-${run}`];
    await expect(
      db.$transaction(async (tx) => {
        await links.checkNewLinks([dropped], { tx });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    await db.$transaction((tx) => links.checkNewLinks([kept, gone, "mailto:x@example.org"], { tx }));
    expect(await until("the verdicts", () => verdicts([kept, gone]), (found) => Boolean(found[kept] && found[gone]))).toEqual({ [kept]: "OK", [gone]: "BROKEN" });
    expect(await db.link.count({ where: { url: dropped } })).toBe(0);
    const sent = await pgQuery<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${schema}".job WHERE name = 'link-check' AND data::text LIKE $1`, [`%dropped-${run}%`]);
    expect(sent[0].n).toBe(0);
    // Known already: not sent again.
    await db.$transaction((tx) => links.checkNewLinks([kept], { tx }));
    const again = await pgQuery<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${schema}".job WHERE name = 'link-check' AND data::text LIKE $1`, [`%kept-${run}%`]);
    expect(again[0].n).toBe(1);
  });

  it("the dispatch sends due links a host per job, and a host never gets two requests at once", async () => {
    const due = Array.from({ length: 21 }, (_, i) => `${origin}/due-${run}-${i}`);
    await db.link.createMany({ data: due.map((each) => ({ url: each, host: "127.0.0.1" })) });
    mostInFlight = 0;
    await jobs.enqueue("links-dispatch", { format: 1 });
    // 21 URLs of one host: two jobs (20 and 1), run one after the other, a second between checks.
    const found = await until("every verdict", () => verdicts(due), (verdictsFound) => Object.keys(verdictsFound).filter((key) => verdictsFound[key]).length === due.length, 60_000);
    expect(new Set(Object.values(found))).toEqual(new Set(["OK"]));
    expect(mostInFlight).toBe(1);
    const checkJobs = await pgQuery<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${schema}".job WHERE name = 'link-check' AND singleton_key = '127.0.0.1' AND data::text LIKE $1`, [`%due-${run}%`]);
    expect(checkJobs[0].n).toBe(2);
    // Not due again for a week.
    const next = await db.link.findUniqueOrThrow({ where: { url: due[0] }, select: { nextCheckAt: true } });
    expect(next.nextCheckAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60_000);
  }, 90_000);

  it("a website broken for a week that answers again loses its public note: the worker refreshes its page", async () => {
    const website = `${origin}/back-${run}`;
    const organisation = await db.organisation.create({
      data: { slug: `links-job-${run}`, name: `Links Job ${run}`, kind: "NGO", website, countryCodes: ["BE"], countries: { create: [{ countryCode: "BE", position: 0 }] } },
      select: { id: true },
    });
    await db.link.create({ data: { url: website, host: "127.0.0.1", verdict: "BROKEN", verdictSince: new Date(Date.now() - 8 * 24 * 60 * 60_000), checkedAt: new Date(), status: 404 } });
    revalidations.length = 0;
    await jobs.enqueue("link-check", { format: 1, urls: [website] }, { singletonKey: "127.0.0.1" });
    await until("the refresh", async () => revalidations, (sent) => sent.length > 0);
    expect(revalidations).toEqual([[`organisation:${organisation.id}`]]);
    expect((await verdicts([website]))[website]).toBe("OK");
  });
});
