// @ts-check
// Next.js's ISR cache on one instance (`cacheHandler` in next.config.js without REDIS_URL): Next's
// own cache, in memory only (an LRU of `cacheMaxMemorySize`, Next's 50 MB by default), that tells
// the front cache (lib/front-cache.js) of every entry it reads and every invalidation, and keeps
// no "not found". Nothing is written to disk or read from it: a disk copy would grow with every
// page ever rendered (a crawler walking a million listings would leave tens of gigabytes), its
// reads and writes cost a cold render more than the render's own queries,
// and what the build prerendered (without a database: lib/build-phase.ts) or an earlier process
// stored, from whatever database it had, must not be served anyway. Each page renders on its first
// request after a start, and again when the LRU has let it go.
import { reportCacheRead, storable, tagsOf } from "./cache-reads.js";
import { announceInvalidation } from "./invalidation-bridge.js";
import { FileSystemCache, heldInMemory } from "./next-internals.js";
import { TagInvalidations } from "./tag-invalidations.js";

// Next may load this module more than once (the server and the bundled route modules each import
// it), so the state lives on globalThis.
const stateKey = Symbol.for("prova.localCacheState");
/** @type {{ [stateKey]?: { invalidations: TagInvalidations } }} */
const processState = /** @type {any} */ (globalThis);
const state = (processState[stateKey] ??= { invalidations: new TagInvalidations() });

/** This instance's invalidations, as the front cache asks about them. */
export const localInvalidations = state.invalidations;

export default class LocalCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} ctx */
  constructor(ctx) {
    super({ ...ctx, flushToDisk: false });
  }

  /** @param {Parameters<InstanceType<typeof FileSystemCache>["get"]>} args */
  async get(...args) {
    // Next's get reads the disk when its memory misses: not here.
    if (!heldInMemory(args[0])) return null;
    const entry = await super.get(...args);
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
