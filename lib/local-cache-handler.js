// @ts-check
// Next.js's ISR cache on one instance (`cacheHandler` in next.config.js without REDIS_URL): Next's
// own cache in memory and on disk, unchanged, that also tells the front cache (lib/front-cache.js)
// of every invalidation by changing the generation it reads.
import { FileSystemCache } from "./next-internals.js";

// Next may load this module more than once (the server and the bundled route modules each import
// it), so the generation lives on globalThis.
const stateKey = Symbol.for("prova.localCacheGeneration");
/** @type {{ [stateKey]?: { generation: number } }} */
const processState = /** @type {any} */ (globalThis);
const state = (processState[stateKey] ??= { generation: 0 });

/** The front cache's generation on this instance: changes with every invalidation. */
export function localGeneration() {
  return state.generation;
}

export default class LocalCacheHandler extends FileSystemCache {
  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    state.generation++;
  }
}
