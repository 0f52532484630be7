// @ts-check
// The way between server.js's two threads: the front thread (lib/front-server.js) hands every
// request it does not answer itself to Next's thread, over a loopback connection that only it can
// use (a secret of the process in a header), and streams the answer back. Next's thread reports
// with each answer the cache entries Next read for it (lib/cache-reads.js), which the front cache
// needs to keep the answer; that header never leaves the process.
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import { cacheReadsUnderWay } from "./cache-reads.js";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {import("./cache-reads.js").CacheReads} CacheReads */

/** The front thread's secret, on every request it hands on. */
export const frontHeader = "x-prova-front";
/** The cache entries Next read for an answer: `{ entries, tags }` as JSON. */
export const cacheReadsHeader = "x-prova-cache-reads";

/** Hop-by-hop headers: about one connection, never passed on (RFC 9110, 7.6.1). */
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "expect"]);

/** @param {import("node:http").IncomingHttpHeaders} headers */
function endToEnd(headers) {
  /** @type {import("node:http").IncomingHttpHeaders} */
  const kept = {};
  const named = String(headers.connection ?? "")
    .toLowerCase()
    .split(",")
    .map((name) => name.trim());
  for (const [name, value] of Object.entries(headers)) if (!hopByHop.has(name) && !named.includes(name) && value !== undefined) kept[name] = value;
  return kept;
}

/**
 * In Next's thread: whether a request came from the front thread (and then takes the secret off
 * it); anything else is refused.
 * @param {IncomingMessage} req
 * @param {string} secret
 */
export function fromFront(req, secret) {
  const given = req.headers[frontHeader];
  delete req.headers[frontHeader];
  return typeof given === "string" && given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/**
 * In Next's thread: runs `handle` and puts the record of its cache reads on the answer's headers
 * when they are written.
 * @param {ServerResponse} res
 * @param {CacheReads} reads
 */
export function reportReadsOn(res, reads) {
  const { writeHead } = res;
  res.writeHead = /** @type {any} */ (
    function (/** @type {any[]} */ ...args) {
      if (reads.entries > 0 && !res.headersSent) res.setHeader(cacheReadsHeader, JSON.stringify({ entries: reads.entries, tags: [...reads.tags] }));
      return writeHead.apply(res, /** @type {any} */ (args));
    }
  );
}

/**
 * In the front thread: a handler that hands a request to Next's thread at `origin` and streams its
 * answer back; its promise settles when the answer has been sent (or the client went away).
 * Next's thread unreachable: a 503.
 * @param {{ port: number; secret: string }} next
 * @returns {(req: IncomingMessage, res: ServerResponse) => Promise<void>}
 */
export function forwarder({ port, secret }) {
  // Kept-alive connections; Next's thread keeps them open longer than this side (server.js), so
  // that a request never goes out on a connection the other end is closing.
  const agent = new http.Agent({ keepAlive: true, timeout: 30_000 });
  return (req, res) =>
    new Promise((resolve) => {
      // The front cache's record of this request's reads, filled from Next's thread's header.
      const reads = cacheReadsUnderWay();
      const upstream = http.request(
        { host: "127.0.0.1", port, agent, method: req.method, path: req.url, headers: { ...endToEnd(req.headers), [frontHeader]: secret } },
        (answer) => {
          const headers = endToEnd(answer.headers);
          const reported = headers[cacheReadsHeader];
          delete headers[cacheReadsHeader];
          if (reads && typeof reported === "string") {
            const { entries, tags } = JSON.parse(reported);
            reads.entries += entries;
            for (const tag of tags) reads.tags.add(tag);
          }
          res.writeHead(/** @type {number} */ (answer.statusCode), answer.statusMessage, /** @type {any} */ (headers));
          answer.pipe(res);
          answer.once("error", () => res.destroy());
        },
      );
      upstream.once("error", () => {
        if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" }).end("The directory is starting or stopping. Try again in a moment.\n");
        else res.destroy();
      });
      // The client went away: so does the request to Next.
      res.once("close", () => {
        if (!res.writableFinished) upstream.destroy();
        resolve();
      });
      req.pipe(upstream);
    });
}

/**
 * A request whose handling failed (a fault of ours): logged, a bare 500 when nothing was sent yet,
 * else the connection cut. For both of server.js's listeners.
 * @param {ServerResponse} res
 */
export function failedRequest(res) {
  return (/** @type {unknown} */ error) => {
    console.error("[server] A request failed:", error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else {
      res.destroy();
    }
  };
}
