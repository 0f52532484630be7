import "server-only";
import { z } from "zod";
import { tags } from "@/lib/cache-tags";
import { addLinks, hostOf, organisationsListing, recordCheck, syncLinks, takeDueLinks } from "@/lib/data/links";
import { db } from "@/lib/db";
import { appUrl, serverEnv } from "@/lib/env";
import { checkMany } from "@/lib/links/batch";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshPublicPages } from "./public-pages";
import { defineQueue, type QueueSettings } from "./runner";

// Link health: every URL the directory publishes is checked on a schedule (lib/data/links.ts keeps
// the list and the verdicts, lib/links checks), and a URL an approval adds soon after it.
//
// - links-sync (daily): the list of links made to match what is published, then a dispatch.
// - links-dispatch (every ten minutes): the links that are due, taken with a lease, sent as
//   link-check jobs of one host each, and one job of a host runs at a time (the queue's
//   `singleton` policy, keyed by host), so a host gets one request at a time, with a pause,
//   however many workers run.
// - link-check: checks its URLs and records each verdict. Idempotent: a second run checks again
//   and records one more check in the history.

/** URLs of one host in one link-check job: 20 checks of at most 15 s, a second apart, stay within its expiry. */
export const urlsPerJob = 20;
/** Links taken per dispatch: about 140,000 a day, more than a million listings checked weekly need. */
const linksPerDispatch = 1_000;

const format = z.literal(1);

export const linkCheckQueue = defineQueue({
  data: z.strictObject({ format, urls: z.array(z.url({ protocol: /^https?$/ }).max(2000)).min(1).max(urlsPerJob) }),
  settings: {
    // One job of a host at a time across every worker (each job's singletonKey is its host): a host
    // gets one request at a time, with a pause between, however many workers run.
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    heartbeatSeconds: 30,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
    notify: true,
  } satisfies QueueSettings,
  // Checks mostly wait on other servers: many hosts at once.
  concurrency: 20,
  describe: (data) => `Check ${data.urls.length === 1 ? data.urls[0] : `${data.urls.length} links on ${hostOf(data.urls[0])}`}`,
  async handle(data) {
    const env = serverEnv();
    const schedule = { intervalDays: env.LINK_CHECK_INTERVAL_DAYS, failingRecheckHours: 24 };
    const verdicts: Record<string, string> = {};
    const refresh = new Set<string>();
    const results = await checkMany(data.urls, { concurrency: 1, appUrl: appUrl(), allowedHosts: env.LINK_CHECK_ALLOWED_HOSTS });
    for (const result of results) {
      const recorded = await recordCheck(result, schedule);
      if (!recorded) continue;
      verdicts[result.url] = recorded.after;
      // The public note beside a website that has been broken for a week came or went.
      if (recorded.publicNoteChanged) for (const id of await organisationsListing(result.url)) refresh.add(tags.organisation(id));
    }
    if (refresh.size > 0) await refreshPublicPages([...refresh]);
    return { verdicts };
  },
});

export const linksDispatchQueue = defineQueue({
  data: z.strictObject({ format }),
  settings: { retryLimit: 1, retryDelay: 60, expireInSeconds: 5 * 60, deleteAfterSeconds: 24 * 60 * 60, notify: true } satisfies QueueSettings,
  schedule: { cron: "*/10 * * * *", data: { format: 1 } },
  describe: () => "Send the links that are due to be checked",
  handle: () => dispatchDueLinks(),
});

export const linksSyncQueue = defineQueue({
  data: z.strictObject({ format }),
  settings: { retryLimit: 2, retryDelay: 300, expireInSeconds: 30 * 60, deleteAfterSeconds: 7 * 24 * 60 * 60, notify: true } satisfies QueueSettings,
  schedule: { cron: "17 3 * * *", data: { format: 1 } },
  describe: () => "Match the list of links to what is published",
  async handle() {
    const synced = await syncLinks();
    return { ...synced, ...(await dispatchDueLinks()) };
  },
});

/** Sends the due links as link-check jobs, one host and at most urlsPerJob URLs each. */
async function dispatchDueLinks(): Promise<{ dispatched: number; jobs: number }> {
  const byHost = await takeDueLinks(linksPerDispatch);
  const { enqueue } = await import("./index");
  let jobs = 0;
  let dispatched = 0;
  for (const urls of byHost.values()) {
    for (let i = 0; i < urls.length; i += urlsPerJob) {
      await enqueue("link-check", { format: 1, urls: urls.slice(i, i + urlsPerJob) }, { singletonKey: hostOf(urls[0])! });
      jobs++;
      dispatched += Math.min(urlsPerJob, urls.length - i);
    }
  }
  return { dispatched, jobs };
}

/**
 * Adds the URLs a change publishes to the list and, for those not known yet, sends their checks:
 * inside the change's transaction when given, so that they commit with it.
 */
export async function checkNewLinks(urls: Iterable<string>, options: { tx?: Prisma.TransactionClient } = {}): Promise<void> {
  const wanted = [...new Set(urls)].filter((url) => hostOf(url));
  if (wanted.length === 0) return;
  const client = options.tx ?? db;
  const known = new Set((await client.$queryRaw<{ url: string }[]>`SELECT url FROM "Link" WHERE url = ANY(${wanted}::text[])`).map((row) => row.url));
  const fresh = wanted.filter((url) => !known.has(url));
  if (fresh.length === 0) return;
  await addLinks(fresh, client);
  const byHost = new Map<string, string[]>();
  for (const url of fresh) byHost.set(hostOf(url)!, [...(byHost.get(hostOf(url)!) ?? []), url]);
  const { enqueue } = await import("./index");
  for (const hostUrls of byHost.values()) {
    for (let i = 0; i < hostUrls.length; i += urlsPerJob) {
      await enqueue("link-check", { format: 1, urls: hostUrls.slice(i, i + urlsPerJob) }, { ...options, singletonKey: hostOf(hostUrls[0])! });
    }
  }
}
