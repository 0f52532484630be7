// @ts-check
// The per-client limit of /search, the one public page rendered per request: server.js asks
// `refuseGreedySearch` for every request, before the front cache and Next, so a refusal costs
// what a static answer costs and the limit holds for the page's HTML and RSC requests alike
// (the same path). Other paths are never limited. In memory, per instance: behind N instances a
// client gets N times the allowance.
import { isIP } from "node:net";
import { plainParts } from "./plain-page.js";
import { clientAddressHeader } from "./request-facts.js";

/**
 * @typedef {{ tokens: number; at: number; inFlight: number }} ClientState
 * @typedef {{ maxInFlight?: number; burst?: number; perSecond?: number; maxClients?: number; now?: () => number }} SearchLimitOptions
 * @typedef {{ ok: true; end: (status: number) => void } | { ok: false; retryAfterSeconds: number }} Decision
 */

/** The limits of each client (per instance): searches under way at once, a burst, then searches a second. */
export const searchLimits = Object.freeze({ maxInFlight: 6, burst: 60, perSecond: 2 });

/**
 * Two limits per client:
 * - at most `maxInFlight` searches under way at once: a client on many connections holds at
 *   most that share of the server, however cheap or dear its searches;
 * - `burst` searches answered, then `perSecond` (a token bucket). A search costs a token when it
 *   starts and has it back when its answer is not a 2xx (a redirect, a 503 while the database is
 *   away): what is counted is searches rendered.
 *
 * The state of at most `maxClients` clients is kept, the least recently seen dropped first. An
 * entry idle for `burst / perSecond` seconds has its bucket full again, which is what a client
 * never seen gets, so dropping it changes nothing; those are dropped as they turn up, and only
 * more than `maxClients` clients active within that time lose their state early.
 */
export class SearchLimiter {
  /** @param {SearchLimitOptions} [options] */
  constructor({ maxInFlight = searchLimits.maxInFlight, burst = searchLimits.burst, perSecond = searchLimits.perSecond, maxClients = 10_000, now = () => performance.now() } = {}) {
    this.maxInFlight = maxInFlight;
    this.burst = burst;
    this.perSecond = perSecond;
    this.maxClients = maxClients;
    this.now = now;
    /** Insertion order is the order clients were last seen in. @type {Map<string, ClientState>} */
    this.clients = new Map();
  }

  /** How many clients' state is held. */
  get size() {
    return this.clients.size;
  }

  /**
   * Whether a search of `client` may start now. When it may, `end(status)` must be called once
   * its answer is complete (or abandoned).
   * @param {string} client
   * @returns {Decision}
   */
  begin(client) {
    const now = this.now();
    let state = this.clients.get(client);
    if (state) {
      this.clients.delete(client);
      state.tokens = Math.min(this.burst, state.tokens + ((now - state.at) / 1000) * this.perSecond);
      state.at = now;
    } else {
      state = { tokens: this.burst, at: now, inFlight: 0 };
    }
    this.clients.set(client, state);
    this.forget(now);
    if (state.inFlight >= this.maxInFlight) return { ok: false, retryAfterSeconds: 1 };
    if (state.tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - state.tokens) / this.perSecond)) };
    state.tokens -= 1;
    state.inFlight++;
    const held = state;
    let ended = false;
    return {
      ok: true,
      end: (status) => {
        if (ended) return;
        ended = true;
        held.inFlight--;
        if (status < 200 || status > 299) held.tokens = Math.min(this.burst, held.tokens + 1);
      },
    };
  }

  /** Drops the least recently seen clients past `maxClients`, and those whose bucket is full again. */
  forget(/** @type {number} */ now) {
    const refill = (this.burst / this.perSecond) * 1000;
    for (const [client, state] of this.clients) {
      const full = state.inFlight === 0 && now - state.at >= refill;
      if (this.clients.size <= this.maxClients && !full) return;
      this.clients.delete(client);
    }
  }
}

/**
 * The client a limit applies to: the address, or for IPv6 its /64 (one subscriber's network,
 * whose addresses a client can change at will).
 * @param {string} address
 */
export function clientKey(address) {
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const groups = (/** @type {string} */ part) => (part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : []);
  const left = groups(head);
  const right = address.includes("::") ? groups(tail) : [];
  const all = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${all.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** Whether a path is the search page's in any language (its HTML and RSC requests; Next redirects the trailing slash). */
export const isSearchPath = (/** @type {string} */ pathname) => /^\/[a-z]{2}\/search\/?$/.test(pathname);

const limiterKey = Symbol.for("prova.searchLimiter");
/** @type {{ [limiterKey]?: SearchLimiter }} */
const processState = /** @type {any} */ (globalThis);

/**
 * For server.js, after the request's facts are decided (lib/security/request-facts.js): the
 * answer to a search that goes no further (429 with Retry-After, a small plain page), else null.
 * A search let through is counted until its response closes.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {SearchLimiter} [limiter]
 * @returns {import("./plain-page.js").PlainParts | null}
 */
export function refuseGreedySearch(req, res, limiter = (processState[limiterKey] ??= new SearchLimiter())) {
  const pathname = (req.url ?? "/").split("?")[0];
  if (!isSearchPath(pathname)) return null;
  const address = req.headers[clientAddressHeader];
  const decision = limiter.begin(clientKey((Array.isArray(address) ? address[0] : address) || "unknown"));
  if (decision.ok) {
    res.once("close", () => decision.end(res.statusCode));
    return null;
  }
  return plainParts(pathname, {
    status: 429,
    title: "Too many searches",
    message: `This address has sent more searches than the directory answers for one client. Please wait ${decision.retryAfterSeconds} ${decision.retryAfterSeconds === 1 ? "second" : "seconds"} and try again.`,
    headers: { "retry-after": String(decision.retryAfterSeconds) },
  });
}
