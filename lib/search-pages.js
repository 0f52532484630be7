// @ts-check
// Pages of search results answered again from memory, ahead of Next: /search is rendered per
// request, and a render costs milliseconds of CPU however little the search itself costs (Next's
// pipeline, the React render of the page and of its RSC payload: docs/performance.md, "Search").
// server.js's front thread hands every request to `handle` before the front cache. Kept: what Next answered to
// a plain GET of /<language>/search (a document, not a client navigation's RSC payload) with a 200 and no
// Set-Cookie, per address (the query as typed, which the page shows), for a short time and only
// while none of the cache tags search results depend on has been invalidated since the search
// began, here or (with Redis) on any instance. A request for the same page while it is rendered
// waits for that render.
// - Every answer gets a nonce of its own, as a render would (proxy.ts): the kept page's nonce is
//   replaced, in its Content-Security-Policy, its other headers and its body, by a new one.
// - Kept uncompressed (one answer for every client), and gzipped for a client that takes it.
import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import { draftModeCookie, revalidateHeader, rscHeader, serverActionHeader } from "./next-internals.js";
import { copyResponse } from "./response-copy.js";
import { SearchResultCache } from "./search-result-cache.js";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {(req: IncomingMessage, res: ServerResponse) => Promise<void>} Handler */
/** @typedef {import("./tag-invalidations.js").InvalidationClock} InvalidationClock */
/** @typedef {{ headers: Record<string, string | string[] | number>; body: Buffer; nonce: string | null }} Answer */

/** The tags of what a page of search results shows (lib/cache-tags.ts: `public`, `search`, `countries`). */
export const searchPageTags = ["public", "search", "countries"];

/** Request headers of Next's client router: such a request wants an RSC payload that depends on them. */
const routerHeaders = [rscHeader, "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];

/** A page larger than this is not kept (a page of results is 20-90 KB). */
const largestPageBytes = 1024 * 1024;
/** Counted for the headers of an answer. */
const headerAllowanceBytes = 2048;

/**
 * Whether a request is one whose answer is kept: a plain GET of /search, not a client
 * navigation, not asking for a fresh answer, no credentials, no draft mode, no range.
 * @param {IncomingMessage} req
 */
export function keptRequest(req) {
  if (req.method !== "GET") return false;
  const pathname = (req.url ?? "").split("?")[0];
  if (!/^\/[a-z]{2}\/search$/.test(pathname)) return false;
  const headers = req.headers;
  if (routerHeaders.some((name) => headers[name] !== undefined)) return false;
  if (headers.range || headers.authorization || headers[serverActionHeader] || headers[revalidateHeader]) return false;
  if (headers.cookie?.includes(draftModeCookie)) return false;
  return !/\bno-cache\b/i.test(String(headers["cache-control"] ?? "")) && !/\bno-cache\b/i.test(String(headers.pragma ?? ""));
}

export class SearchPages {
  /**
   * @param {{
   *   invalidations: InvalidationClock;
   *   tags?: string[];
   *   maxEntries?: number;
   *   maxBytes?: number;
   *   ttlMs?: number;
   *   now?: () => number;
   * }} options
   */
  constructor({ invalidations, tags = searchPageTags, maxEntries = 1_000, maxBytes = 32 * 1024 * 1024, ttlMs = 30_000, now }) {
    // The instance server.js made, where `npm run bench`'s probe reads its counts.
    /** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("prova.searchPages")] = this;
    /** @type {SearchResultCache<Answer | null, number>} */
    this.cache = new SearchResultCache({
      maxEntries,
      maxBytes,
      ttlMs,
      now,
      stamp: async () => (await invalidations.stamp()) ?? null,
      stillValid: async (stamp) => (await invalidations.unchangedSince(tags, stamp)) === true,
      // An answer that may not be kept is null, and measures more than any budget.
      sizeOf: (answer) => (answer ? answer.body.length + headerAllowanceBytes : Infinity),
    });
  }

  /**
   * Answers a kept request from memory, or hands it to `handle` (Next) and keeps the answer.
   * Null for a request it does not keep (the caller goes on as without it).
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {Handler} handle
   * @returns {Promise<void> | null}
   */
  handle(req, res, handle) {
    if (!keptRequest(req)) return null;
    return this.answer(req, res, handle);
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {Handler} handle
   */
  async answer(req, res, handle) {
    let handled = false;
    /** @type {{ error: unknown } | null} */
    let failed = null;
    const answer = await this.cache.get(/** @type {string} */ (req.url), () => {
      handled = true;
      return capture(req, res, handle, (error) => (failed = { error }));
    });
    // This request's own render: its failure is the caller's to answer (requests waiting for it
    // got null and render their own).
    if (failed) throw (/** @type {{ error: unknown }} */ (failed)).error;
    if (handled) return;
    // Another request's render, which could not be kept (an error, a cookie): render this one.
    if (!answer) return handle(req, res);
    send(answer, req, res);
  }
}

/**
 * A kept answer with a new nonce, gzipped when the client takes it.
 * @param {Answer} answer
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
function send(answer, req, res) {
  /** @type {Record<string, string | string[] | number>} */
  let headers = answer.headers;
  let body = answer.body;
  if (answer.nonce) {
    const { nonce } = answer;
    // As proxy.ts makes them: 16 random bytes, in base64.
    const fresh = randomBytes(16).toString("base64");
    /** @param {string | string[] | number} value */
    const restamp = (value) => (typeof value === "string" ? value.replaceAll(nonce, fresh) : Array.isArray(value) ? value.map((item) => item.replaceAll(nonce, fresh)) : value);
    headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, restamp(value)]));
    body = replaceAll(body, Buffer.from(nonce), Buffer.from(fresh));
  }
  if (acceptsGzip(req.headers["accept-encoding"])) {
    body = zlib.gzipSync(body);
    headers = { ...headers, "content-encoding": "gzip" };
  }
  res.writeHead(200, { ...headers, "content-length": String(body.length) });
  res.end(body);
}

/** @param {Buffer} buffer @param {Buffer} from @param {Buffer} to */
function replaceAll(buffer, from, to) {
  /** @type {Buffer[]} */
  const parts = [];
  let start = 0;
  for (let at = buffer.indexOf(from); at !== -1; at = buffer.indexOf(from, start)) {
    parts.push(buffer.subarray(start, at), to);
    start = at + from.length;
  }
  if (start === 0) return buffer;
  parts.push(buffer.subarray(start));
  return Buffer.concat(parts);
}

/** Whether an Accept-Encoding takes gzip (listed, and not with q=0). @param {string | undefined} header */
export function acceptsGzip(header) {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The body as the page is, whatever encoding Next sent it in; null for one it cannot read.
 * @param {Buffer} body
 * @param {unknown} encoding
 */
function decoded(body, encoding) {
  switch (encoding) {
    case undefined:
    case "identity":
      return body;
    case "gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      return null;
  }
}

/**
 * Hands the request to `handle` and resolves, once the response has finished, to what was
 * written, or null when it may not be kept; at once to null when `handle` fails (`failed` is told).
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Handler} handle
 * @param {(error: unknown) => void} failed
 * @returns {Promise<Answer | null>}
 */
function capture(req, res, handle, failed) {
  const copy = copyResponse(res, { limit: largestPageBytes });
  return new Promise((resolve) => {
    // "close" comes after "finish", or alone when the client went away first.
    res.once("close", () => {
      if (!res.writableFinished || !copy.kept() || res.statusCode !== 200) return resolve(null);
      const headers = copy.headers();
      // Only what belongs to the page: a cookie, or a body cut short, is not kept.
      if (headers["set-cookie"] !== undefined) return resolve(null);
      const copied = copy.body();
      if (headers["content-length"] !== undefined && Number(headers["content-length"]) !== copied.length) return resolve(null);
      let body;
      try {
        body = decoded(copied, headers["content-encoding"]);
      } catch {
        body = null;
      }
      if (!body) return resolve(null);
      for (const name of ["content-length", "content-encoding", "transfer-encoding", "date"]) delete headers[name];
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(headers["content-security-policy"] ?? ""))?.[1] ?? null;
      resolve({ headers, body, nonce });
    });
    handle(req, res).catch((error) => {
      failed(error);
      resolve(null);
    });
  });
}
