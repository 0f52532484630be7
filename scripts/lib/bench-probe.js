// @ts-check
// Loaded into a server process of `npm run bench` before server.js (`node --import`), to see
// inside the search caches without a route of their own: the results of searches
// (lib/data/search/index.ts keeps its cache on globalThis, one per process) and the pages
// (lib/search-pages.js, the instance server.js made):
// - BENCH_PROBE_PORT: answers GET on 127.0.0.1 at that port with both caches' counts as JSON
//   ({ results, pages }, each { hits, misses, uncached } or null), for the hit rates of a run;
// - BENCH_SEARCH_CACHE=off: puts a results cache that keeps nothing in place of the app's before
//   it makes one, so every search is computed (pages are asked for with `Cache-Control:
//   no-cache`, which the page cache leaves to Next).
import { createServer } from "node:http";
import { BroadcastChannel, isMainThread } from "node:worker_threads";

const cacheKey = Symbol.for("prova.searchResultCache");
const pagesKey = Symbol.for("prova.searchPages");
/** @type {Record<symbol, { counts: Record<string, number>; get?: unknown; cache?: { counts: Record<string, number> } } | undefined>} */
const processState = /** @type {any} */ (globalThis);

if (process.env.BENCH_SEARCH_CACHE === "off") {
  const counts = { hits: 0, misses: 0, uncached: 0 };
  processState[cacheKey] = {
    counts,
    /** @param {string} _key @param {() => Promise<unknown>} compute */
    get: (_key, compute) => {
      counts.uncached++;
      return compute();
    },
  };
}

// server.js keeps the pages in its front thread (which loads this module too: a worker takes its
// parent's --import) and the results in Next's, the main thread: the main thread asks the front
// thread for its counts on a BroadcastChannel.
const channel = new BroadcastChannel("prova-bench-probe");
channel.unref();
if (!isMainThread) {
  channel.onmessage = (event) => {
    if (event.data === "ask") channel.postMessage({ pages: processState[pagesKey]?.cache?.counts ?? null });
  };
}

/** The front thread's counts of kept pages (null without an answer within a second). */
function pagesCounts() {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 1000);
    channel.onmessage = (event) => {
      clearTimeout(timer);
      resolve(/** @type {any} */ (event.data).pages);
    };
    channel.postMessage("ask");
  });
}

const port = Number(process.env.BENCH_PROBE_PORT);
if (port && isMainThread) {
  createServer(async (_request, response) => {
    const pages = await pagesCounts();
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ results: processState[cacheKey]?.counts ?? null, pages }));
  })
    .listen(port, "127.0.0.1")
    .unref();
}
