// @ts-check
// The front cache: public pages that Next answered from its ISR cache, answered again from memory
// ahead of Next's request pipeline, as a caching proxy in front of `next start` would.
// server.js's front thread (lib/front-server.js) puts it in front of Next's (`npm start`).
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
// - Invalidation by tag: Next's cache handlers report the tags of every entry they return while
//   Next answers (lib/cache-reads.js; from Next's thread in a header: lib/forward.js), and an
//   answer is kept with them and with a stamp taken
//   before Next looked in its cache. It is served only while none of those tags has been
//   invalidated since the stamp, on this instance or (with Redis) any other
//   (lib/tag-invalidations.js, lib/redis-cache/invalidations.js, answered from a copy in memory
//   kept current by Redis pub/sub when it can be: lib/redis-cache/mirror.js): one question per
//   answer, so an approval stops exactly the answers of the pages it changed, everywhere, at once. While that
//   cannot be known (Redis unavailable, an invalidation not yet written), nothing is served or
//   kept here.
// - When an answer's page has changed, the first request for it goes to Next, which renders the
//   new page; meanwhile, for at most a second, other readers get the old answer marked
//   `x-nextjs-cache: STALE` instead of all waiting for the render. Requests with a session (staff,
//   who expect to see the change they just approved) always wait.
// - An answer is kept at most a minute (less if its Cache-Control says so), so a page Next
//   regenerates on its own schedule (its revalidate time) is picked up within a minute.
// - HEAD is answered from the GET answer; a matching If-None-Match or If-Modified-Since gets a 304.
import CachePolicy from "http-cache-semantics";
import fresh from "fresh";
import { recordCacheReads } from "./cache-reads.js";
import { cacheStatusHeader, draftModeCookie, revalidateHeader, serverActionHeader } from "./next-internals.js";
import { longestKeptMs } from "./tag-invalidations.js";
import { copyResponse } from "./response-copy.js";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {(req: IncomingMessage, res: ServerResponse) => Promise<void>} Handler */
/** @typedef {import("./tag-invalidations.js").InvalidationClock} InvalidationClock */
/** @typedef {{ policy: CachePolicy; body: Buffer; size: number; expiresAt: number; tags: string[]; stamp: number; renderingUntil?: number }} Entry */

/** Memory for stored answers (bodies and an allowance for headers). */
const defaultBudgetBytes = 64 * 1024 * 1024;
/** The longest an answer is kept. */
const defaultMaxAgeMs = Math.min(60_000, longestKeptMs);
/** Answers kept per URL (one per variant: a document, its RSC payloads, each encoding). */
const variantsPerUrl = 8;
/** Counted for the headers of an answer. */
const headerAllowanceBytes = 1024;
/**
 * How long after its page changed an answer may still be given to readers, while the one request
 * that found it changed has Next render the new page (signed-in staff always wait for it).
 */
const defaultStaleWhileRenderingMs = 1_000;


export class FrontCache {
  /**
   * @param {{
   *   invalidations: InvalidationClock;
   *   budgetBytes?: number;
   *   maxAgeMs?: number;
   *   staleWhileRenderingMs?: number;
   * }} options
   */
  constructor({ invalidations, budgetBytes = defaultBudgetBytes, maxAgeMs = defaultMaxAgeMs, staleWhileRenderingMs = defaultStaleWhileRenderingMs }) {
    this.invalidations = invalidations;
    this.staleWhileRenderingMs = staleWhileRenderingMs;
    this.budgetBytes = budgetBytes;
    this.maxAgeMs = Math.min(maxAgeMs, longestKeptMs);
    /** @type {Map<string, Entry[]>} by URL, oldest first */
    this.entries = new Map();
    this.bytes = 0;
  }

  /**
   * Answers from the cache, or hands the request to Next and keeps Next's answer when it may.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {Handler} handle Next's request handler
   */
  async handle(req, res, handle) {
    if (!eligible(req)) return handle(req, res);
    const entry = this.find(req);
    /** The answer this request replaces, given to other readers while its new page renders. */
    let replaced;
    if (entry) {
      // Answered at once when it can be (Redis's invalidations mirrored in memory): a cached answer
      // then goes out in the same turn of the event loop, not behind the renders under way.
      const answer = this.invalidations.unchangedSince(entry.tags, entry.stamp);
      const unchanged = answer instanceof Promise ? await answer : answer;
      if (unchanged === null) return handle(req, res);
      if (unchanged) return send(entry, req, res);
      const now = Date.now();
      if (entry.renderingUntil === undefined && req.method === "GET") {
        entry.renderingUntil = now + this.staleWhileRenderingMs;
        replaced = entry;
      } else if (/** @type {number} */ (entry.renderingUntil) > now && !signedIn(req)) {
        return send(entry, req, res, "STALE");
      } else {
        this.drop(/** @type {string} */ (req.url), entry);
      }
    }
    if (req.method !== "GET") return handle(req, res);
    const stamp = await this.invalidations.stamp();
    if (stamp === null) {
      if (replaced) this.drop(/** @type {string} */ (req.url), replaced);
      return handle(req, res);
    }
    return this.capture(req, res, stamp, handle, replaced);
  }

  /** Forgets every stored answer. */
  clear() {
    this.entries.clear();
    this.bytes = 0;
  }

  /** @param {string} url @param {Entry} entry */
  drop(url, entry) {
    const variants = this.entries.get(url);
    if (!variants?.includes(entry)) return;
    this.bytes -= entry.size;
    if (variants.length === 1) this.entries.delete(url);
    else variants.splice(variants.indexOf(entry), 1);
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
   * Hands the request to Next, records what Next writes and the tags of the cache entries it
   * read, and stores the answer when the response has finished.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {number} stamp taken before Next handles the request
   * @param {Handler} handle
   * @param {Entry} [replaced] the answer whose page changed, dropped once this one has been rendered
   */
  capture(req, res, stamp, handle, replaced) {
    // Anything but Next's own cache hit (a dynamic page, an error) is not copied at all.
    const copy = copyResponse(res, {
      limit: this.budgetBytes / 8,
      accept: (header) => res.statusCode === 200 && header(cacheStatusHeader) === "HIT",
    });
    const [reads, handled] = recordCacheReads(() => handle(req, res));
    // "close" comes after "finish", or alone when the client went away first.
    if (replaced) res.once("close", () => this.drop(/** @type {string} */ (req.url), replaced));
    res.once("finish", () => {
      // Only an answer made from cache entries whose tags are known: a read Next shared with
      // another request for the same page is recorded there.
      if (!copy.kept() || reads.entries === 0) return;
      this.store(req, res.statusCode, copy.headers(), copy.body(), [...reads.tags], stamp);
    });
    return handled;
  }

  /**
   * @param {IncomingMessage} req
   * @param {number} status
   * @param {Record<string, string | string[] | number>} headers
   * @param {Buffer} body
   * @param {string[]} tags of the cache entries it was made from
   * @param {number} stamp
   */
  store(req, status, headers, body, tags, stamp) {
    if (status !== 200 || headers[cacheStatusHeader] !== "HIT" || headers["set-cookie"] !== undefined) return;
    // An answer cut short (a body shorter than announced) is not kept.
    if (headers["content-length"] !== undefined && Number(headers["content-length"]) !== body.length) return;
    const request = asGet(req);
    const policy = new CachePolicy(request, { status, headers: /** @type {any} */ (headers) }, { shared: true });
    if (!policy.storable()) return;
    const freshMs = (policy.maxAge() - policy.age()) * 1000;
    if (freshMs <= 0) return;
    const size = body.length + headerAllowanceBytes + tags.reduce((total, tag) => total + tag.length, 0);
    const entry = { policy, body, size, expiresAt: Date.now() + Math.min(freshMs, this.maxAgeMs), tags, stamp };
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

/** Whether the request comes with a session (next-auth's cookie): staff see a change at once. @param {IncomingMessage} req */
function signedIn(req) {
  return req.headers.cookie?.includes("next-auth.session-token") ?? false;
}

/** The request as http-cache-semantics sees it: HEAD is answered from GET. @param {IncomingMessage} req */
function asGet(req) {
  return { url: req.url, method: "GET", headers: req.headers };
}

/**
 * @param {Entry} entry
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {"HIT" | "STALE"} [cacheStatus] STALE: the page has changed and is being rendered again
 */
function send(entry, req, res, cacheStatus = "HIT") {
  const headers = entry.policy.responseHeaders();
  delete headers["transfer-encoding"];
  headers[cacheStatusHeader] = cacheStatus;
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
