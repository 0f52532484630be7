// @ts-check
// Every place the app relies on something of Next.js that its documentation does not promise, in
// one module: names of headers and cookies read or kept by the front cache and the edge, the
// empty error document, and the file-system ISR cache the local cache handler extends. One is
// elsewhere because it must be bundled with the pages that use it: lib/cache.ts's tagPage adds
// tags to the store of the render under way (workUnitAsyncStorage), which Next stores with the page.
// next-internals.test.ts checks each against the installed Next, so an upgrade that changes one
// fails there, by name, before anything else does.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The answer header that says whether Next served from its ISR cache ("HIT", "STALE", "MISS"). */
export const cacheStatusHeader = "x-nextjs-cache";

/** The cookie that turns draft mode on (answers for it are never kept). */
export const draftModeCookie = "__prerender_bypass";

/** The request header of an on-demand revalidation (Next renders afresh: never answered from a cache). */
export const revalidateHeader = "x-prerender-revalidate";

/** The request header of a server action call. */
export const serverActionHeader = "next-action";

/** The request header of an RSC request (a client navigation asks for the payload, not HTML). */
export const rscHeader = "rsc";

/**
 * The opening tag of the empty document Next sends when a page rendered per request fails, or
 * calls notFound() or forbidden(), before it has streamed anything; its client script then
 * renders the page from scratch (createRoot), not by hydration (lib/error-shell.js).
 */
export const errorShellMarker = '<html id="__next_error__">';

/** Next's own ISR cache in memory and on disk, which lib/local-cache-handler.js extends. */
/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
export const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

/**
 * Whether the memory of Next's file-system cache (an LRU every instance of the class shares, made
 * by the first one constructed with a `maxMemoryCacheSize`) holds the entry at `key`.
 * @param {string} key
 */
export function heldInMemory(key) {
  /** @type {{ memoryCache?: { has(key: string): boolean } }} */
  const shared = /** @type {any} */ (FileSystemCache);
  return shared.memoryCache?.has(key) ?? false;
}
