// @ts-check
// Next.js's ISR cache (`cacheHandler` in next.config.js) in Redis, shared by every instance.
// Enabled by REDIS_URL; without it Next keeps its own per-instance cache on disk and in memory.
//
// - An entry is a Redis hash: the serialized value (node:v8, which keeps Buffers and Maps; a
//   page's HTML as UTF-8 bytes), its tags, the time it was stored and a random version id, with a
//   time to live.
// - `revalidateTag` stores, per tag, the time it was invalidated. An entry is a miss when one of
//   its tags was invalidated at or after the time its render began: a render that read the
//   database just before a change was committed and stored its result just after must not be
//   served. The render began after this process's miss for the key (Next renders after a miss),
//   whose time the read script takes from Redis's clock, as the invalidations' are: exact, however
//   long the render or the round trips; without one (a regeneration in the background)
//   `unknownRenderMs` before it was stored. One round trip per read (lib/redis-cache/scripts.js).
// - Each instance keeps the values it has seen (lib/redis-cache/local-values.js); a read sends the
//   version it holds and gets the value back only when it changed.
// - Redis unavailable or slow: reads are misses (pages are rendered fresh), writes are dropped
//   (lib/redis-cache/connection.js). Invalidations are retried until written, and meanwhile this
//   instance serves nothing from the cache (lib/redis-cache/invalidations.js).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { isMainThread } from "node:worker_threads";
import { reportCacheRead, storable, tagsOf } from "./cache-reads.js";
import { Connection } from "./redis-cache/connection.js";
import { Invalidations } from "./redis-cache/invalidations.js";
import { LocalValues } from "./redis-cache/local-values.js";
import { longestKeptMs } from "./tag-invalidations.js";

/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandler} CacheHandler */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerValue} CacheHandlerValue */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} CacheHandlerContext */

/** How long an entry is kept after it was last stored (a page not asked for in a day renders again). */
export const entryTtlSeconds = 24 * 60 * 60;
/** A render with no miss recorded before it is taken to have begun this long before it was stored. */
export const unknownRenderMs = 5_000;
/** Misses remembered per process, for the renders that follow them. */
const missesKept = 10_000;

/**
 * node:v8 writes a string with any character past U+00FF in UTF-16: a page in a language other
 * than English (or with one typographic quote) would take twice its UTF-8 size in Redis.
 * @param {{ value: any; cacheControl: unknown }} stored
 */
function packed(stored) {
  const html = stored.value?.html;
  return typeof html === "string" ? { ...stored, value: { ...stored.value, html: null }, html: Buffer.from(html, "utf8") } : stored;
}

/** @param {{ value: any; cacheControl: unknown; html?: Buffer }} stored */
function unpacked({ html, ...stored }) {
  return html ? { ...stored, value: { ...stored.value, html: html.toString("utf8") } } : stored;
}

/**
 * @typedef {import("./redis-cache/connection.js").ConnectionOptions & { url: string; prefix: string; pendingRetryMs?: number }} SharedCacheOptions
 */

/** The connection and state of one process, shared by the handlers Next creates per request. */
export class SharedCache {
  /** @param {SharedCacheOptions} options */
  constructor({ url, prefix, pendingRetryMs, ...connectionOptions }) {
    this.prefix = prefix;
    this.tagPrefix = `${prefix}:tag:`;
    this.connection = new Connection(url, connectionOptions);
    this.invalidations = new Invalidations(this.connection, {
      tagPrefix: this.tagPrefix,
      indexKey: `${prefix}:invalidations`,
      channel: `${prefix}:invalidated`,
      // Kept longer than any entry lives (and than the grace after them).
      keepMs: entryTtlSeconds * 1000 + 60 * 60_000,
      // The copy in memory answers for what the front cache keeps (at most longestKeptMs).
      mirrorKeepMs: 2 * longestKeptMs,
      pendingRetryMs,
    });
    this.local = new LocalValues();
    /** When this process last missed each key (its clock), oldest first. @type {Map<string, number>} */
    this.misses = new Map();
  }

  /** A read of `key` (by Redis's clock, ms): a render that follows it began after it. @param {string} key @param {number} at */
  read(key, at) {
    this.misses.delete(key);
    this.misses.set(key, at);
    if (this.misses.size > missesKept) this.misses.delete(/** @type {string} */ (this.misses.keys().next().value));
  }

  /** When the render now being stored began, by Redis's clock; -1 when no read is known. @param {string} key */
  renderBegan(key) {
    const readAt = this.misses.get(key);
    this.misses.delete(key);
    return readAt ?? -1;
  }
}

// One connection per process: Next may load this module more than once (the server and the
// bundled route modules each import it), so the state lives on globalThis.
const sharedKey = Symbol.for("prova.redisCache");
/** @type {{ [sharedKey]?: SharedCache }} */
const processState = /** @type {any} */ (globalThis);

/** This process's connection and state, made on first use. */
function sharedCache() {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error("The Redis cache handler needs REDIS_URL.");
  // server.js's front thread has a connection of its own, for the invalidations only: Next's
  // thread logs the outages.
  return (processState[sharedKey] ??= new SharedCache({ url, prefix: `${process.env.CACHE_KEY_PREFIX || "prova"}:cache`, silent: !isMainThread }));
}

/** @type {import("./tag-invalidations.js").InvalidationClock} */
export const sharedInvalidations = {
  stamp: () => sharedCache().invalidations.stamp(),
  unchangedSince: (tags, stamp) => sharedCache().invalidations.unchangedSince(tags, stamp),
};

/**
 * Records an invalidation another thread of this process wrote (server.js's front thread hears of
 * Next's thread's at once, before Redis's message comes back).
 * @param {number} at Redis's time of it
 * @param {string[]} tags
 */
export function recordSharedInvalidation(at, tags) {
  sharedCache().invalidations.mirror.record(at, tags);
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

/** @implements {CacheHandler} */
export default class RedisCacheHandler {
  /**
   * @param {CacheHandlerContext} context
   * @param {SharedCache} [shared] this process's (tests make one per simulated process)
   */
  constructor(context, shared = sharedCache()) {
    this.shared = shared;
    this.entryPrefix = `${shared.prefix}:${buildId(context.serverDistDir)}:entry:`;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const { connection, local, tagPrefix } = this.shared;
    // Forgotten first: a render after a read that fails counts as begun `unknownRenderMs` before it is stored.
    this.shared.renderBegan(key);
    if (!(await this.shared.invalidations.readable())) return null;
    const known = local.get(key);
    const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    const reply = await connection.attempt(
      () => connection.client.readEntryBuffer(this.entryPrefix + key, tagPrefix, known?.version ?? "", ...tags),
      null,
    );
    if (!reply) {
      local.forget(key);
      return null;
    }
    this.shared.read(key, Number(reply[0].toString()));
    if (reply.length === 1) {
      local.forget(key);
      return null;
    }
    const version = /** @type {Buffer} */ (reply[1]).toString();
    const storedAt = Number(/** @type {Buffer} */ (reply[2]).toString());
    const serialized = reply[3];
    /** @type {any} */
    let stored;
    if (serialized) {
      try {
        stored = unpacked(deserialize(serialized));
      } catch (error) {
        // Written by another Node.js version, or cut short: a miss, replaced by the next render.
        connection.refused(/** @type {Error} */ (error));
        local.forget(key);
        return null;
      }
      local.remember(key, version, stored, serialized.length);
    } else if (known) {
      stored = known.value;
    } else {
      return null;
    }
    this.shared.misses.delete(key);
    reportCacheRead(tagsOf(/** @type {any} */ (stored).value, ctx));
    return { lastModified: storedAt, value: stored.value, cacheControl: stored.cacheControl };
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    const { connection, local } = this.shared;
    if (!connection.usable() || !storable(data)) return;
    // Next stores the entry it was serving again when a regeneration fails: keep its time, or
    // content from before an invalidation would count as new.
    const known = local.get(key);
    if (data !== null && known && /** @type {any} */ (known.value).value === data) return;
    const stored = { value: data, cacheControl: ctx?.cacheControl };
    const serialized = serialize(packed(stored));
    const version = randomUUID();
    const tags = tagsOf(data, ctx).join(",");
    const began = this.shared.renderBegan(key);
    const written = await connection.attempt(
      () => connection.client.writeEntry(this.entryPrefix + key, serialized, version, tags, entryTtlSeconds, began, unknownRenderMs).then(() => true),
      false,
    );
    if (written) local.remember(key, version, stored, serialized.length);
    else local.forget(key);
  }

  /**
   * Every invalidation expires at once: the product calls it right after a change was committed.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    if (list.length === 0) return;
    // Tried even during the pause after a failure; retried until written when it fails.
    await this.shared.invalidations.write(list);
  }

  resetRequestCache() {}
}
