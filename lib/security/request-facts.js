// @ts-check
// Facts about a request that only the edge can decide: the client's address and a path Next can
// route. server.js decides them once per request, before anything else reads the request; every
// other reader asks lib/auth/client-address.ts, never a forwarding header.
import { isIP } from "node:net";
import { plainParts } from "./plain-page.js";

/** The header server.js writes the decided client address into (any value a client sent is replaced). */
export const clientAddressHeader = "x-prova-client-address";

/** Forwarding headers that only a trusted proxy may set; dropped when none is trusted. */
const forwardingHeaders = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/** `::ffff:192.0.2.1` → `192.0.2.1`; anything that is not an IP address → null. */
function normaliseIp(/** @type {string | undefined} */ value) {
  const address = (value ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address : null;
}

/**
 * The client's address: the socket's peer when no proxy is trusted; with `trustedHops` proxies
 * in front, the `trustedHops`-th entry of X-Forwarded-For from the right (each trusted proxy
 * appends the address it received the request from, so what a client writes there itself stands
 * further left and is never read). An entry that is not an IP address, or a header with fewer
 * entries than trusted hops, falls back to the socket's peer.
 *
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedHops
 */
export function decideClientAddress(socketAddress, forwardedFor, trustedHops) {
  const peer = normaliseIp(socketAddress) ?? "unknown";
  if (trustedHops <= 0) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((entry) => entry.trim());
  const entry = entries.length >= trustedHops ? entries[entries.length - trustedHops] : undefined;
  return normaliseIp(entry) ?? peer;
}

/**
 * A request path with every percent-escape that is not UTF-8 escaped again (`%C3%28` →
 * `%25C3%28`), so that Next's router, which answers a bare 500 to a segment it cannot decode,
 * routes it like any other unknown value (a 404 page, a JSON 404 from the API); and the same for
 * escaped control characters (`%00`), which no page's address holds and which Next would
 * otherwise try to write into a cache file's name. Query strings are left alone: Next takes any
 * bytes there.
 *
 * @param {string} url
 */
export function routableUrl(url) {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!path.includes("%")) return url;
  const mended = path
    .split("/")
    .map((segment) => (decodes(segment) ? segment.replace(/%(?=[01][0-9a-f]|7f)/gi, "%25") : segment.replace(/%/g, "%25")))
    .join("/");
  return mended + (queryAt === -1 ? "" : url.slice(queryAt));
}

function decodes(/** @type {string} */ value) {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The methods each API route takes (OPTIONS too: Next answers it for every route handler), kept
 * true to the route handlers' exports by request-facts.test.ts. Pages take GET, HEAD and POST
 * (server actions), Next's assets GET and HEAD. Anything else is answered 405 here: Next's own
 * answer to a method it does not expect ranges from serving the page to a bare 500 (TRACE,
 * which its fetch Request refuses to build).
 * @type {[RegExp, string[]][]}
 */
const routeMethods = [
  [/^\/api\/auth\//, ["GET", "HEAD", "POST", "OPTIONS"]],
  [/^\/api\/(?:revalidate|suggestions|bounces|imports)$|^\/api\/unsubscribe\/[^/]+$/, ["POST", "OPTIONS"]],
  [/^\/api\/export$|^\/api\/imports\/[^/]+\/errors$/, ["GET", "HEAD", "OPTIONS"]],
  [/^\/api\/v1\//, ["GET", "HEAD", "OPTIONS"]],
  [/^\/api\//, ["GET", "HEAD", "POST", "OPTIONS"]],
  [/^\/_next\//, ["GET", "HEAD"]],
  // Route handlers outside the API (metadata files): Next answers another method with a 405
  // that its ISR cache then serves to the GETs after it.
  [/^\/(?:robots\.txt|sitemap\.xml|sitemaps\/|favicon\.ico$|(?:apple-)?icon[\w.-]*$|manifest\.webmanifest$)/, ["GET", "HEAD"]],
  [/^/, ["GET", "HEAD", "POST"]],
];

/** @param {string} pathname */
export function allowedMethods(pathname) {
  return /** @type {string[]} */ (routeMethods.find(([pattern]) => pattern.test(pathname))?.[1]);
}

/**
 * Decides the request's facts in place: the client address into `clientAddressHeader`, the
 * forwarding headers dropped unless a proxy is trusted, the path made routable. Returns the
 * answer to a request that goes no further (a method the path does not take), else null.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {number} trustedHops
 * @returns {import("./plain-page.js").PlainParts | null}
 */
export function decideRequestFacts(req, trustedHops) {
  req.headers[clientAddressHeader] = decideClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  if (trustedHops <= 0) for (const name of forwardingHeaders) delete req.headers[name];
  req.url = routableUrl(req.url ?? "/");
  // Next's prerendered error page is not an address: it would answer its own 500.
  if (/^\/_global-error\/?(?:\?|$)/.test(req.url)) req.url = "/_not-found";
  const pathname = req.url.split("?")[0];
  const allowed = allowedMethods(pathname);
  if (allowed.includes(req.method ?? "")) return null;
  return plainParts(pathname, {
    status: 405,
    title: "Method not allowed",
    message: `This address does not take ${String(req.method).slice(0, 20)} requests; it takes ${allowed.join(", ")}.`,
    headers: { allow: allowed.join(", ") },
  });
}
