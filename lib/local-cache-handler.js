// @ts-check
// Next.js's ISR cache on one instance (`cacheHandler` in next.config.js without REDIS_URL): Next's
// own cache in memory and on disk, that tells the front cache (lib/front-cache.js) of every entry
// it reads and every invalidation, keeps no "not found", and serves only what this server process
// rendered itself. What the build prerendered (without a database: lib/build-phase.ts) or an
// earlier process stored, from whatever database it had, is never served: each page renders on
// its first request after a start and is cached from there.
import { reportCacheRead, storable, tagsOf } from "./cache-reads.js";
import { announceInvalidation } from "./invalidation-bridge.js";
import { FileSystemCache } from "./next-internals.js";
import { TagInvalidations } from "./tag-invalidations.js";

// Next may load this module more than once (the server and the bundled route modules each import
// it), so the state lives on globalThis.
const stateKey = Symbol.for("prova.localCacheState");
/** @type {{ [stateKey]?: { invalidations: TagInvalidations; startedAt: number } }} */
const processState = /** @type {any} */ (globalThis);
const state = (processState[stateKey] ??= { invalidations: new TagInvalidations(), startedAt: Date.now() });

/** This instance's invalidations, as the front cache asks about them. */
export const localInvalidations = state.invalidations;

export default class LocalCacheHandler extends FileSystemCache {
  /** @param {Parameters<InstanceType<typeof FileSystemCache>["get"]>} args */
  async get(...args) {
    const entry = await super.get(...args);
    // Stored before this process started (file times have a resolution of a millisecond or more).
    if (entry && typeof entry.lastModified === "number" && entry.lastModified > 0 && entry.lastModified < state.startedAt) return null;
    if (entry?.value) reportCacheRead(tagsOf(entry.value, args[1]));
    return entry;
  }

  /** @param {Parameters<InstanceType<typeof FileSystemCache>["set"]>} args */
  async set(...args) {
    if (!storable(args[1])) return;
    return super.set(...args);
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    state.invalidations.invalidate(list);
    announceInvalidation({ tags: list });
  }
}
