// @ts-check
// The production server (`npm start` runs it): `next start`'s request handler with the front cache
// (lib/front-cache.js) in front. Serves the build in NEXT_DIST_DIR (default .next) on --port or
// PORT (default 3000), on every interface, as `next start` does.
import { createServer } from "node:http";
import { parseArgs } from "node:util";

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
const { FrontCache } = await import("./lib/front-cache.js");
const { fillErrorShells } = await import("./lib/error-shell.js");
const { decideRequestFacts } = await import("./lib/security/request-facts.js");
const { commonHeaders } = await import("./lib/security/headers.js");
const { plainPagePolicy } = await import("./lib/security/plain-page.js");
const { refuseGreedySearch } = await import("./lib/security/search-limit.js");
const { SearchPages } = await import("./lib/search-pages.js");
const { collectRenderAgain } = await import("./lib/render-again.js");
const securityHeaders = commonHeaders((process.env.APP_URL ?? "").startsWith("https://"));
// Tells lib/auth/client-address.ts that every request's client address was decided here.
/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("prova.edge")] = true;
const invalidations = process.env.REDIS_URL
  ? (await import("./lib/cache-handler.js")).sharedInvalidations
  : (await import("./lib/local-cache-handler.js")).localInvalidations;

const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();
const front = new FrontCache({ invalidations });
// /search is rendered per request: its pages are kept a short while ahead of Next, and each
// client's searches are limited (a greedy client gets 429), so that a burst cannot take the CPU.
const searchPages = new SearchPages({ invalidations });
const renderAgainOptions = { origin: `http://127.0.0.1:${port}`, clock: invalidations };

// What Next answers (not the front cache, whose stored answers already carry Next's headers):
// every answer with the security headers, also those Next gives before its header rules (a
// trailing-slash redirect; Next's own values replace these where it sets them), and its empty
// error document filled in (lib/error-shell.js).
/** @type {typeof handle} */
const handleWithNext = (req, res) => {
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  res.setHeader("content-security-policy", plainPagePolicy);
  fillErrorShells(req, res);
  return handle(req, res);
};

const server = createServer((req, res) => {
  const refusal = decideRequestFacts(req, trustedHops) ?? refuseGreedySearch(req, res);
  if (refusal) {
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    res.writeHead(refusal.status, refusal.headers).end(refusal.body);
    return;
  }
  // A change (a server action, a revalidation) may ask for the pages it refreshed to be rendered
  // again by this server once it has answered (lib/render-again.js).
  const answer = () => searchPages.handle(req, res, handleWithNext) ?? front.handle(req, res, handleWithNext);
  (req.method === "POST" ? collectRenderAgain(res, renderAgainOptions, answer) : answer()).catch((error) => {
    console.error("[server] A request failed:", error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else {
      res.destroy();
    }
  });
});
server.listen(port, () => {
  console.log(`✓ Ready in ${Math.round(performance.now() - started)}ms on port ${port}`);
});

// Stop taking connections, let the requests under way finish (at most 10 s), then stop Next.
let stopping = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
