// @ts-check
// The front cache: public pages that Next answered from its ISR cache, answered again from memory
// ahead of Next's request pipeline, as a caching proxy in front of `next start` would.
// server.js puts it in front of Next's request handler (`npm start`).
//
// Why: a cached page through Next's pipeline (routing, header rules, the response cache) costs
// tens of times the CPU of an answer from here, which is close to a plain node:http answer of the
// same bytes (today's figures: docs/benchmarks.md).
//
// - Kept: what Next itself answered from its cache, nothing else: a GET with status 200,
//   `x-nextjs-cache: HIT`, no Set-Cookie, and a Cache-Control that a shared cache may store.
//   http-cache-semantics decides that, the freshness, and which stored answer matches a request
//   by the headers the answer varies on (RSC requests, Accept-Encoding: each its own answer).
// - Never for draft mode, an on-demand revalidation, a server action, a Range request, a request
//   with credentials in Authorization, nor Next's own assets (`/_next/`).
// - Invalidation: a generation that every `revalidateTag` changes, on this instance or (with
//   Redis) any other (lib/local-cache-handler.js, lib/cache-handler.js). It is read on every
//   request, before Next handles it: an answer is kept with the generation read before Next
//   looked in its cache, and served only while the generation is still the same. So nothing
//   stored before or during an invalidation is served after it, on any instance: the request
//   after an approval is answered by Next, fresh. While the generation cannot be read (Redis
//   unavailable, an invalidation not yet written), nothing is served or kept here.
// - An answer is kept at most a minute (less if its Cache-Control says so), so a page Next
//   regenerates on its own schedule (its revalidate time) is picked up within a minute.
// - HEAD is answered from the GET answer; a matching If-None-Match or If-Modified-Since gets a 304.
import CachePolicy from "http-cache-semantics";
import fresh from "fresh";
import { cacheStatusHeader, draftModeCookie, revalidateHeader, serverActionHeader } from "./next-internals.js";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {(req: IncomingMessage, res: ServerResponse) => Promise<void>} Handler */
/** @typedef {string | number | null} Generation null: unknown, nothing may be served or kept */
/** @typedef {{ policy: CachePolicy; body: Buffer; size: number; expiresAt: number }} Entry */

/** Memory for stored answers (bodies and an allowance for headers). */
const defaultBudgetBytes = 64 * 1024 * 1024;
/** The longest an answer is kept. */
const defaultMaxAgeMs = 60_000;
/** Answers kept per URL (one per variant: a document, its RSC payloads, each encoding). */
const variantsPerUrl = 8;
/** Counted for the headers of an answer. */
const headerAllowanceBytes = 1024;


export class FrontCache {
  /**
   * @param {{
   *   generation: () => Generation | Promise<Generation>;
   *   budgetBytes?: number;
   *   maxAgeMs?: number;
   * }} options
   */
  constructor({ generation, budgetBytes = defaultBudgetBytes, maxAgeMs = defaultMaxAgeMs }) {
    this.generation = generation;
    this.budgetBytes = budgetBytes;
    this.maxAgeMs = maxAgeMs;
    /** @type {Map<string, Entry[]>} by URL, oldest first */
    this.entries = new Map();
    this.bytes = 0;
    /** The generation of every stored answer. @type {Generation} */
    this.current = null;
  }

  /**
   * Answers from the cache, or hands the request to Next and keeps Next's answer when it may.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {Handler} handle Next's request handler
   */
  async handle(req, res, handle) {
    if (!eligible(req)) return handle(req, res);
    const generation = await this.generation();
    if (generation === null) return handle(req, res);
    if (generation !== this.current) {
      this.clear();
      this.current = generation;
    }
    const entry = this.find(req);
    if (entry) return send(entry, req, res);
    if (req.method === "GET") this.capture(req, res, generation);
    return handle(req, res);
  }

  /** Forgets every stored answer. */
  clear() {
    this.entries.clear();
    this.bytes = 0;
  }

  /** @param {IncomingMessage} req */
  find(req) {
    const variants = this.entries.get(/** @type {string} */ (req.url));
    if (!variants) return undefined;
    const now = Date.now();
    const request = asGet(req);
    return variants.find((entry) => entry.expiresAt > now && entry.policy.satisfiesWithoutRevalidation(request));
  }

  /**
   * Records what Next writes, and stores it when the response has finished.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {Generation} generation read before Next handles the request
   */
  capture(req, res, generation) {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @type {import("node:http").OutgoingHttpHeaders} */
    let passedHeaders = {};
    let keep = true;
    let started = false;
    const limit = this.budgetBytes / 8;
    /** @param {unknown} chunk @param {unknown} encoding */
    const collect = (chunk, encoding) => {
      // The headers are set by the first write: anything but Next's own cache hit (a dynamic
      // page, an error) is not copied at all.
      if (!started) {
        started = true;
        if (res.statusCode !== 200 || (res.getHeader(cacheStatusHeader) ?? passedHeaders[cacheStatusHeader]) !== "HIT") keep = false;
      }
      if (!keep || chunk == null || typeof chunk === "function") return;
      const buffer =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
            : null;
      if (!buffer) return void (keep = false);
      size += buffer.length;
      if (size > limit) keep = false;
      else chunks.push(Buffer.from(buffer));
    };
    const { writeHead, write, end } = res;
    // Headers given to writeHead itself are not in getHeaders() when none was set before.
    res.writeHead = /** @type {any} */ (
      function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
        const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
        if (Array.isArray(headers)) keep = false;
        else if (headers) passedHeaders = headers;
        return writeHead.call(res, statusCode, ...rest);
      }
    );
    res.write = /** @type {any} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {any[]} */ ...rest) {
        collect(chunk, encoding);
        return write.call(res, /** @type {any} */ (chunk), /** @type {any} */ (encoding), ...rest);
      }
    );
    res.end = /** @type {any} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {any[]} */ ...rest) {
        collect(chunk, encoding);
        return end.call(res, /** @type {any} */ (chunk), /** @type {any} */ (encoding), ...rest);
      }
    );
    res.once("finish", () => {
      if (!keep || generation !== this.current) return;
      const headers = { ...lowerCased(res.getHeaders()), ...lowerCased(passedHeaders) };
      const body = Buffer.concat(chunks, size);
      this.store(req, res.statusCode, headers, body);
    });
  }

  /**
   * @param {IncomingMessage} req
   * @param {number} status
   * @param {Record<string, string | string[] | number>} headers
   * @param {Buffer} body
   */
  store(req, status, headers, body) {
    if (status !== 200 || headers[cacheStatusHeader] !== "HIT" || headers["set-cookie"] !== undefined) return;
    // An answer cut short (a body shorter than announced) is not kept.
    if (headers["content-length"] !== undefined && Number(headers["content-length"]) !== body.length) return;
    const request = asGet(req);
    const policy = new CachePolicy(request, { status, headers: /** @type {any} */ (headers) }, { shared: true });
    if (!policy.storable()) return;
    const freshMs = (policy.maxAge() - policy.age()) * 1000;
    if (freshMs <= 0) return;
    const entry = { policy, body, size: body.length + headerAllowanceBytes, expiresAt: Date.now() + Math.min(freshMs, this.maxAgeMs) };
    const url = /** @type {string} */ (req.url);
    const variants = (this.entries.get(url) ?? []).filter((old) => {
      const replaced = old.policy.satisfiesWithoutRevalidation(request) || old.expiresAt <= Date.now();
      if (replaced) this.bytes -= old.size;
      return !replaced;
    });
    while (variants.length >= variantsPerUrl) this.bytes -= /** @type {Entry} */ (variants.shift()).size;
    variants.push(entry);
    // Maps iterate in insertion order: a URL stored again moves to the end.
    this.entries.delete(url);
    this.entries.set(url, variants);
    this.bytes += entry.size;
    for (const [oldest, stored] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      for (const old of stored) this.bytes -= old.size;
    }
  }
}

/** @param {IncomingMessage} req */
function eligible(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const headers = req.headers;
  if (headers.range || headers.authorization || headers[serverActionHeader] || headers[revalidateHeader]) return false;
  if (headers.cookie?.includes(draftModeCookie)) return false;
  return !req.url?.startsWith("/_next/");
}

/** The request as http-cache-semantics sees it: HEAD is answered from GET. @param {IncomingMessage} req */
function asGet(req) {
  return { url: req.url, method: "GET", headers: req.headers };
}

/** @param {import("node:http").OutgoingHttpHeaders} headers */
function lowerCased(headers) {
  /** @type {Record<string, string | string[] | number>} */
  const result = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) result[name.toLowerCase()] = value;
  return result;
}

/**
 * @param {Entry} entry
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
function send(entry, req, res) {
  const headers = entry.policy.responseHeaders();
  delete headers["transfer-encoding"];
  if (fresh(req.headers, headers)) {
    delete headers["content-length"];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["content-length"] = String(entry.body.length);
  // Only 200s are kept.
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : entry.body);
}
