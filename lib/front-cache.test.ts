// The front cache ahead of a handler that answers as Next does for an ISR page, over real HTTP.
// (The cache in front of the real Next server: e2e/organisation-page.spec.ts, freshness.spec.ts,
// review.spec.ts and several-instances.spec.ts.)
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { reportCacheRead } from "./cache-reads.js";
import { FrontCache } from "./front-cache.js";
import { TagInvalidations } from "./tag-invalidations.js";

type Answer = {
  status?: number;
  cache?: string;
  cacheControl?: string;
  headers?: Record<string, string>;
  body?: string;
  viaWriteHead?: boolean;
  /** The connection breaks after the first part of the body. */
  broken?: boolean;
  /** The tags of the cache entries Next read for it (by default `page:<url>`); null: none read. */
  tags?: string[] | null;
};

/** Next as the front cache sees it: counts what it is asked, answers what `answer` says. */
function origin(answer: (req: IncomingMessage) => Answer | Promise<Answer> = () => ({})) {
  const calls: string[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    calls.push(`${req.method} ${req.url}`);
    const a = await answer(req);
    if (a.tags !== null) reportCacheRead(a.tags ?? [`page:${req.url}`]);
    const rsc = req.headers.rsc === "1";
    const body = a.body ?? (rsc ? `rsc payload ${calls.length}` : `<html>page ${calls.length}</html>`);
    const gzip = /gzip/.test(String(req.headers["accept-encoding"] ?? ""));
    const bytes = gzip ? gzipSync(body) : Buffer.from(body);
    const headers: Record<string, string> = {
      vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
      "x-nextjs-cache": a.cache ?? "HIT",
      "cache-control": a.cacheControl ?? "s-maxage=3600, stale-while-revalidate=31532400",
      etag: `"e${calls.length}"`,
      "content-type": rsc ? "text/x-component" : "text/html; charset=utf-8",
      "content-security-policy": "default-src 'self'",
      ...(gzip ? { "content-encoding": "gzip" } : { "content-length": String(bytes.length) }),
      ...a.headers,
    };
    if (a.viaWriteHead) {
      res.writeHead(a.status ?? 200, headers);
    } else {
      res.statusCode = a.status ?? 200;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    // Written in two parts, as a stream would be.
    res.write(bytes.subarray(0, 10));
    await new Promise((resolve) => setImmediate(resolve));
    if (a.broken) return void res.destroy();
    res.end(req.method === "HEAD" ? undefined : bytes.subarray(10));
  };
  return { calls, handle };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function serve(cache: FrontCache, next: ReturnType<typeof origin>) {
  /** Per request, whether it was answered in the turn of the event loop that received it. */
  const answeredAtOnce: boolean[] = [];
  const server = createServer((req, res) => {
    void cache.handle(req, res, next.handle);
    answeredAtOnce.push(res.writableEnded);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  /** Without compression unless the request asks for it. */
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = { "accept-encoding": "identity", ...(init.headers as Record<string, string>) };
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  /** A GET with exactly these headers (fetch adds Accept-Encoding, and Cache-Control to a conditional request). */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{ status?: number; encoding?: string; age?: string; length: number }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path, headers }, (res) => {
        let length = 0;
        res.on("data", (chunk: Buffer) => (length += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode, encoding: res.headers["content-encoding"], age: res.headers.age, length }));
      });
      req.on("error", reject);
      req.end();
    });
  return { request, raw, answeredAtOnce };
}

async function setup(
  options: { answer?: (req: IncomingMessage) => Answer | Promise<Answer>; maxAgeMs?: number; budgetBytes?: number; staleWhileRenderingMs?: number } = {},
) {
  const invalidations = new TagInvalidations();
  /** Whether invalidations can be known (Redis: available, none of this instance unwritten). */
  const known = { value: true };
  const clock = {
    stamp: () => (known.value ? invalidations.stamp() : null),
    unchangedSince: (tags: string[], stamp: number) => (known.value ? invalidations.unchangedSince(tags, stamp) : null),
  };
  const next = origin(options.answer);
  const cache = new FrontCache({ invalidations: clock, maxAgeMs: options.maxAgeMs, budgetBytes: options.budgetBytes, staleWhileRenderingMs: options.staleWhileRenderingMs });
  return { invalidations, known, next, cache, ...(await serve(cache, next)) };
}

/**
 * /p kept, then changed: its first request after the change is under way (Next renders it until
 * `release`, answering "<p>new</p>"; every other request is answered "<p>old</p>" from Next's cache).
 */
async function changedWhileRendering(options: { staleWhileRenderingMs?: number } = {}) {
  let release: () => void = () => {};
  const rendered = new Promise<void>((resolve) => (release = resolve));
  let rendering = false;
  const context = await setup({
    ...options,
    answer: async () => {
      if (!rendering) return { body: "<p>old</p>" };
      await rendered;
      return { body: "<p>new</p>", cache: "MISS" };
    },
  });
  await context.request("/p");
  rendering = true;
  context.invalidations.invalidate(["page:/p"]);
  const renderer = context.request("/p");
  await vi.waitFor(() => expect(context.next.calls).toHaveLength(2));
  return {
    ...context,
    renderer,
    release() {
      rendering = false;
      release();
    },
  };
}

describe("front cache", () => {
  it("answers a page Next served from its cache again itself, with Next's headers, an Age and the same body", async () => {
    const { next, request } = await setup();
    const first = await request("/organisations/a");
    const second = await request("/organisations/a");
    expect(next.calls).toEqual(["GET /organisations/a"]);
    expect(second.body).toBe(first.body);
    expect(second.headers.get("age")).toBe("0");
    expect(first.headers.get("age")).toBeNull();
    for (const name of ["content-security-policy", "cache-control", "vary", "etag", "content-type", "x-nextjs-cache"]) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(first.body)));
  });

  it("answers a kept page in the turn that received the request when its tags are known at once, and waits only for an answer that is not", async () => {
    const { request, answeredAtOnce } = await setup();
    await request("/organisations/a");
    await request("/organisations/a");
    expect(answeredAtOnce).toEqual([false, true]);
    // Asked of Redis (a promise): answered after it, still from the cache.
    const invalidations = new TagInvalidations();
    const asking = new FrontCache({
      invalidations: { stamp: () => invalidations.stamp(), unchangedSince: async (tags, stamp) => invalidations.unchangedSince(tags, stamp) },
    });
    const server = await serve(asking, origin());
    await server.request("/organisations/a");
    expect((await server.request("/organisations/a")).headers.get("age")).toBe("0");
    expect(server.answeredAtOnce).toEqual([false, false]);
  });

  it("keeps headers Next gives to writeHead itself", async () => {
    const { next, request } = await setup({ answer: () => ({ viaWriteHead: true }) });
    await request("/p");
    const second = await request("/p");
    expect(next.calls).toHaveLength(1);
    expect(second.headers.get("content-security-policy")).toBe("default-src 'self'");
  });

  it("keeps only what Next answered from its cache, fresh, for anyone", async () => {
    const answers: Record<string, Answer> = {
      "/miss": { cache: "MISS" },
      "/stale": { cache: "STALE" },
      "/dynamic": { cache: "HIT", cacheControl: "private, no-cache, no-store, max-age=0, must-revalidate" },
      "/cookie": { headers: { "set-cookie": "a=b" } },
      "/missing": { status: 404 },
      "/none": { cache: "HIT", cacheControl: "" },
    };
    const { next, request } = await setup({ answer: (req) => answers[req.url!] ?? {} });
    for (const path of Object.keys(answers)) {
      await request(path);
      await request(path);
    }
    expect(next.calls).toHaveLength(Object.keys(answers).length * 2);
  });

  it("never answers draft mode, revalidation, server action, range or authorised requests, nor Next's assets", async () => {
    const { next, request } = await setup();
    await request("/p");
    const bypassing: RequestInit[] = [
      { headers: { cookie: "theme=dark; __prerender_bypass=abc" } },
      { headers: { "x-prerender-revalidate": "abc" } },
      { headers: { "next-action": "abc" } },
      { headers: { range: "bytes=0-10" } },
      { headers: { authorization: "Bearer abc" } },
      { method: "POST" },
    ];
    for (const init of bypassing) await request("/p", init);
    expect(next.calls).toHaveLength(1 + bypassing.length);
    await request("/_next/static/chunk.js");
    await request("/_next/static/chunk.js");
    expect(next.calls.filter((call) => call.includes("/_next/"))).toHaveLength(2);
    // A session cookie is not draft mode: the same public page.
    expect((await request("/p", { headers: { cookie: "next-auth.session-token=x" } })).headers.get("age")).toBe("0");
  });

  it("keeps one answer per variant: an RSC request never gets the HTML, a gzip request never the plain bytes", async () => {
    const { next, request, raw } = await setup();
    const html = await request("/p");
    const rsc = await request("/p", { headers: { rsc: "1" } });
    expect(rsc.body).toMatch(/^rsc payload/);
    expect((await request("/p", { headers: { rsc: "1" } })).body).toBe(rsc.body);
    expect((await request("/p")).body).toBe(html.body);
    for (const headers of [{}, { "accept-encoding": "gzip" }] as Record<string, string>[]) await raw("/q", headers);
    const plain = await raw("/q", {});
    const gzip = await raw("/q", { "accept-encoding": "gzip" });
    expect([plain.age, plain.encoding]).toEqual(["0", undefined]);
    expect([gzip.age, gzip.encoding]).toEqual(["0", "gzip"]);
    expect(next.calls.filter((call) => call === "GET /q")).toHaveLength(2);
  });

  it("answers HEAD from the GET answer without a body, and a matching If-None-Match with a 304", async () => {
    const { next, request, raw } = await setup();
    const first = await request("/p");
    const head = await request("/p", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(first.body)));
    const conditional = await raw("/p", { "accept-encoding": "identity", "if-none-match": first.headers.get("etag")! });
    expect([conditional.status, conditional.length]).toEqual([304, 0]);
    expect((await raw("/p", { "accept-encoding": "identity", "if-none-match": '"other"' })).status).toBe(200);
    expect(next.calls).toEqual(["GET /p"]);
  });

  it("asks Next again when the client asks for a fresh answer", async () => {
    const { next, request } = await setup();
    await request("/p");
    await request("/p", { headers: { "cache-control": "no-cache" } });
    expect(next.calls).toHaveLength(2);
  });

  it("stops serving exactly the answers whose tags are invalidated, and serves nothing while invalidations are unknown", async () => {
    const { invalidations, known, next, request } = await setup({
      answer: (req) => ({ tags: req.url === "/a" ? ["organisation:a", "layout"] : ["organisation:b", "layout"] }),
    });
    await request("/a");
    await request("/b");
    await request("/a");
    await request("/b");
    expect(next.calls).toEqual(["GET /a", "GET /b"]);
    invalidations.invalidate(["organisation:a"]);
    const fresh = await request("/a");
    expect(fresh.headers.get("age")).toBeNull();
    expect((await request("/b")).headers.get("age")).toBe("0");
    expect(next.calls).toEqual(["GET /a", "GET /b", "GET /a"]);
    await request("/a");
    expect(next.calls).toHaveLength(3);
    // A tag both carry.
    invalidations.invalidate(["layout"]);
    await request("/a");
    await request("/b");
    expect(next.calls).toHaveLength(5);
    known.value = false;
    await request("/a");
    await request("/a");
    expect(next.calls).toHaveLength(7);
  });

  it("gives readers the answer whose page changed while one request has it rendered again (STALE), for at most a second, and never to staff", async () => {
    const { next, request, renderer, release } = await changedWhileRendering();
    const reader = await request("/p");
    expect(reader.body).toBe("<p>old</p>");
    expect(reader.headers.get("x-nextjs-cache")).toBe("STALE");
    // Staff wait for the new page: their request goes to Next (which shares the one render).
    const staff = request("/p", { headers: { cookie: "next-auth.session-token=abc" } });
    await vi.waitFor(() => expect(next.calls).toHaveLength(3));
    release();
    expect((await renderer).body).toBe("<p>new</p>");
    await staff;
    // Rendered: the old answer is gone (the new one was a render, not kept: the next request asks Next).
    expect((await request("/p")).body).toBe("<p>old</p>");
    expect(next.calls).toHaveLength(4);
  });

  it("gives no reader the changed page's answer once the render has taken longer than allowed", async () => {
    const { next, request, renderer, release } = await changedWhileRendering({ staleWhileRenderingMs: 0 });
    const reader = request("/p");
    await vi.waitFor(() => expect(next.calls).toHaveLength(3));
    release();
    expect((await renderer).body).toBe("<p>new</p>");
    expect((await reader).headers.get("x-nextjs-cache")).not.toBe("STALE");
  });

  it("does not keep an answer that was under way when one of its tags was invalidated", async () => {
    const another: { request?: (path: string) => Promise<unknown> } = {};
    let invalidated = false;
    const { invalidations, next, request } = await setup({
      answer: async (req) => {
        // While Next answers /p (having read its entry), an invalidation, seen first by another request.
        if (req.url === "/p" && !invalidated) {
          invalidated = true;
          invalidations.invalidate(["page:/p"]);
          await another.request!("/other");
        }
        return {};
      },
    });
    another.request = request;
    await request("/p");
    await request("/p");
    expect(next.calls).toEqual(["GET /p", "GET /other", "GET /p"]);
    // What started after the change is kept.
    await request("/p");
    expect(next.calls).toHaveLength(3);
  });

  it("keeps no answer Next gave without reading its cache in this request", async () => {
    const { next, request } = await setup({ answer: () => ({ tags: null }) });
    await request("/p");
    await request("/p");
    expect(next.calls).toHaveLength(2);
  });

  it("does not keep an answer cut short, nor one larger than an eighth of its memory", async () => {
    const { next, request } = await setup({
      answer: (req) => (req.url === "/broken" ? { broken: true } : req.url === "/big" ? { body: "x".repeat(2_000) } : {}),
      budgetBytes: 8 * 1024 + 1_000,
    });
    await expect(request("/broken")).rejects.toThrow();
    await expect(request("/broken")).rejects.toThrow();
    await request("/big");
    await request("/big");
    await request("/small");
    await request("/small");
    expect(next.calls).toEqual(["GET /broken", "GET /broken", "GET /big", "GET /big", "GET /small"]);
  });

  it("keeps an answer at most its maximum age, and within its memory by dropping the oldest", async () => {
    // The test's own clock (Date only: the servers' timers and sockets run as usual).
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    const { next, request } = await setup({ maxAgeMs: 100, budgetBytes: 2 * 1024 + 100 });
    await request("/a");
    vi.setSystemTime(Date.now() + 99);
    await request("/a");
    expect(next.calls).toHaveLength(1);
    vi.setSystemTime(Date.now() + 1);
    await request("/a");
    expect(next.calls).toHaveLength(2);
    await request("/b");
    await request("/c");
    // Room for two: /a went first.
    await request("/c");
    await request("/b");
    await request("/a");
    expect(next.calls).toEqual(["GET /a", "GET /a", "GET /b", "GET /c", "GET /a"]);
  });
});
