// @ts-check
// What Next read from its ISR cache while it answered a request: the tags of the entries it got.
// server.js runs Next's handler inside `recordCacheReads` and sends the record with the answer to
// its front thread (lib/forward.js), where the front cache (lib/front-cache.js), which made a
// record of its own for the request, keeps the answer with the tags of what it was made from; both
// cache handlers report every entry they return. Next may load this module more than once (the server and the bundled route modules each
// import it), so the storage lives on globalThis.
import { AsyncLocalStorage } from "node:async_hooks";

/** @typedef {{ tags: Set<string>; entries: number }} CacheReads */

const storageKey = Symbol.for("prova.cacheReads");
/** @type {{ [storageKey]?: AsyncLocalStorage<CacheReads> }} */
const processState = /** @type {any} */ (globalThis);
const storage = (processState[storageKey] ??= new AsyncLocalStorage());

/**
 * Runs `fn` (Next handling a request) and records the cache entries read meanwhile. A read that
 * another request's handling served (Next shares one read between concurrent requests for the
 * same page) is recorded there, not here.
 * @template T
 * @param {() => T} fn
 * @returns {[CacheReads, T]}
 */
export function recordCacheReads(fn) {
  /** @type {CacheReads} */
  const reads = { tags: new Set(), entries: 0 };
  return [reads, storage.run(reads, fn)];
}

/** The record of the request under way (in `recordCacheReads`), if any. */
export function cacheReadsUnderWay() {
  return storage.getStore();
}

/**
 * Called by the cache handlers for every entry they return.
 * @param {string[]} tags
 */
export function reportCacheRead(tags) {
  const reads = storage.getStore();
  if (!reads) return;
  reads.entries++;
  for (const tag of tags) reads.tags.add(tag);
}

/**
 * The tags an entry depends on: pages and route responses carry theirs in their
 * `x-next-cache-tags` header, data cache entries (`unstable_cache`) in the context; the context's
 * soft tags are the page's implicit ones (its path and layouts).
 * @param {any} value the entry's value
 * @param {any} ctx
 * @returns {string[]}
 */
export function tagsOf(value, ctx) {
  const header = value?.headers?.["x-next-cache-tags"];
  const fromHeader = typeof header === "string" ? header.split(",") : [];
  return [...new Set([...fromHeader, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? []), ...(value?.tags ?? [])])].filter(Boolean);
}

/**
 * Whether Next may keep an entry. A "not found" costs no entry: made-up addresses (a crawler
 * guessing slugs) would otherwise fill the disk or Redis with one each.
 * @param {any} value
 */
export function storable(value) {
  return !((value?.kind === "APP_PAGE" || value?.kind === "APP_ROUTE") && value.status === 404);
}
