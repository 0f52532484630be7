// @ts-check
// Next.js's ISR cache (`cacheHandler` in next.config.js) in Redis, shared by every instance.
// Enabled by REDIS_URL; without it Next keeps its own per-instance cache on disk and in memory.
//
// - An entry is a Redis hash: the serialized value (node:v8, which keeps Buffers and Maps), its
//   tags, the time it was stored and a random version id, with a time to live.
// - `revalidateTag` stores, per tag, the time it was invalidated (plain keys, no TTL). An entry is
//   a miss when one of its tags was invalidated after it was stored, or less than `renderGraceMs`
//   before: a render that read the database just before a change was committed and stored its
//   result just after must not be served. Both times come from Redis's clock (Lua `TIME`), so
//   instances on different machines agree. One round trip per read (a Lua script).
// - Each instance keeps the values it has seen; a read sends the version it holds and gets the
//   value back only when it changed.
// - Redis unavailable or slow: reads are misses (pages are rendered fresh), writes are dropped.
//   An invalidation that cannot be written is retried every half second, and until it is written
//   this instance serves nothing from the cache (other instances cannot know of it: see README).
//   Short timeouts, a connection that stops answering is dropped and made again, one log line
//   when Redis goes and one when it comes back (a reply that came while the event loop was busy
//   past the timeout is not an outage). Redis errors that are not an outage (out of
//   memory, a wrong key type) are logged once each and count as a miss.
// - Every invalidation also gives the front cache's generation (lib/front-cache.js) a new value, in
//   the same script, so the front cache of every instance stops serving what it holds.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { Redis, ReplyError } from "ioredis";

/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandler} CacheHandler */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerValue} CacheHandlerValue */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} CacheHandlerContext */

/** How long an entry is kept after it was last stored (a page not asked for in a day renders again). */
export const entryTtlSeconds = 24 * 60 * 60;
/** Entries stored within this long after one of their tags was invalidated are not served. */
export const renderGraceMs = 5_000;
/** No Redis command may hold a request longer than this. */
const commandTimeoutMs = 300;
/** A connection with commands waiting and nothing received for this long is dropped and made again. */
const socketTimeoutMs = 1_000;
/** After a failure, reads and writes leave Redis alone this long before trying it again. */
const retryAfterMs = 2_000;
/** Invalidations that could not be written are tried again this often. */
const pendingRetryMs = 500;
/** Values kept in this process, by total serialized size. */
const localBudgetBytes = 64 * 1024 * 1024;

const readScript = `
local e = redis.call('HMGET', KEYS[1], 'id', 't', 'tags')
if not e[1] then return false end
local stored = tonumber(e[2])
local newest = 0
local function check(tag)
  local at = redis.call('GET', ARGV[1] .. tag)
  if at and tonumber(at) > newest then newest = tonumber(at) end
end
if e[3] then for tag in string.gmatch(e[3], '[^,]+') do check(tag) end end
for i = 4, #ARGV do check(ARGV[i]) end
if newest > 0 and stored < newest + tonumber(ARGV[3]) then return false end
if e[1] == ARGV[2] then return {e[1], e[2]} end
return {e[1], e[2], redis.call('HGET', KEYS[1], 'v')}`;

const writeScript = `
local now = redis.call('TIME')
local t = string.format('%.0f', now[1] * 1000 + math.floor(now[2] / 1000))
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'id', ARGV[2], 't', t, 'tags', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return t`;

// KEYS[1] is the front cache's generation (lib/front-cache.js), given a new random value; the
// others are tags.
const invalidateScript = `
local now = redis.call('TIME')
local t = string.format('%.0f', now[1] * 1000 + math.floor(now[2] / 1000))
redis.call('SET', KEYS[1], ARGV[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], t) end
return t`;

/**
 * @typedef {Redis & {
 *   readEntryBuffer(key: string, tagPrefix: string, version: string, graceMs: number, ...tags: string[]): Promise<[Buffer, Buffer, Buffer?] | null>;
 *   writeEntry(key: string, value: Buffer, version: string, tags: string, ttl: number): Promise<string>;
 *   invalidateTags(count: number, ...keysAndGeneration: string[]): Promise<string>;
 * }} CacheClient
 */

/** The shared connection and state of this process (Next creates a handler per request). */
class Shared {
  /** @param {string} url @param {string} prefix */
  constructor(url, prefix) {
    this.prefix = prefix;
    this.tagPrefix = `${prefix}:tag:`;
    this.generationKey = `${prefix}:generation`;
    this.available = true;
    /** While Redis is unavailable: when a request may try it again. */
    this.retryAt = 0;
    /** Tags invalidated while Redis could not take it, written as soon as it can. */
    this.pendingTags = new Set();
    /** @type {NodeJS.Timeout | undefined} */
    this.pendingTimer = undefined;
    /** Commands sent, and the latest of them that Redis answered (see attempt). */
    this.sent = 0;
    this.answered = 0;
    /** Messages of Redis errors already logged (errors that are not an outage). */
    this.loggedErrors = new Set();
    /** @type {Map<string, { version: string; value: unknown; size: number }>} */
    this.local = new Map();
    this.localBytes = 0;
    // Commands are given up on after commandTimeoutMs by attempt(), not by ioredis (see there).
    const client = new Redis(url, {
      socketTimeout: socketTimeoutMs,
      connectTimeout: 1_000,
      // Fail at once while disconnected instead of queueing requests behind a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      lazyConnect: false,
    });
    client.defineCommand("readEntry", { numberOfKeys: 1, lua: readScript });
    client.defineCommand("writeEntry", { numberOfKeys: 1, lua: writeScript });
    client.defineCommand("invalidateTags", { lua: invalidateScript });
    // Connection errors are reported through the commands that fail; one line per outage.
    client.on("error", (error) => this.failed(error));
    // The first requests of a starting server wait (briefly) for the first connection.
    this.connected = false;
    this.firstConnection = new Promise((resolve) => {
      client.once("ready", resolve);
      setTimeout(resolve, 1_000).unref();
    });
    client.on("ready", () => {
      this.connected = true;
      this.retryAt = 0;
      void this.flushPendingTags();
    });
    this.client = /** @type {CacheClient} */ (client);
  }

  /** @param {unknown} error */
  failed(error) {
    this.retryAt = Date.now() + retryAfterMs;
    if (!this.available) return;
    this.available = false;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[cache] Redis is unavailable (${reason}): pages are rendered without the shared cache until it returns.`);
  }

  recovered() {
    if (this.available) return;
    this.available = true;
    console.error("[cache] Redis is available again: the shared cache is in use.");
    void this.flushPendingTags();
  }

  /**
   * Whether a read may go to Redis: not in the pause after a failure, and no invalidation of this
   * instance left unwritten (until it is, nothing cached may be served).
   */
  async readable() {
    if (!this.usable()) return false;
    return this.pendingTags.size === 0 || this.flushPendingTags();
  }

  /** False while Redis is known to be unavailable and not yet due for another try. */
  usable() {
    return this.available || Date.now() >= this.retryAt;
  }

  /**
   * Runs a Redis call; on failure reports the outage once and returns `fallback`.
   * @template T
   * @param {() => Promise<T>} call
   * @param {T} fallback
   * @returns {Promise<T>}
   */
  async attempt(call, fallback) {
    if (!this.connected) await this.firstConnection;
    const sent = ++this.sent;
    try {
      const result = await withinTimeout(call());
      this.answered = Math.max(this.answered, sent);
      this.recovered();
      return result;
    } catch (error) {
      if (error instanceof ReplyError) this.refused(/** @type {Error} */ (error));
      // A command sent before one that Redis has since answered fails late (a timeout across a
      // reconnection): no news of an outage.
      else if (sent > this.answered) this.failed(error);
      return fallback;
    }
  }

  /** Redis answered with an error (out of memory, a wrong type): not an outage. @param {Error} error */
  refused(error) {
    if (this.loggedErrors.has(error.message)) return;
    this.loggedErrors.add(error.message);
    console.error(`[cache] Redis refused a command (${error.message}): treated as a miss.`);
  }

  /**
   * Writes the invalidations that could not be written yet; true when none is left. Tried on a
   * timer whatever the pause after a failure, on reconnection, and on reads outside that pause
   * (within it a read serves nothing without waiting for Redis).
   */
  async flushPendingTags() {
    if (this.pendingTags.size === 0) return true;
    const tags = [...this.pendingTags];
    const written = await this.invalidate(tags);
    if (written) for (const tag of tags) this.pendingTags.delete(tag);
    return written;
  }

  /** @param {string[]} tags */
  async invalidate(tags) {
    const written = await this.attempt(
      () =>
        this.client
          .invalidateTags(tags.length + 1, this.generationKey, ...tags.map((tag) => this.tagPrefix + tag), randomUUID())
          .then(() => true),
      false,
    );
    if (!written) {
      for (const tag of tags) this.pendingTags.add(tag);
      this.pendingTimer ??= setInterval(() => {
        void this.flushPendingTags().then((done) => {
          if (done && this.pendingTimer) {
            clearInterval(this.pendingTimer);
            this.pendingTimer = undefined;
          }
        });
      }, pendingRetryMs).unref();
    }
    return written;
  }

  /**
   * The front cache's generation (lib/front-cache.js): a random value that every invalidation on
   * any instance replaces ("none" before the first). Null while it cannot be known: Redis
   * unavailable, or an invalidation of this instance not written yet.
   * @returns {Promise<string | null>}
   */
  async generation() {
    if (!(await this.readable())) return null;
    return this.attempt(() => this.client.get(this.generationKey).then((value) => value ?? "none"), null);
  }

  /** @param {string} key @param {string} version @param {unknown} value @param {number} size */
  remember(key, version, value, size) {
    this.forget(key);
    if (size > localBudgetBytes / 8) return;
    this.local.set(key, { version, value, size });
    this.localBytes += size;
    // Maps iterate in insertion order: drop the oldest until the budget holds.
    for (const [oldest, entry] of this.local) {
      if (this.localBytes <= localBudgetBytes) break;
      this.local.delete(oldest);
      this.localBytes -= entry.size;
    }
  }

  /** @param {string} key */
  forget(key) {
    const entry = this.local.get(key);
    if (!entry) return;
    this.local.delete(key);
    this.localBytes -= entry.size;
  }
}

// One connection per process: Next may load this module more than once (the server and the
// bundled route modules each import it), so the state lives on globalThis.
const sharedKey = Symbol.for("prova.redisCache");
/** @type {{ [sharedKey]?: Shared }} */
const processState = /** @type {any} */ (globalThis);

/** This process's connection and state, made on first use. */
function sharedState() {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error("The Redis cache handler needs REDIS_URL.");
  return (processState[sharedKey] ??= new Shared(url, `${process.env.CACHE_KEY_PREFIX || "prova"}:cache`));
}

/** The front cache's generation, shared by every instance (Shared#generation). */
export function sharedGeneration() {
  return sharedState().generation();
}

/** @type {Map<string, string>} */
const buildIds = new Map();

/** @param {string | undefined} serverDistDir */
function buildId(serverDistDir) {
  if (!serverDistDir) return "dev";
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      id = "dev";
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

/**
 * The tags an entry carries: pages and route responses in their `x-next-cache-tags` header,
 * data cache entries (`unstable_cache`) in the context.
 * @param {any} data
 * @param {any} ctx
 * @returns {string[]}
 */
function tagsOf(data, ctx) {
  const header = data?.headers?.["x-next-cache-tags"];
  const fromHeader = typeof header === "string" ? header.split(",") : [];
  return [...new Set([...fromHeader, ...(ctx?.tags ?? []), ...(data?.tags ?? [])])].filter(Boolean);
}

/**
 * A Redis call's answer, or a timeout error after commandTimeoutMs. The timeout is a timer, and
 * when a render held the event loop past it, it fires before the loop reads the reply that came
 * meanwhile: so it is given effect only after that read (setImmediate runs after the loop's poll
 * phase), and a reply already there wins. (ioredis's own commandTimeout rejects at once.)
 * @template T
 * @param {Promise<T>} call
 * @returns {Promise<T>}
 */
function withinTimeout(call) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => reject(new Error(`No answer from Redis within ${commandTimeoutMs} ms`))), commandTimeoutMs);
    call.then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** @implements {CacheHandler} */
export default class RedisCacheHandler {
  /** @param {CacheHandlerContext} context */
  constructor(context) {
    const shared = sharedState();
    this.shared = shared;
    this.entryPrefix = `${shared.prefix}:${buildId(context.serverDistDir)}:entry:`;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const shared = this.shared;
    if (!(await shared.readable())) return null;
    const known = shared.local.get(key);
    const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    const reply = await shared.attempt(
      () => shared.client.readEntryBuffer(this.entryPrefix + key, shared.tagPrefix, known?.version ?? "", renderGraceMs, ...tags),
      null,
    );
    if (!reply) {
      shared.forget(key);
      return null;
    }
    const version = reply[0].toString();
    const storedAt = Number(reply[1].toString());
    const serialized = reply[2];
    let stored;
    if (serialized) {
      try {
        stored = deserialize(serialized);
      } catch (error) {
        // Written by another Node.js version, or cut short: a miss, replaced by the next render.
        shared.refused(/** @type {Error} */ (error));
        shared.forget(key);
        return null;
      }
      shared.remember(key, version, stored, serialized.length);
    } else if (known) {
      stored = known.value;
    } else {
      return null;
    }
    return { lastModified: storedAt, value: stored.value, cacheControl: stored.cacheControl };
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    const shared = this.shared;
    if (!shared.usable()) return;
    // Next stores the entry it was serving again when a regeneration fails: keep its time, or
    // content from before an invalidation would count as new.
    const known = shared.local.get(key);
    if (data !== null && known && /** @type {any} */ (known.value).value === data) return;
    const stored = { value: data, cacheControl: ctx?.cacheControl };
    const serialized = serialize(stored);
    const version = randomUUID();
    const tags = tagsOf(data, ctx).join(",");
    const written = await shared.attempt(
      () => shared.client.writeEntry(this.entryPrefix + key, serialized, version, tags, entryTtlSeconds).then(() => true),
      false,
    );
    if (written) shared.remember(key, version, stored, serialized.length);
    else shared.forget(key);
  }

  /**
   * Every invalidation expires at once: the product calls it right after a change was committed.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    if (list.length === 0) return;
    // Tried even during the pause after a failure; retried until written when it fails.
    await this.shared.invalidate(list);
  }

  resetRequestCache() {}
}
