// @ts-check
// The production server (`npm start` runs it): `next start`'s request handler with the front cache
// (lib/front-cache.js) in front. Serves the build in NEXT_DIST_DIR (default .next) on --port or
// PORT (default 3000), on every interface, as `next start` does.
//
// Two threads: this one runs Next, behind a loopback listener that only the front thread may use
// (lib/forward.js); the front thread (lib/front-server.js) holds the public listener, the front
// cache and the kept search pages. A cached answer is then never queued behind a render.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";

process.env.NODE_ENV = "production";
const started = performance.now();
const { values } = parseArgs({ options: { port: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);

const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS || 0);
if (!Number.isInteger(trustedHops) || trustedHops < 0) {
  console.error("TRUSTED_PROXY_HOPS must be a whole number, 0 or more.");
  process.exit(1);
}

const { default: next } = await import("next");
const { recordCacheReads } = await import("./lib/cache-reads.js");
const { fillErrorShells } = await import("./lib/error-shell.js");
const { failedRequest, fromFront, reportReadsOn } = await import("./lib/forward.js");
const { announceTo, sharedCounter } = await import("./lib/invalidation-bridge.js");
const { commonHeaders } = await import("./lib/security/headers.js");
const { plainPagePolicy } = await import("./lib/security/plain-page.js");
const { collectRenderAgain } = await import("./lib/render-again.js");
const https = (process.env.APP_URL ?? "").startsWith("https://");
const securityHeaders = commonHeaders(https);
// Tells lib/auth/client-address.ts that every request's client address was decided in front.
/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("prova.edge")] = true;
const invalidations = process.env.REDIS_URL
  ? (await import("./lib/cache-handler.js")).sharedInvalidations
  : (await import("./lib/local-cache-handler.js")).localInvalidations;

const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();
const renderAgainOptions = { origin: `http://127.0.0.1:${port}`, clock: invalidations };

// What Next answers: every answer with the security headers, also those Next gives before its
// header rules (a trailing-slash redirect; Next's own values replace these where it sets them),
// and its empty error document filled in (lib/error-shell.js). With it, the cache entries Next
// read for it, which the front cache keeps the answer with.
/** @type {typeof handle} */
const handleWithNext = (req, res) => {
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  res.setHeader("content-security-policy", plainPagePolicy);
  fillErrorShells(req, res);
  const [reads, handled] = recordCacheReads(() => handle(req, res));
  reportReadsOn(res, reads);
  return handled;
};

const secret = randomBytes(32).toString("hex");
const nextServer = createServer((req, res) => {
  if (!fromFront(req, secret)) {
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Not for you.\n");
    return;
  }
  // A change (a server action, a revalidation) may ask for the pages it refreshed to be rendered
  // again by this server once it has answered (lib/render-again.js).
  const answer = () => handleWithNext(req, res);
  (req.method === "POST" ? collectRenderAgain(res, renderAgainOptions, answer) : answer()).catch(failedRequest(res));
});
// Longer than the front thread keeps an idle connection (lib/forward.js), so that it never sends a
// request on a connection this side is closing.
nextServer.keepAliveTimeout = 65_000;
await new Promise((resolve) => nextServer.listen(0, "127.0.0.1", () => resolve(undefined)));
const nextPort = /** @type {import("node:net").AddressInfo} */ (nextServer.address()).port;

const counter = sharedCounter();
const front = new Worker(new URL("./lib/front-server.js", import.meta.url), {
  workerData: { port, trustedHops, https, counter, next: { port: nextPort, secret } },
});
announceTo(front, counter);
front.on("error", (error) => {
  console.error("[server] The front thread failed:", error);
  process.exit(1);
});
front.on("message", (/** @type {{ listening?: true; failed?: string; stopped?: true }} */ message) => {
  if (message.listening) console.log(`✓ Ready in ${Math.round(performance.now() - started)}ms on port ${port}`);
  if (message.failed) {
    console.error(`[server] Cannot listen on port ${port}: ${message.failed}`);
    process.exit(1);
  }
  // The front thread has answered its last request: Next's side stops.
  if (message.stopped) {
    nextServer.close(() => void app.close().finally(() => process.exit(0)));
    nextServer.closeIdleConnections();
  }
});

// Stop taking connections, let the requests under way finish (at most 10 s), then stop Next.
let stopping = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    front.postMessage({ stop: true });
  });
}
