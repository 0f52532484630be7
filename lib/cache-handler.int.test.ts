// The Redis cache handler against a real Redis (REDIS_URL), as two server processes would use it.
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTcpProxy, type TcpProxy } from "@/e2e/tcp-proxy";
import RedisCacheHandler from "./cache-handler.js";

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn("Skipping the Redis cache handler tests: REDIS_URL is not set (CI sets it to this machine's Redis).");

const prefix = `prova-test-${process.pid}-${Date.now().toString(36)}`;
const opened: RedisCacheHandler[] = [];

/** A handler as another server process would have it: its own connection and local values. */
function instance(url = redisUrl!) {
  process.env.REDIS_URL = url;
  process.env.CACHE_KEY_PREFIX = prefix;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("prova.redisCache")];
  const handler = new RedisCacheHandler({} as never);
  opened.push(handler);
  return handler;
}

const page = (html: string, tags: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc:${html}`),
  headers: { "x-next-cache-tags": tags },
  status: 200,
  segmentData: new Map([["/_tree", Buffer.from(`tree:${html}`)]]),
});
const pageContext = { kind: "APP_PAGE", isFallback: false };

/** Until `check` passes or the time is up. */
async function eventually(check: () => Promise<boolean>, ms = 8_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe.skipIf(!redisUrl)("Redis cache handler", () => {
  let proxy: TcpProxy;
  let proxyUrl: string;

  beforeAll(async () => {
    const target = new URL(redisUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    target.port = String(proxy.port);
    proxyUrl = target.toString();
  });

  afterEach(async () => {
    proxy.set("up");
    proxy.latency(0);
    for (const handler of opened.splice(0)) await handler.shared.client.quit().catch(() => handler.shared.client.disconnect());
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await proxy.close();
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("serves a page stored by one instance to another, Buffers, Maps and cache control intact", async () => {
    const a = instance();
    const b = instance();
    await a.set("/route-cache/APP_PAGE/x/$/organisations/one", page("<p>one</p>", "organisation:1,organisations"), {
      cacheControl: { revalidate: 3600, expire: undefined },
    });
    const entry = await b.get("/route-cache/APP_PAGE/x/$/organisations/one", pageContext);
    expect(entry).not.toBeNull();
    const value = entry!.value as unknown as ReturnType<typeof page>;
    expect(value.html).toBe("<p>one</p>");
    expect(Buffer.isBuffer(value.rscData)).toBe(true);
    expect(value.rscData.toString()).toBe("rsc:<p>one</p>");
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(value.segmentData.get("/_tree")!.toString()).toBe("tree:<p>one</p>");
    expect(entry!.cacheControl).toEqual({ revalidate: 3600, expire: undefined });
    expect(Math.abs(entry!.lastModified - Date.now())).toBeLessThan(5_000);
    expect(await b.get("/route-cache/APP_PAGE/x/$/organisations/other", pageContext)).toBeNull();
  });

  it("misses on every instance once one of the entry's tags was invalidated on any instance", async () => {
    const a = instance();
    const b = instance();
    await a.set("/p/two", page("two", "organisation:2,organisations"), {});
    await a.set("/p/three", page("three", "organisation:3,organisations"), {});
    await a.set("fetch-key", { kind: "FETCH", data: { body: "data" }, revalidate: 3600, tags: ["country:BE"] }, { fetchCache: true, tags: ["country:BE"] });
    expect(await b.get("/p/two", pageContext)).not.toBeNull();

    await b.revalidateTag("organisation:2");
    expect(await a.get("/p/two", pageContext)).toBeNull();
    expect(await b.get("/p/two", pageContext)).toBeNull();
    expect(await a.get("/p/three", pageContext)).not.toBeNull();

    // Data cache entries: by their own tags, and by the soft (path) tags a read passes.
    expect(await a.get("fetch-key", { kind: "FETCH", tags: ["country:BE"], softTags: ["_N_T_/countries/be"] })).not.toBeNull();
    await b.revalidateTag(["_N_T_/countries/be"]);
    expect(await a.get("fetch-key", { kind: "FETCH", tags: ["country:BE"], softTags: ["_N_T_/countries/be"] })).toBeNull();
    expect(await a.get("fetch-key", { kind: "FETCH", tags: ["country:BE"], softTags: [] })).not.toBeNull();
    await a.revalidateTag("country:BE");
    expect(await b.get("fetch-key", { kind: "FETCH", tags: ["country:BE"], softTags: [] })).toBeNull();
  });

  it("does not serve an entry stored just after one of its tags was invalidated (a render that read the old data)", async () => {
    const a = instance();
    await a.revalidateTag("organisation:4");
    await a.set("/p/four", page("four", "organisation:4"), {});
    expect(await a.get("/p/four", pageContext)).toBeNull();
    await a.set("/p/five", page("five", "organisation:5"), {});
    expect(await a.get("/p/five", pageContext)).not.toBeNull();
  });

  it("reuses the value an instance already holds and fetches it again when another instance replaced it", async () => {
    const a = instance();
    const b = instance();
    await a.set("/p/six", page("six", "organisation:6"), {});
    const first = await b.get("/p/six", pageContext);
    const second = await b.get("/p/six", pageContext);
    expect(second!.value).toBe(first!.value);
    await a.set("/p/six", page("six, changed", "organisation:6"), {});
    expect((await b.get("/p/six", pageContext))!.value).toMatchObject({ html: "six, changed" });
  });

  it("keeps answering while Redis is down, logs it once, and writes the invalidations made meanwhile when it returns", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance(proxyUrl);
    await a.set("/p/seven", page("seven", "organisation:7"), {});
    expect(await a.get("/p/seven", pageContext)).not.toBeNull();

    proxy.set("down");
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      expect(await a.get("/p/seven", pageContext)).toBeNull();
      await a.set("/p/eight", page("eight", "organisation:8"), {});
    }
    await a.revalidateTag("organisation:7");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(errors.mock.calls.filter(([line]) => String(line).includes("Redis is unavailable"))).toHaveLength(1);

    proxy.set("up");
    // The entry stored before the outage carries a tag invalidated during it: never served again.
    const other = instance();
    expect(await eventually(async () => (await other.get("/p/seven", pageContext)) === null)).toBe(true);
    // And the instance uses Redis again, without a restart.
    const usesRedisAgain = await eventually(async () => {
      await a.set("/p/nine", page("nine", "organisation:9"), {});
      return (await other.get("/p/nine", pageContext)) !== null;
    });
    expect(usesRedisAgain).toBe(true);
    expect(errors.mock.calls.filter(([line]) => String(line).includes("available again"))).toHaveLength(1);
    expect(errors.mock.calls.filter(([line]) => String(line).includes("Redis is unavailable"))).toHaveLength(1);
  });

  it("gives up on a Redis that does not answer within the timeout, without holding every request", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance(proxyUrl);
    await a.set("/p/ten", page("ten", "organisation:10"), {});
    proxy.set("slow");
    let started = Date.now();
    expect(await a.get("/p/ten", pageContext)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
    // Known to be unavailable: the next requests do not wait for it at all.
    started = Date.now();
    for (let i = 0; i < 10; i++) expect(await a.get("/p/ten", pageContext)).toBeNull();
    expect(Date.now() - started).toBeLessThan(100);
    proxy.set("up");
    expect(await eventually(async () => (await a.get("/p/ten", pageContext)) !== null)).toBe(true);
  });

  it("writes an invalidation at once even in the pause after a timeout, and retries one Redis could not take without waiting for traffic", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance(proxyUrl);
    const b = instance();
    await a.set("/p/eleven", page("eleven", "organisation:11"), {});
    await a.set("/p/twelve", page("twelve", "organisation:12"), {});
    proxy.set("slow");
    expect(await a.get("/p/eleven", pageContext)).toBeNull();
    proxy.set("up");
    // Reads on A are paused now; the invalidation is not.
    await a.revalidateTag("organisation:11");
    expect(await b.get("/p/eleven", pageContext)).toBeNull();

    proxy.set("down");
    await a.revalidateTag("organisation:12");
    // A knows of an invalidation Redis does not have yet: it serves nothing from the cache.
    expect(await a.get("/p/twelve", pageContext)).toBeNull();
    proxy.set("up");
    // No further call on A: its retries write the invalidation for B to see.
    expect(await eventually(async () => (await b.get("/p/twelve", pageContext)) === null)).toBe(true);
  });

  it("serves nothing while an invalidation is unwritten, without waiting for a Redis that hangs on every read", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance(proxyUrl);
    const b = instance();
    await a.set("/p/nineteen", page("nineteen", "organisation:19"), {});
    proxy.set("slow");
    await a.revalidateTag("organisation:19");
    expect(a.shared.pendingTags.size).toBe(1);
    const started = Date.now();
    for (let i = 0; i < 10; i++) {
      expect(await a.get("/p/nineteen", pageContext)).toBeNull();
      expect(await a.shared.generation()).toBeNull();
    }
    expect(Date.now() - started).toBeLessThan(100);
    proxy.set("up");
    // Written once Redis answers again, without a read on A.
    expect(await eventually(async () => (await b.get("/p/nineteen", pageContext)) === null)).toBe(true);
  });

  it("gives the front cache a generation that an invalidation on any instance changes, and none while Redis is down or an invalidation is unwritten", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance(proxyUrl);
    const b = instance();
    const before = await b.shared.generation();
    expect(before).toEqual(expect.any(String));
    expect(await a.shared.generation()).toBe(before);

    await a.revalidateTag("organisation:13");
    const after = await b.shared.generation();
    expect(after).not.toBe(before);
    expect(await a.shared.generation()).toBe(after);

    proxy.set("down");
    expect(await a.shared.generation()).toBeNull();
    await a.revalidateTag("organisation:14");
    expect(a.shared.pendingTags.size).toBe(1);
    expect(await a.shared.generation()).toBeNull();
    proxy.set("up");
    // B learns of the invalidation once A's retries have written it; until then A serves nothing.
    expect(await eventually(async () => (await b.shared.generation()) !== after)).toBe(true);
    expect(await eventually(async () => (await a.shared.generation()) === (await b.shared.generation()))).toBe(true);
  });

  it("does not take a moment its own event loop was busy for an outage of Redis", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance();
    await a.set("/p/busy", page("busy", "organisation:17"), {});
    const read = a.get("/p/busy", pageContext);
    // A render holding the event loop past the command timeout: Redis's reply waits in the socket
    // while the timeout, a timer, fires first.
    const until = Date.now() + 600;
    while (Date.now() < until);
    expect(await read).not.toBeNull();
    expect(errors.mock.calls.filter(([line]) => String(line).includes("Redis is unavailable"))).toHaveLength(0);
    // Not paused as after an outage: the next read is served.
    expect(await a.get("/p/busy", pageContext)).not.toBeNull();
  });

  it("gives up on a Redis that answers, but later than the timeout, though earlier answers keep coming", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance(proxyUrl);
    await a.set("/p/late", page("late", "organisation:18"), {});
    // Slow but in time, with a read every 50 ms; then slower than the timeout: replies to the reads
    // sent before keep arriving while the later ones wait.
    proxy.latency(100);
    const reads: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      if (i === 6) proxy.latency(600);
      reads.push(a.get("/p/late", pageContext));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const results = await Promise.all(reads);
    expect(results.slice(0, 4).every((result) => result !== null)).toBe(true);
    expect(results.slice(8).every((result) => result === null)).toBe(true);
    expect(errors.mock.calls.filter(([line]) => String(line).includes("Redis is unavailable"))).toHaveLength(1);
    // Known to be unavailable: the next requests do not wait for it.
    const started = Date.now();
    for (let i = 0; i < 10; i++) expect(await a.get("/p/late", pageContext)).toBeNull();
    expect(Date.now() - started).toBeLessThan(100);
    proxy.latency(0);
  });

  it("treats an entry it cannot decode, and a Redis error that is not an outage, as a miss, logged once, without pausing", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance();
    const redis = new Redis(redisUrl!);
    try {
      await a.set("/p/thirteen", page("thirteen", "organisation:13"), {});
      await redis.hset(`${prefix}:cache:dev:entry:/p/thirteen`, "v", Buffer.from([0xff, 0x20, 0x01, 0x02]));
      const b = instance();
      expect(await b.get("/p/thirteen", pageContext)).toBeNull();

      await redis.set(`${prefix}:cache:dev:entry:/p/fourteen`, "not a hash");
      expect(await b.get("/p/fourteen", pageContext)).toBeNull();
      expect(await b.get("/p/fourteen", pageContext)).toBeNull();
      // Not an outage: the next read is served.
      await a.set("/p/fifteen", page("fifteen", "organisation:15"), {});
      expect(await b.get("/p/fifteen", pageContext)).not.toBeNull();
      const lines = errors.mock.calls.map(([line]) => String(line));
      expect(lines.filter((line) => line.includes("WRONGTYPE"))).toHaveLength(1);
      expect(lines.filter((line) => line.includes("Redis is unavailable"))).toHaveLength(0);
    } finally {
      await redis.quit();
    }
  });

  it("keeps the time of an entry Next stores again unchanged (a regeneration that failed)", async () => {
    const a = instance();
    await a.set("/p/sixteen", page("sixteen", "organisation:16"), {});
    const served = await a.get("/p/sixteen", pageContext);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.set("/p/sixteen", served!.value, {});
    expect((await a.get("/p/sixteen", pageContext))!.lastModified).toBe(served!.lastModified);
  });
});
