// A crawler asking for made-up addresses costs no cache entry each: a "not found" is never kept,
// in memory (one instance) or in Redis (several).
import { Redis } from "ioredis";
import { expect, test } from "./factories";
import { startInstance, type Instance } from "./instances";
import { freshAddress } from "./support";

const requests = 10_000;
const parallel = 16;

/** Made-up addresses: organisation pages and country pages from an organisation. */
const madeUp = (i: number) => (i % 5 === 4 ? `/en/countries/be/from/crawled-${crypto.randomUUID()}` : `/en/organisations/crawled-${crypto.randomUUID()}`);

/**
 * The first "not found" of each kind on each instance, which may fill what every such page reads
 * once (the list of countries, in Next's data cache).
 */
async function firstOfEachKind(bases: string[]) {
  for (const base of bases) for (const i of [0, 4]) expect((await fetch(base + madeUp(i))).status).toBe(404);
}

/** Asks for `requests` made-up addresses, `parallel` at a time, spread over `bases`; every answer a 404. */
async function crawl(bases: string[]) {
  let next = 0;
  const statuses = new Map<number, number>();
  const address = freshAddress();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < requests) {
        const i = next++;
        const response = await fetch(bases[i % bases.length] + madeUp(i), { headers: { "x-forwarded-for": address }, redirect: "manual" });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return Object.fromEntries(statuses);
}

test("10,000 made-up addresses push no page out of one instance's cache @exclusive", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const page = `${baseURL}/en/organisations/allo-tolerance`;
  // Next's own answer: the front cache stands aside for a request asking for a fresh one.
  const fromNext = async () => (await fetch(page, { headers: { "cache-control": "no-cache" } })).headers.get("x-nextjs-cache");
  await (await fetch(page)).arrayBuffer();
  expect(await fromNext()).toBe("HIT");
  await firstOfEachKind([baseURL!]);
  expect(await crawl([baseURL!])).toEqual({ 404: requests });
  // One instance's cache is a bounded LRU in memory (lib/local-cache-handler.js): were a "not
  // found" kept, ten thousand of them would have pushed the page, read before them, out of it.
  // Nothing else renders meanwhile (@exclusive).
  expect(await fromNext()).toBe("HIT");
});

test("10,000 made-up addresses add no key to the Redis two instances share", async () => {
  // npm test sets it (this machine's Redis unless REDIS_URL names another: scripts/test.ts).
  const redisUrl = process.env.REDIS_URL ?? "";
  if (!redisUrl) throw new Error("REDIS_URL is not set: run the tests with npm test, which sets it.");
  test.setTimeout(300_000);
  const prefix = `prova-e2e-crawl-${process.pid}-${Date.now().toString(36)}`;
  const redis = new Redis(redisUrl);
  let instances: Instance[] = [];
  try {
    const env = { REDIS_URL: redisUrl, CACHE_KEY_PREFIX: prefix };
    instances = await Promise.all([startInstance("a", env), startInstance("b", env)]);
    // A real page each, so that both instances have written to Redis before counting.
    for (const instance of instances) expect((await fetch(`${instance.url}/organisations/allo-tolerance`)).status).toBe(200);
    await firstOfEachKind(instances.map((instance) => instance.url));
    const before = (await redis.keys(`${prefix}:*`)).length;
    expect(await crawl(instances.map((instance) => instance.url))).toEqual({ 404: requests });
    expect((await redis.keys(`${prefix}:*`)).length).toBe(before);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
});
