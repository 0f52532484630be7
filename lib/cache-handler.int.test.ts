// The Redis cache handler against a real Redis (REDIS_URL), as two server processes would use it.
// Each instance runs on a clock of the test's: its timeouts pass when the test says, and the test
// waits for what it expects to happen (a command sent, invalidations written), never for time.
import { once } from "node:events";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTcpProxy, type TcpProxy } from "@/e2e/tcp-proxy";
import RedisCacheHandler, { SharedCache } from "./cache-handler.js";
import { commandTimeoutMs, retryAfterMs, systemClock, type Clock } from "./redis-cache/connection.js";
import { pendingRetryMs } from "./redis-cache/invalidations.js";

// npm test sets it (this machine's Redis unless REDIS_URL names another: scripts/test.ts).
const redisUrl = process.env.REDIS_URL ?? "";
if (!redisUrl) throw new Error("REDIS_URL is not set: run the tests with npm test, which sets it.");

const prefix = `prova-test-${process.pid}-${Date.now().toString(36)}`;
const opened: RedisCacheHandler[] = [];

/** A clock that moves only when the test says (advance), firing the timers then due. */
function testClock() {
  let now = Date.now();
  const timers = new Set<{ due: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number) {
      const timer = { due: now + ms, callback };
      timers.add(timer);
      return timer;
    },
    clearTimeout(timer: unknown) {
      timers.delete(timer as { due: number; callback: () => void });
    },
    advance(ms: number) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.due - b.due)) {
        if (timer.due > now) break;
        timers.delete(timer);
        timer.callback();
      }
    },
  } satisfies Clock & { advance(ms: number): void };
}

/**
 * A handler as another server process would have it: its own connection and local values, on a
 * clock of its own. ioredis's own timer (a socket with nothing received for a while is dropped) is
 * set out of the way, so that only the test decides when Redis took too long.
 */
function instance(url = redisUrl, clock: Clock = testClock(), cachePrefix = `${prefix}:cache`) {
  const shared = new SharedCache({ url, prefix: cachePrefix, clock, socketTimeoutMs: 60_000 });
  const handler = new RedisCacheHandler({} as never, shared);
  opened.push(handler);
  return handler;
}

/** Resolves when the instance's next command has gone to Redis (and its timeout is running). */
const sent = (handler: RedisCacheHandler) => once(handler.shared.connection.events, "sent");

/** What a call that must not ask Redis returns; "asked Redis" as soon as it does (it would wait). */
function withoutRedis<T>(handler: RedisCacheHandler, call: () => Promise<T>) {
  const { events } = handler.shared.connection;
  let onSent = () => {};
  const asked = new Promise<"asked Redis">((resolve) => events.once("sent", (onSent = () => resolve("asked Redis"))));
  return Promise.race([call(), asked]).finally(() => events.off("sent", onSent));
}

/** Until the invalidations the instance could not write are written (by its retries). */
async function invalidationsWritten(handler: RedisCacheHandler) {
  const { connection, invalidations } = handler.shared;
  while (invalidations.pending.size > 0) await once(connection.events, "written");
}

/** Lines logged with console.error that contain `text` (console.error is spied on). */
const logged = (errors: { mock: { calls: unknown[][] } }, text: string) => errors.mock.calls.filter(([line]) => String(line).includes(text));

const page = (html: string, tags: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc:${html}`),
  headers: { "x-next-cache-tags": tags },
  status: 200,
  segmentData: new Map([["/_tree", Buffer.from(`tree:${html}`)]]),
});
const pageContext = { kind: "APP_PAGE", isFallback: false };

describe("Redis cache handler", () => {
  let proxy: TcpProxy;
  let proxyUrl: string;

  beforeAll(async () => {
    const target = new URL(redisUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    target.port = String(proxy.port);
    proxyUrl = target.toString();
  });

  afterEach(async () => {
    proxy.set("up");
    proxy.latency(0);
    for (const { shared } of opened.splice(0)) {
      shared.invalidations.mirror.close();
      await shared.connection.client.quit().catch(() => shared.connection.client.disconnect());
    }
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await proxy.close();
    const redis = new Redis(redisUrl);
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
    // Its time is when its render began: stored without a miss before it, 5 s before it was stored.
    expect(Math.abs(entry!.lastModified - (Date.now() - 5_000))).toBeLessThan(5_000);
    expect(await b.get("/route-cache/APP_PAGE/x/$/organisations/other", pageContext)).toBeNull();
  });

  it("stores a page's HTML in UTF-8, not the UTF-16 node:v8 gives a string with a character past U+00FF", async () => {
    const a = instance();
    const b = instance();
    // 20 KB of text in Latin letters with one typographic quote, as a French description has.
    const html = `<p>L’association ${"accompagne les familles et les jeunes ".repeat(540)}</p>`;
    const key = "/route-cache/APP_PAGE/x/$/organisations/quote";
    await a.set(key, page(html, "organisation:2"), {});
    expect(((await b.get(key, pageContext))!.value as unknown as ReturnType<typeof page>).html).toBe(html);
    const redis = new Redis(redisUrl);
    const stored = await redis.hstrlen(`${a.entryPrefix}${key}`, "v");
    await redis.quit();
    // The page, and its RSC payload and one segment of the same size; in UTF-16 the page alone would be twice its size.
    const utf8 = Buffer.byteLength(html) * 3;
    expect(stored).toBeGreaterThan(utf8);
    expect(stored).toBeLessThan(utf8 + 1_000);
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

  it("does not serve an entry whose render began before one of its tags was invalidated (it read the old data), and serves one begun after at once", async () => {
    const a = instance();
    const b = instance();
    // A render that began (its miss) before the invalidation and is stored after it.
    expect(await a.get("/p/four", pageContext)).toBeNull();
    await b.revalidateTag("organisation:4");
    await a.set("/p/four", page("four", "organisation:4"), {});
    expect(await b.get("/p/four", pageContext)).toBeNull();
    // A render whose miss was read just after an invalidation (a later millisecond of Redis's
    // clock, which times both) is served at once: no margin is taken off its time.
    await b.revalidateTag("organisation:5");
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await a.get("/p/five", pageContext)).toBeNull();
    await a.set("/p/five", page("five", "organisation:5"), {});
    expect((await b.get("/p/five", pageContext))!.value).toMatchObject({ html: "five" });
    // A render begun a second after an invalidation is served on every instance at once.
    const redis = new Redis(redisUrl);
    await redis.set(`${a.shared.tagPrefix}organisation:70`, String(Date.now() - 1_000));
    await redis.quit();
    expect(await a.get("/p/seventy", pageContext)).toBeNull();
    await a.set("/p/seventy", page("seventy", "organisation:70"), {});
    expect((await b.get("/p/seventy", pageContext))!.value).toMatchObject({ html: "seventy" });
    // A store with no miss before it (a regeneration in the background) counts as begun 5 s earlier.
    await b.revalidateTag("organisation:5");
    await a.set("/p/five", page("five", "organisation:5"), {});
    expect(await a.get("/p/five", pageContext)).toBeNull();
    await a.set("/p/six", page("six", "organisation:6"), {});
    expect(await a.get("/p/six", pageContext)).not.toBeNull();
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
    // A's clock does not move: a call that waited for Redis instead of failing at once would never
    // return. The first read fails; those after it, in the pause, do not ask Redis.
    expect(await a.get("/p/seven", pageContext)).toBeNull();
    for (let i = 0; i < 20; i++) {
      expect(await withoutRedis(a, () => a.get("/p/seven", pageContext))).toBeNull();
      expect(await withoutRedis(a, () => a.set("/p/eight", page("eight", "organisation:8"), {}))).toBeUndefined();
    }
    await a.revalidateTag("organisation:7");
    expect(a.shared.invalidations.pending.size).toBe(1);
    expect(logged(errors, "Redis is unavailable")).toHaveLength(1);

    proxy.set("up");
    // A connects again by itself and writes the invalidation: the entry stored before the outage
    // carries a tag invalidated during it, and is never served again.
    await invalidationsWritten(a);
    const other = instance();
    expect(await other.get("/p/seven", pageContext)).toBeNull();
    // And the instance uses Redis again, without a restart.
    await a.set("/p/nine", page("nine", "organisation:9"), {});
    expect(await other.get("/p/nine", pageContext)).not.toBeNull();
    expect(logged(errors, "available again")).toHaveLength(1);
    expect(logged(errors, "Redis is unavailable")).toHaveLength(1);
  });

  it("gives up on a Redis that does not answer within the timeout, without holding every request", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const clock = testClock();
    const a = instance(proxyUrl, clock);
    await a.set("/p/ten", page("ten", "organisation:10"), {});
    proxy.set("slow");
    const asked = sent(a);
    const read = a.get("/p/ten", pageContext);
    await asked;
    clock.advance(commandTimeoutMs);
    expect(await read).toBeNull();
    expect(logged(errors, `Redis is unavailable (No answer from Redis within ${commandTimeoutMs} ms)`)).toHaveLength(1);
    // Known to be unavailable: the next requests do not ask it at all.
    for (let i = 0; i < 10; i++) expect(await withoutRedis(a, () => a.get("/p/ten", pageContext))).toBeNull();
    // Answering again: used again once the pause is over.
    proxy.set("up");
    clock.advance(retryAfterMs);
    expect(await a.get("/p/ten", pageContext)).not.toBeNull();
  });

  it("writes an invalidation at once even in the pause after a timeout, and retries one Redis could not take without waiting for traffic", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const clock = testClock();
    const a = instance(proxyUrl, clock);
    const b = instance();
    await a.set("/p/eleven", page("eleven", "organisation:11"), {});
    await a.set("/p/twelve", page("twelve", "organisation:12"), {});
    proxy.set("slow");
    const asked = sent(a);
    const read = a.get("/p/eleven", pageContext);
    await asked;
    clock.advance(commandTimeoutMs);
    expect(await read).toBeNull();
    proxy.set("up");
    // Reads on A are paused now; the invalidation is not.
    expect(a.shared.connection.usable()).toBe(false);
    await a.revalidateTag("organisation:11");
    expect(await b.get("/p/eleven", pageContext)).toBeNull();

    proxy.set("down");
    await a.revalidateTag("organisation:12");
    expect(a.shared.invalidations.pending.size).toBe(1);
    // A knows of an invalidation Redis does not have yet: even past the pause after the failure,
    // it serves nothing from the cache.
    clock.advance(retryAfterMs);
    expect(await a.get("/p/twelve", pageContext)).toBeNull();
    proxy.set("up");
    // No further call on A: it writes the invalidation when it has connected again, for B to see.
    await invalidationsWritten(a);
    expect(await b.get("/p/twelve", pageContext)).toBeNull();
  });

  it("serves nothing while an invalidation is unwritten, without waiting for a Redis that hangs on every read", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const clock = testClock();
    const a = instance(proxyUrl, clock);
    const b = instance();
    await a.set("/p/nineteen", page("nineteen", "organisation:19"), {});
    proxy.set("slow");
    const asked = sent(a);
    const revalidated = a.revalidateTag("organisation:19");
    await asked;
    clock.advance(commandTimeoutMs);
    await revalidated;
    expect(a.shared.invalidations.pending.size).toBe(1);
    // Not one of them asks the hung Redis (each would wait for the timeout).
    for (let i = 0; i < 10; i++) {
      expect(await withoutRedis(a, () => a.get("/p/nineteen", pageContext))).toBeNull();
    }
    proxy.set("up");
    // The connection never broke: A's timed retry writes it, without a read on A.
    clock.advance(pendingRetryMs);
    await invalidationsWritten(a);
    expect(await b.get("/p/nineteen", pageContext)).toBeNull();
  });

  it("tells the front cache of every instance whether an answer's tags were invalidated since its stamp, and nothing while Redis is down", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance(proxyUrl);
    const b = instance();
    const stamp = (await a.shared.invalidations.stamp())!;
    expect(Math.abs(stamp - Date.now())).toBeLessThan(5_000);
    const unchanged = (handler: RedisCacheHandler, tags: string[]) => handler.shared.invalidations.unchangedSince(tags, stamp);
    expect(await unchanged(b, ["organisation:20", "organisation:21"])).toBe(true);
    await b.revalidateTag("organisation:20");
    expect(await unchanged(a, ["organisation:20", "organisation:21"])).toBe(false);
    expect(await unchanged(a, ["organisation:21"])).toBe(true);
    expect(await unchanged(a, [])).toBe(true);
    // A stamp taken after the invalidation.
    expect(await a.shared.invalidations.unchangedSince(["organisation:20"], (await a.shared.invalidations.stamp())! + 1)).toBe(true);
    proxy.set("down");
    expect(await a.shared.invalidations.stamp()).toBeNull();
    expect(await unchanged(a, ["organisation:21"])).toBeNull();
  });

  it("answers the front cache at once, without a round trip, from invalidations mirrored by pub/sub: another instance's within a message, its own as soon as written", async () => {
    const a = instance();
    const b = instance();
    const { invalidations } = a.shared;
    const subscribed = once(a.shared.connection.events, "mirrored");
    // The first question starts the subscription and is asked of Redis meanwhile.
    expect(await invalidations.unchangedSince(["mirror:never"], 1)).toBe(true);
    await subscribed;
    // A stamp after the moment the subscription was known (as a page rendered from now on has).
    const stamp = invalidations.mirror.since! + 1;
    const unchanged = (tags: string[]) => invalidations.unchangedSince(tags, stamp);
    expect(unchanged(["organisation:30", "organisation:31"])).toBe(true);
    // A stamp from before the subscription is asked of Redis.
    expect(await withoutRedis(a, async () => invalidations.unchangedSince(["organisation:30"], invalidations.mirror.since!))).toBe("asked Redis");
    // Invalidations later than the stamp (Redis counts milliseconds).
    while ((await invalidations.stamp())! <= stamp);
    const heard = once(a.shared.connection.events, "mirrored");
    await b.revalidateTag(["organisation:30", "country:BE"]);
    await heard;
    expect(unchanged(["organisation:30"])).toBe(false);
    expect(unchanged(["country:BE"])).toBe(false);
    expect(unchanged(["organisation:31"])).toBe(true);
    // Its own: known when Redis has taken it, without its message (which this instance does not hear here).
    const hear = vi.spyOn(invalidations.mirror, "received").mockImplementation(() => {});
    await a.revalidateTag("organisation:31");
    hear.mockRestore();
    expect(unchanged(["organisation:31"])).toBe(false);
    expect(unchanged(["organisation:32"])).toBe(true);
  });

  it("asks Redis instead of its mirror when the subscription is lost or silent, and is sure again once subscribed anew", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const clock = testClock();
    const a = instance(proxyUrl, clock);
    const { invalidations, connection } = a.shared;
    const subscribed = once(connection.events, "mirrored");
    await invalidations.unchangedSince([], 0);
    await subscribed;
    const stamp = invalidations.mirror.since! + 1;
    expect(invalidations.unchangedSince(["organisation:33"], stamp)).toBe(true);
    // A Redis that hangs: the pings go unanswered and the mirror no longer answers.
    proxy.set("slow");
    clock.advance(1_000);
    clock.advance(1_000);
    clock.advance(1_000);
    expect(invalidations.unchangedSince(["organisation:33"], stamp)).toBeInstanceOf(Promise);
    proxy.set("up");
    // A lost connection: nothing is answered from memory until it has subscribed again, and then
    // only for stamps after that (what was published meanwhile never came).
    const again = once(connection.events, "mirrored");
    proxy.set("down");
    // Invalidated by another instance while this one's subscription is down: its message never comes.
    await instance().revalidateTag("organisation:33");
    proxy.set("up");
    await again;
    const older = invalidations.unchangedSince(["organisation:33"], stamp);
    expect(older).toBeInstanceOf(Promise);
    expect(await older).toBe(false);
    expect(invalidations.unchangedSince(["organisation:33"], invalidations.mirror.since! + 1)).toBe(true);
  });

  it("forgets invalidations older than any entry, a hundred at a time, and keeps the newer", async () => {
    // A cache of its own: only its invalidations in the index.
    const a = instance(redisUrl, testClock(), `${prefix}:forget`);
    const redis = new Redis(redisUrl);
    const { tagPrefix, indexKey } = a.shared.invalidations;
    // Invalidations of two days ago (as the script records them), then a new one.
    const twoDaysAgo = Date.now() - 2 * 24 * 60 * 60_000;
    for (let i = 0; i < 150; i++) {
      await redis.set(`${tagPrefix}old:${i}`, String(twoDaysAgo));
      await redis.zadd(indexKey, twoDaysAgo, `${tagPrefix}old:${i}`);
    }
    await a.revalidateTag("organisation:22");
    expect(await redis.exists(`${tagPrefix}old:0`)).toBe(0);
    expect(await redis.zcard(indexKey)).toBe(51);
    await a.revalidateTag("organisation:23");
    expect(await redis.keys(`${tagPrefix}old:*`)).toEqual([]);
    expect(await redis.zrange(indexKey, "0", "-1")).toEqual([`${tagPrefix}organisation:22`, `${tagPrefix}organisation:23`]);
    expect(await redis.ttl(`${tagPrefix}organisation:22`)).toBe(-1);
    await redis.quit();
  });

  it("keeps no 'not found': a page or a route answer with status 404 costs no key", async () => {
    const a = instance();
    const redis = new Redis(redisUrl);
    const before = (await redis.keys(`${prefix}:*`)).length;
    await a.set("/p/missing", { ...page("missing", "slug:missing"), status: 404 }, {});
    await a.set("/route/missing", { kind: "APP_ROUTE", body: Buffer.from("No such sitemap."), status: 404, headers: {} }, {});
    expect((await redis.keys(`${prefix}:*`)).length).toBe(before);
    expect(await a.get("/p/missing", pageContext)).toBeNull();
    await redis.quit();
  });

  it("does not take a moment its own event loop was busy for an outage of Redis", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    // The real timers: what is tested is the order in which Node runs a timer and a socket read.
    const a = instance(redisUrl, systemClock);
    await instance().set("/p/busy", page("busy", "organisation:17"), {});
    // Once in time (Redis has the read script, A holds the value), then with the loop busy.
    expect(await a.get("/p/busy", pageContext)).not.toBeNull();
    const asked = sent(a);
    const read = a.get("/p/busy", pageContext);
    await asked;
    // A render holding the event loop past the command timeout: Redis's reply waits in the socket
    // while the timeout, a timer, fires first.
    const until = Date.now() + 3 * commandTimeoutMs;
    while (Date.now() < until);
    expect(await read).not.toBeNull();
    expect(logged(errors, "Redis is unavailable")).toHaveLength(0);
    // Not paused as after an outage: the next read is served.
    expect(await a.get("/p/busy", pageContext)).not.toBeNull();
  });

  it("gives up on a Redis that answers, but later than the timeout, though earlier answers keep coming", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const clock = testClock();
    const a = instance(proxyUrl, clock);
    await a.set("/p/late", page("late", "organisation:18"), {});
    expect(await a.get("/p/late", pageContext)).not.toBeNull();
    // Slow but in time: Redis answers a read, its reply comes back 100 ms late...
    proxy.latency(100);
    const answered = proxy.replied();
    const early = a.get("/p/late", pageContext);
    await answered;
    // ...and Redis answers nothing more in time: the replies to the later reads wait in the proxy.
    proxy.set("slow");
    const late = [a.get("/p/late", pageContext), a.get("/p/late", pageContext), a.get("/p/late", pageContext)];
    // The answer to the earlier read comes after the later reads went out, before their timeout.
    expect(await early).not.toBeNull();
    clock.advance(commandTimeoutMs);
    expect(await Promise.all(late)).toEqual([null, null, null]);
    expect(logged(errors, "Redis is unavailable")).toHaveLength(1);
    // Known to be unavailable: the next requests do not ask it.
    for (let i = 0; i < 10; i++) expect(await withoutRedis(a, () => a.get("/p/late", pageContext))).toBeNull();
  });

  it("treats an entry it cannot decode, and a Redis error that is not an outage, as a miss, logged once, without pausing", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const a = instance();
    const redis = new Redis(redisUrl);
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
    const redis = new Redis(redisUrl);
    try {
      const key = `${prefix}:cache:dev:entry:/p/sixteen`;
      const stored = await redis.hmget(key, "id", "t");
      await a.set("/p/sixteen", served!.value, {});
      // Not written again (a new write gets a new version id and Redis's time).
      expect(await redis.hmget(key, "id", "t")).toEqual(stored);
      expect((await a.get("/p/sixteen", pageContext))!.lastModified).toBe(served!.lastModified);
    } finally {
      await redis.quit();
    }
  });
});
