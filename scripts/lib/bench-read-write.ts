// The read-while-writing benchmark (npm run bench -- --only readwrite): two instances sharing Redis
// at a million organisations, read by 50 connections (organisation pages by a Zipf distribution,
// country pages, the home page) while a writer approves one change a second through the code the
// review page uses; then the same with every approval refreshing every public page, as the cache
// tags did before they were precise. And cold renders: an organisation page, and page 1,000 of the
// largest country (keyset). Figures for docs/benchmarks.md; never a test.
import { randomInt } from "node:crypto";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { tags as cacheTags, mostReadPages } from "../../lib/cache-tags";
import { revalidateToken } from "../../lib/security/keys";
import { pgQuery } from "./pg-client";
import type { ReadersOptions, ReadersResult } from "./read-write-load";

type Server = { url: string; stop(): Promise<void> };

export type ReadWriteDeps = {
  database: string;
  redisUrl: string;
  secret: string;
  seconds: number;
  say: (line?: string) => void;
  /** An instance of the app on one core. */
  startServer: (env: Record<string, string>, core?: 0 | 1) => Promise<Server>;
  /** Runs the readers in a process of their own (on the load generator's core). */
  runReaders: (options: ReadersOptions) => Promise<ReadersResult>;
};

export type ReadWriteRun = ReadersResult & {
  approvals: number;
  /** Entries written again into the shared cache (a page rendered again, on either instance), per approval. */
  reRenderedPerApproval: number;
  /** The same, by kind of page ("organisation", "country", "country from", "home", "other"). */
  reRenderedByKind: Record<string, number>;
  /** From the approval's commit to the new content on both instances, ms. */
  freshP50: number;
  freshMax: number;
  /** Redis memory of a cached organisation page (MEMORY USAGE, mean of a sample), bytes. */
  redisBytesPerPage: number;
};

export type ReadWriteFigures = {
  precise: ReadWriteRun;
  everything: ReadWriteRun;
  cold: { organisationP95: number; countryPageP95: number; country: string; countrySize: number };
};

const connections = 50;
/**
 * Reads per second, both instances together, on a fixed schedule (an open model), so that the
 * figures are latencies and not the length of a queue: 200 a second is about 17 million a day,
 * far past what a directory is read, while the two cores also render the first reads of the Zipf
 * tail (about 15% of the reads, each a render).
 */
const rate = 200;
const exponent = 1.1;
/** The most read pages rendered before the runs (about 85% of what the readers ask for). */
const warmed = 20_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => value.toFixed(1);

async function timed(url: string): Promise<{ time: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.text();
  return { time: performance.now() - started, status: response.status, body };
}

// A cache key's page without its language (/en/organisations/x is an organisation's page).
const kindOf = (key: string, page = key.replace(/^\/[a-z]{2}(?=\/|$)/, "") || "/") =>
  page === "/" || page === "/index" ? "home" : page.startsWith("/organisations/") ? "organisation" : /^\/countries\/[a-z]{2}$/.test(page) ? "country" : page.includes("/from/") ? "country from" : "other";

/**
 * Counts the pages written into the shared cache, by Redis keyspace notifications on the entries'
 * keys: every render of a page ends in one HSET of its entry. A page written a second time was
 * rendered again (its entry was invalidated).
 */
async function watchRenders(redisUrl: string, prefix: string) {
  const { Redis } = await import("ioredis");
  const admin = new Redis(redisUrl);
  const [, previous] = (await admin.config("GET", "notify-keyspace-events")) as [string, string];
  await admin.config("SET", "notify-keyspace-events", `${previous}Kh`);
  const subscriber = new Redis(redisUrl);
  const marker = ":entry:";
  const written = new Set<string>();
  let again: string[] = [];
  subscriber.on("pmessage", (_pattern: string, channel: string, event: string) => {
    if (event !== "hset") return;
    // A page's key ends in its path: `…:entry:/route-cache/APP_PAGE/<route>/$/organisations/x`.
    const key = channel.slice(channel.indexOf(marker) + marker.length);
    const at = key.indexOf("/$/");
    if (at < 0) return;
    const page = key.slice(at + 2);
    if (written.has(page)) again.push(page);
    else written.add(page);
  });
  await subscriber.psubscribe(`__keyspace@*__:${prefix}:*${marker}*`);
  return {
    /** The pages written again since the last call. */
    takeAgain() {
      const taken = again;
      again = [];
      return taken;
    },
    async stop() {
      await subscriber.quit();
      await admin.config("SET", "notify-keyspace-events", previous);
      await admin.quit();
    },
  };
}

export async function readWriteSection(deps: ReadWriteDeps): Promise<ReadWriteFigures> {
  const { database, say } = deps;
  say("### Reading while writing: two instances on Redis, 1M organisations");
  say();
  // The writer runs the approval code in this process, on the bench database.
  process.env.DATABASE_URL = database;
  const { applyChangeSet, getOrganisationDocument, saveDraft, submitChangeSet } = await import("../../lib/data/change-sets");
  const users = await pgQuery<{ id: string; email: string }>(database, `SELECT id, email FROM "User" WHERE email IN ('editor@prova.test', 'reviewer@prova.test')`);
  const editor = { id: users.find((user) => user.email === "editor@prova.test")!.id, role: "EDITOR" as const };
  const reviewer = { id: users.find((user) => user.email === "reviewer@prova.test")!.id, role: "REVIEWER" as const };

  // Popularity unrelated to the order of ids: a random ranking of every published organisation.
  const organisations = await pgQuery<{ id: string; slug: string }>(database, `SELECT id, slug FROM "Organisation" WHERE status = 'published' ORDER BY random()`);
  const slugsFile = path.join(os.tmpdir(), `prova-bench-slugs-${process.pid}.txt`);
  await writeFile(slugsFile, organisations.map((organisation) => organisation.slug).join("\n"));
  const countries = (await pgQuery<{ code: string }>(database, `SELECT DISTINCT "countryCode" AS code FROM "CountryListing"`)).map((row) => row.code.toLowerCase());
  const { zipf } = await import("./read-write-load");
  const pickRank = zipf(organisations.length, exponent);

  const prefix = `prova-bench-rw-${process.pid}`;
  const env = { DATABASE_URL: database, REDIS_URL: deps.redisUrl, CACHE_KEY_PREFIX: prefix };
  const [a, b] = await Promise.all([deps.startServer(env, 0), deps.startServer(env, 1)]);
  const renders = await watchRenders(deps.redisUrl, prefix);

  /** One run of the readers while the writer approves; `everything`: each approval refreshes every public page. */
  const run = async (label: string, everything: boolean): Promise<ReadWriteRun> => {
    renders.takeAgain();
    const readers = deps.runReaders({ bases: [a.url, b.url], slugsFile, countries, connections, rate, seconds: deps.seconds, exponent });
    const fresh: number[] = [];
    const end = performance.now() + deps.seconds * 1000 - 1000;
    for (let i = 0; performance.now() < end; i++) {
      const due = performance.now() + 1000;
      const organisation = organisations[pickRank()];
      const current = (await getOrganisationDocument(organisation.id))!.document;
      const marker = `bench-${process.pid}-${i}-${randomInt(1e9)}`;
      // Every other change is to what lists show (the first paragraph), the others further down.
      const [first, ...rest] = current.description.split(/\n\s*\n/);
      const description = i % 2 === 0 ? [`${first} (${marker})`, ...rest].join("\n\n") : [first, ...rest.slice(0, 2), marker].join("\n\n");
      const draft = await saveDraft(editor, { kind: "UPDATE", organisationId: organisation.id, document: { ...current, description }, note: "" });
      await submitChangeSet(editor, draft.id);
      const { tags } = await applyChangeSet(reviewer, draft.id, "all");
      const committed = performance.now();
      // What the review page's action does after its commit: revalidatePublic on its instance, which
      // then renders the most read of those pages again itself.
      const answer = await fetch(`${a.url}/api/revalidate`, {
        method: "POST",
        headers: { authorization: `Bearer ${revalidateToken(deps.secret)}`, "content-type": "application/json" },
        body: JSON.stringify({ tags: everything ? [...tags, cacheTags.public] : tags, pages: mostReadPages(tags, current.slug) }),
      });
      if (!answer.ok) throw new Error(`Revalidation failed: ${answer.status}`);
      for (const base of [a.url, b.url]) {
        const until = performance.now() + 10_000;
        while (!(await timed(`${base}/en/organisations/${current.slug}`)).body.includes(marker)) {
          if (performance.now() > until) throw new Error(`${base}/en/organisations/${current.slug} did not show the approved change within 10 s`);
        }
      }
      fresh.push(performance.now() - committed);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
    const result = await readers;
    const again = renders.takeAgain();
    const reRenderedByKind: Record<string, number> = {};
    for (const page of again) reRenderedByKind[kindOf(page)] = (reRenderedByKind[kindOf(page)] ?? 0) + 1 / Math.max(1, fresh.length);
    fresh.sort((x, y) => x - y);
    const { Redis } = await import("ioredis");
    const redis = new Redis(deps.redisUrl);
    const [, sample] = await redis.scan("0", "MATCH", `${prefix}:cache:*:entry:*/organisations/*`, "COUNT", 20_000);
    const sizes = await Promise.all(sample.slice(0, 200).map((key) => redis.memory("USAGE", key)));
    await redis.quit();
    const measured = sizes.filter((size): size is number => typeof size === "number");
    const outcome: ReadWriteRun = {
      ...result,
      approvals: fresh.length,
      reRenderedPerApproval: again.length / Math.max(1, fresh.length),
      reRenderedByKind,
      freshP50: percentile(fresh, 50),
      freshMax: fresh.at(-1)!,
      redisBytesPerPage: measured.length ? measured.reduce((total, size) => total + size, 0) / measured.length : NaN,
    };
    say(
      `- ${label}: ${outcome.requests.toLocaleString("en-GB")} reads, hit rate ${((100 * outcome.hits) / outcome.requests).toFixed(1)}% (${outcome.stale} of them the former answer while the new one rendered) ` +
        `(${((100 * outcome.repeatedHits) / Math.max(1, outcome.repeated)).toFixed(1)}% of reads of a page already read in the run), ` +
        `p50 ${ms(outcome.p50)} ms, p99 ${ms(outcome.p99)} ms (reads of a page already read: p50 ${ms(outcome.repeatedP50)} ms, p99 ${ms(outcome.repeatedP99)} ms), ` +
        `${outcome.errors} errors, ${outcome.late} late; ${outcome.approvals} approvals, ` +
        `${outcome.reRenderedPerApproval.toFixed(1)} pages rendered again per approval (${Object.entries(outcome.reRenderedByKind)
          .map(([kind, count]) => `${kind} ${count.toFixed(1)}`)
          .join(", ")}); ` +
        `approval to new content on both instances p50 ${ms(outcome.freshP50)} ms, max ${ms(outcome.freshMax)} ms; ` +
        `an organisation page in Redis: ${(outcome.redisBytesPerPage / 1024).toFixed(1)} KB (mean of ${measured.length}).`,
    );
    return outcome;
  };

  say(
    `${rate} reads a second on a fixed schedule over at most ${connections} connections for ${deps.seconds} s, alternating between the instances: organisation pages by Zipf (s = ${exponent}) over ` +
      `${organisations.length.toLocaleString("en-GB")} (90%), a country's first page (8%), the home page (2%); the ${warmed.toLocaleString("en-GB")} most read pages rendered first; instance A on one core, B on the other. ` +
      `A writer approves a change to a Zipf-chosen organisation every second through lib/data (the review page's code), alternately to its summary and further down its description.`,
  );
  let precise: ReadWriteRun;
  let everything: ReadWriteRun;
  try {
    // The most read pages, rendered once into the shared cache (eight at a time, on both instances).
    const pages = ["/en", ...countries.map((code) => `/en/countries/${code}`), ...organisations.slice(0, warmed).map((organisation) => `/en/organisations/${organisation.slug}`)];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        while (next < pages.length) {
          const page = pages[next++];
          await fetch((worker % 2 ? b.url : a.url) + page).then((response) => response.arrayBuffer());
        }
      }),
    );
    precise = await run("Tags as they are (each page refreshed when what it shows changes)", false);
    // The same instances and cache: the first approval empties it, as every approval then does.
    everything = await run("Every approval refreshing every public page (the tags before issue 22)", true);
  } finally {
    await renders.stop();
    // The approvals sent their new links' checks: the job queue's connections in this process close.
    await (await import("../../lib/jobs")).stopJobs();
    await Promise.all([a.stop(), b.stop()]);
    const { Redis } = await import("ioredis");
    const redis = new Redis(deps.redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    await redis.quit();
  }
  say();

  return { precise, everything, cold: await coldSection(deps) };
}

type ColdFigures = ReadWriteFigures["cold"];

/**
 * Cold renders on a new instance of its own (no Redis): an organisation page, and page 1,000
 * (from the 49,951st organisation on) of the country with the most organisations
 * (`npm run bench -- --only cold` runs this alone).
 */
export async function coldSection(deps: Pick<ReadWriteDeps, "database" | "say" | "startServer">): Promise<ColdFigures> {
  const { database, say } = deps;
  say("### Cold renders at 1M");
  say();
  const [{ code, count }] = await pgQuery<{ code: string; count: string }>(database, `SELECT "countryCode" AS code, count(*) FROM "CountryListing" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
  const starts = await pgQuery<{ slug: string }>(
    database,
    `SELECT o.slug FROM (SELECT "organisationId", name FROM "CountryListing" WHERE "countryCode" = $1 ORDER BY name, "organisationId" OFFSET 49950 LIMIT 5000) l
     JOIN "Organisation" o ON o.id = l."organisationId" ORDER BY l.name, l."organisationId"`,
    [code],
  );
  const server = await deps.startServer({ DATABASE_URL: database });
  try {
    const never = await pgQuery<{ slug: string }>(database, `SELECT slug FROM "Organisation" WHERE status = 'published' ORDER BY random() LIMIT 150`);
    // A process's first renders are slower (code not yet compiled by V8): that is its start, not a
    // cold page. Fifty pages of each kind first, not measured.
    for (let i = 100; i < 150; i++) {
      await fetch(`${server.url}/en/organisations/${never[i].slug}`).then((response) => response.arrayBuffer());
      await fetch(`${server.url}/en/countries/${code.toLowerCase()}/from/${starts[(i - 100) * 50 + 25].slug}`).then((response) => response.arrayBuffer());
    }
    const organisationTimes: number[] = [];
    const pageTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const organisation = never[i];
      const page = await timed(`${server.url}/en/organisations/${organisation.slug}`);
      if (page.status !== 200) throw new Error(`/en/organisations/${organisation.slug} answered ${page.status}`);
      organisationTimes.push(page.time);
      // Distinct pages around page 1,000, each rendered for the first time.
      const list = await timed(`${server.url}/en/countries/${code.toLowerCase()}/from/${starts[i * 50].slug}`);
      if (list.status !== 200) throw new Error(`A country page answered ${list.status}`);
      pageTimes.push(list.time);
    }
    organisationTimes.sort((x, y) => x - y);
    pageTimes.sort((x, y) => x - y);
    const cold = { organisationP95: percentile(organisationTimes, 95), countryPageP95: percentile(pageTimes, 95), country: code, countrySize: Number(count) };
    say(
      `100 of each, never asked for before, one at a time: an organisation page p95 ${ms(cold.organisationP95)} ms; ` +
        `a page of ${code} (${cold.countrySize.toLocaleString("en-GB")} organisations) from its 49,951st organisation on (page 1,000) p95 ${ms(cold.countryPageP95)} ms.`,
    );
    say();
    return cold;
  } finally {
    await server.stop();
  }
}

const percentOf = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

/** The results table's rows for this section (scripts/lib/bench-results.ts writes the rest). */
export function readWriteRows({ precise, everything, cold }: ReadWriteFigures): string[] {
  const rows: [string, string, string][] = [
    [
      `reading while writing at 1M (two instances on Redis, ${rate} reads a second by Zipf, an approval a second): cache hit rate of reads of a page already read in the run`,
      "≥ 99%",
      `**${percentOf(precise.repeatedHits, precise.repeated)}** (all reads, a page's first read included: ${percentOf(precise.hits, precise.requests)}; every approval refreshing every page: ${percentOf(everything.repeatedHits, everything.repeated)})`,
    ],
    [
      "the same: read p50 / p99 of a page already read (of every read)",
      "p99 ≤ 25 ms",
      `${ms(precise.repeatedP50)} / **${ms(precise.repeatedP99)}** ms (${ms(precise.p50)} / ${ms(precise.p99)} ms; every approval refreshing every page: ${ms(everything.repeatedP50)} / ${ms(everything.repeatedP99)} ms)`,
    ],
    [
      "the same: pages rendered again per approval (entries written again into Redis, by either instance)",
      "≤ 6",
      `**${precise.reRenderedPerApproval.toFixed(1)}** (every approval refreshing every page: ${everything.reRenderedPerApproval.toFixed(1)})`,
    ],
    ["the same: from an approval's commit to the new content on both instances", "≤ 1 s", `**max ${ms(precise.freshMax)} ms** (p50 ${ms(precise.freshP50)}, ${precise.approvals} approvals)`],
    ["Redis memory of a cached organisation page", "–", `${(precise.redisBytesPerPage / 1024).toFixed(1)} KB`],
    [
      `cold render at 1M, p95: an organisation page / page 1,000 of ${cold.country} (${cold.countrySize.toLocaleString("en-GB")} organisations)`,
      "≤ 50 ms",
      `**${ms(cold.organisationP95)} / ${ms(cold.countryPageP95)} ms**`,
    ],
  ];
  return rows.map((cells) => `| ${cells.join(" | ")} |`);
}
