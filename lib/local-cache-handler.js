// @ts-check
// Next.js's ISR cache on one instance (`cacheHandler` in next.config.js without REDIS_URL): Next's
// own cache in memory and on disk, that also tells the front cache (lib/front-cache.js) of every
// invalidation by changing the generation it reads, and that serves only what this server process
// rendered itself. What the build prerendered (without a database: lib/build-phase.ts) or an
// earlier process stored, from whatever database it had, is never served: each page renders on
// its first request after a start and is cached from there.
import { FileSystemCache } from "./next-internals.js";

// Next may load this module more than once (the server and the bundled route modules each import
// it), so the state lives on globalThis.
const stateKey = Symbol.for("prova.localCacheGeneration");
/** @type {{ [stateKey]?: { generation: number; startedAt: number } }} */
const processState = /** @type {any} */ (globalThis);
const state = (processState[stateKey] ??= { generation: 0, startedAt: Date.now() });

/** The front cache's generation on this instance: changes with every invalidation. */
export function localGeneration() {
  return state.generation;
}

export default class LocalCacheHandler extends FileSystemCache {
  /** @param {Parameters<InstanceType<typeof FileSystemCache>["get"]>} args */
  async get(...args) {
    const entry = await super.get(...args);
    // Stored before this process started (file times have a resolution of a millisecond or more).
    if (entry && typeof entry.lastModified === "number" && entry.lastModified > 0 && entry.lastModified < state.startedAt) return null;
    return entry;
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    state.generation++;
  }
}
