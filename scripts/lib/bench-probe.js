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

const port = Number(process.env.BENCH_PROBE_PORT);
if (port) {
  createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ results: processState[cacheKey]?.counts ?? null, pages: processState[pagesKey]?.cache?.counts ?? null }));
  })
    .listen(port, "127.0.0.1")
    .unref();
}
