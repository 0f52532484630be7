// @ts-check
// The front thread of server.js: the public listener. It decides each request's facts, refuses
// what goes no further, answers from the front cache and the kept search pages, and hands
// everything else to Next's thread (lib/forward.js). In a thread of its own so that a cached answer
// goes out while Next's thread is in the middle of a render: within one thread it would wait for
// the render's slice of work (tens of milliseconds), and every cached read behind it too.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { FrontCache } from "./front-cache.js";
import { failedRequest, forwarder } from "./forward.js";
import { AnnouncedInvalidations } from "./invalidation-bridge.js";
import { SearchPages } from "./search-pages.js";
import { commonHeaders } from "./security/headers.js";
import { decideRequestFacts } from "./security/request-facts.js";
import { refuseGreedySearch } from "./security/search-limit.js";
import { TagInvalidations } from "./tag-invalidations.js";

/** @typedef {{ port: number; trustedHops: number; https: boolean; counter: Int32Array; next: { port: number; secret: string } }} FrontOptions */

const parent = /** @type {MessagePort} */ (/** @type {unknown} */ (parentPort));
const options = /** @type {FrontOptions} */ (workerData);

// Next's thread's invalidations, applied here as they are announced: with Redis, to this thread's
// copy of Redis's (other instances' arrive by pub/sub); without, to a copy of its own.
let invalidations;
if (process.env.REDIS_URL) {
  const { recordSharedInvalidation, sharedInvalidations } = await import("./cache-handler.js");
  invalidations = new AnnouncedInvalidations(sharedInvalidations, options.counter, ({ at, tags }) => recordSharedInvalidation(/** @type {number} */ (at), tags));
} else {
  const local = new TagInvalidations();
  invalidations = new AnnouncedInvalidations(local, options.counter, ({ tags }) => local.invalidate(tags));
}

const securityHeaders = commonHeaders(options.https);
const forward = forwarder(options.next);
const front = new FrontCache({ invalidations });
// /search is rendered per request: its pages are kept a short while ahead of Next, and each
// client's searches are limited (a greedy client gets 429), so that a burst cannot take the CPU.
const searchPages = new SearchPages({ invalidations });

const server = createServer((req, res) => {
  const refusal = decideRequestFacts(req, options.trustedHops) ?? refuseGreedySearch(req, res);
  if (refusal) {
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    res.writeHead(refusal.status, refusal.headers).end(refusal.body);
    return;
  }
  (searchPages.handle(req, res, forward) ?? front.handle(req, res, forward)).catch(failedRequest(res));
});

parent.on("message", (/** @type {{ invalidation?: import("./invalidation-bridge.js").Invalidation; stop?: true }} */ message) => {
  if (message.invalidation) invalidations.receive(message.invalidation);
  // Stops taking connections and lets the requests under way finish.
  if (message.stop) {
    server.close(() => parent.postMessage({ stopped: true }));
    server.closeIdleConnections();
  }
});
server.once("error", (error) => parent.postMessage({ failed: error.message }));
server.listen(options.port, () => parent.postMessage({ listening: true }));
