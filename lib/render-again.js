// @ts-check
// After a change, this instance renders the public pages it changed itself, right after answering,
// so that the first reader does not wait for the render: meanwhile the front cache gives readers
// the former answer (lib/front-cache.js), and the new one is in the shared cache for every
// instance sooner. The code that refreshes pages (lib/cache.ts revalidatePublic) names them with
// `renderAgain` while server.js handles the request in `collectRenderAgain`; Next may load this
// module more than once (the server and the bundled route modules), so the storage lives on
// globalThis. Only what a reader would ask for: a GET of a public page, over loopback.
import { AsyncLocalStorage } from "node:async_hooks";

/** @typedef {{ paths: Set<string>; tags: Set<string> }} RenderRequests */
/** @typedef {Pick<import("./tag-invalidations.js").InvalidationClock, "stamp" | "unchangedSince">} Clock */

const storageKey = Symbol.for("prova.renderAgain");
/** @type {{ [storageKey]?: AsyncLocalStorage<RenderRequests> }} */
const processState = /** @type {any} */ (globalThis);
const storage = (processState[storageKey] ??= new AsyncLocalStorage());

/** Pages rendered again after one request, at most. */
export const mostPaths = 20;
/** How long to wait for this request's invalidations to be visible before rendering (ms). */
const visibleWithinMs = 2_000;

/** A path of a public page this instance may ask itself for. @param {string} path */
export function isPublicPath(path) {
  return /^\/(?!\/|api\/|_next\/)[^\s?#\\]*$/.test(path) && path.length <= 300;
}

/**
 * Asks for these pages (whose tags are `tags`, just invalidated) to be rendered again once the
 * request under way has been answered. Outside a request handled by server.js it does nothing.
 * @param {Iterable<string>} paths
 * @param {Iterable<string>} tags
 */
export function renderAgain(paths, tags) {
  const requests = storage.getStore();
  if (!requests) return;
  for (const path of paths) if (isPublicPath(path) && requests.paths.size < mostPaths) requests.paths.add(path);
  for (const tag of tags) requests.tags.add(tag);
}

/**
 * Runs `fn` (the handling of a request) and, once `res` has finished, renders again the pages it
 * asked for: after its invalidations are visible to `clock` (a route handler's are written after
 * its answer), one at a time, through `origin` (this server: the front cache and Next).
 * @template T
 * @param {import("node:http").ServerResponse} res
 * @param {{ origin: string; clock: Clock; fetch?: typeof fetch }} options
 * @param {() => T} fn
 * @returns {T}
 */
export function collectRenderAgain(res, { origin, clock, fetch = globalThis.fetch }, fn) {
  /** @type {RenderRequests} */
  const requests = { paths: new Set(), tags: new Set() };
  const stampBefore = clock.stamp();
  res.once("finish", () => {
    if (requests.paths.size === 0) return;
    void (async () => {
      const before = await stampBefore;
      const tags = [...requests.tags];
      if (before !== null && tags.length > 0) {
        const until = Date.now() + visibleWithinMs;
        while ((await clock.unchangedSince(tags, before)) === true && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (const path of requests.paths) {
        await fetch(origin + path, { redirect: "manual", signal: AbortSignal.timeout(10_000) })
          .then((response) => response.arrayBuffer())
          .catch(() => {});
      }
    })();
  });
  return storage.run(requests, fn);
}
