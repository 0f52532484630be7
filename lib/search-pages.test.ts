import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { acceptsGzip, keptRequest, SearchPages, searchPageTags } from "./search-pages.js";
import { TagInvalidations } from "./tag-invalidations.js";

type Next = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** server.js's order: the search pages first, then "Next" (here a stand-in that counts its renders). */
async function serve(next: Next, options: Partial<ConstructorParameters<typeof SearchPages>[0]> = {}) {
  const invalidations = new TagInvalidations();
  const pages = new SearchPages({ invalidations, ...options });
  const renders: string[] = [];
  const counted: Next = (req, res) => {
    renders.push(req.url!);
    return next(req, res);
  };
  const server = http.createServer((req, res) => {
    (pages.handle(req, res, counted) ?? counted(req, res)).catch(() => {
      res.statusCode = 500;
      res.end("failed");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url + path, { headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  return { invalidations, pages, renders, get };
}

/**
 * A page as Next writes one: headers set (its nonce in the policy and a Link header), then the
 * body in chunks (the nonce on its scripts), gzipped for a client that takes it.
 */
const page: Next = async (req, res) => {
  const nonce = randomBytes(16).toString("base64");
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.setHeader("link", `</style.css>; rel=preload; as="style"; nonce="${nonce}"`);
  res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("vary", "rsc, Accept-Encoding");
  const html = [`<html><body><script nonce="${nonce}">1</script>results for ${req.url}`, ` and more<script nonce="${nonce}">2</script></body></html>`];
  if (!/gzip/.test(String(req.headers["accept-encoding"]))) {
    res.write(html[0]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    res.end(html[1]);
    return;
  }
  res.setHeader("content-encoding", "gzip");
  const zipped = gzipSync(html.join(""));
  res.write(zipped.subarray(0, 10));
  await new Promise((resolve) => setTimeout(resolve, 5));
  res.end(zipped.subarray(10));
};

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("SearchPages", () => {
  it("answers the same search page again from memory, as Next wrote it, with a nonce of its own each time", async () => {
    const { renders, get } = await serve(page);
    const plain = { "accept-encoding": "identity" };
    const first = await get("/en/search?q=prevention", plain);
    const answers = [await get("/en/search?q=prevention", plain), await get("/en/search?q=prevention", plain)];
    expect(renders).toEqual(["/en/search?q=prevention"]);
    const nonces = [first, ...answers].map((answer) => nonceOf(answer.headers.get("content-security-policy")));
    expect(new Set(nonces).size).toBe(3);
    for (const [index, answer] of [first, ...answers].entries()) {
      const nonce = nonces[index]!;
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(answer.body).toBe(`<html><body><script nonce="${nonce}">1</script>results for /en/search?q=prevention and more<script nonce="${nonce}">2</script></body></html>`);
      expect(answer.headers.get("link")).toBe(`</style.css>; rel=preload; as="style"; nonce="${nonce}"`);
      expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(answer.headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
      // Next streamed its own answer; a kept one goes with its length.
      if (index > 0) expect(answer.headers.get("content-length")).toBe(String(Buffer.byteLength(answer.body)));
    }
  });

  it("keeps one answer per address, whatever the encoding it was sent in, and gzips it for a client that takes it", async () => {
    const { renders, get } = await serve(page);
    const zipped = await get("/en/search?q=prevention", { "accept-encoding": "gzip" });
    const plain = await get("/en/search?q=prevention", { "accept-encoding": "identity" });
    const again = await get("/en/search?q=prevention", { "accept-encoding": "gzip, deflate, br" });
    await get("/en/search?q=Prevention", { "accept-encoding": "identity" });
    expect(renders).toEqual(["/en/search?q=prevention", "/en/search?q=Prevention"]);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(again.headers.get("content-encoding")).toBe("gzip");
    // fetch decodes: the same page, each with its nonce.
    const nonce = (answer: { headers: Headers }) => nonceOf(answer.headers.get("content-security-policy"))!;
    expect(plain.body.replaceAll(nonce(plain), "N")).toBe(zipped.body.replaceAll(nonce(zipped), "N"));
    expect(again.body.replaceAll(nonce(again), "N")).toBe(zipped.body.replaceAll(nonce(zipped), "N"));
  });

  it("renders again once a tag of search results is invalidated, and not for another tag", async () => {
    const { invalidations, renders, get } = await serve(page);
    await get("/en/search?q=prevention");
    invalidations.invalidate(["organisation:1", "country:FR"]);
    await get("/en/search?q=prevention");
    expect(renders).toHaveLength(1);
    for (const tag of searchPageTags) {
      invalidations.invalidate([tag]);
      await get("/en/search?q=prevention");
    }
    expect(renders).toHaveLength(1 + searchPageTags.length);
  });

  it("keeps nothing while invalidations cannot be known", async () => {
    const invalidations = { stamp: async () => null, unchangedSince: async () => null };
    const { renders, get } = await serve(page, { invalidations });
    await get("/en/search?q=prevention");
    await get("/en/search?q=prevention");
    expect(renders).toHaveLength(2);
  });

  it("serves an answer for a short time only", async () => {
    const clock = { now: 0 };
    const { renders, get } = await serve(page, { ttlMs: 30_000, now: () => clock.now });
    await get("/en/search?q=prevention");
    clock.now = 29_999;
    await get("/en/search?q=prevention");
    clock.now = 30_000;
    await get("/en/search?q=prevention");
    expect(renders).toHaveLength(2);
  });

  it("keeps no error, no answer with a cookie, and holds at most maxEntries", async () => {
    const failing: Next = async (req, res) => {
      if (req.url!.includes("cookie")) res.setHeader("set-cookie", "a=b");
      res.statusCode = req.url!.includes("error") ? 500 : 200;
      res.end("page");
    };
    const { pages, renders, get } = await serve(failing, { maxEntries: 2 });
    for (const path of ["/en/search?q=error", "/en/search?q=cookie", "/en/search?q=a", "/en/search?q=b", "/en/search?q=c"]) {
      await get(path);
      await get(path);
    }
    expect(renders).toEqual(["/en/search?q=error", "/en/search?q=error", "/en/search?q=cookie", "/en/search?q=cookie", "/en/search?q=a", "/en/search?q=b", "/en/search?q=c"]);
    expect(pages.cache.size.entries).toBe(2);
  });

  it("renders a search asked for twice at once only once", async () => {
    const { renders, get } = await serve(page);
    const [a, b] = await Promise.all([get("/en/search?q=prevention"), get("/en/search?q=prevention")]);
    expect(renders).toHaveLength(1);
    const withoutNonce = (answer: typeof a) => answer.body.replaceAll(nonceOf(answer.headers.get("content-security-policy"))!, "N");
    expect(withoutNonce(a)).toBe(withoutNonce(b));
  });

  it("answers its own failure with the caller's error answer, and a request waiting for it renders on its own", async () => {
    let calls = 0;
    const flaky: Next = async (req, res) => {
      if (calls++ === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error("render failed");
      }
      return page(req, res);
    };
    const { renders, get } = await serve(flaky);
    const [failed, waited] = await Promise.all([get("/en/search?q=prevention"), get("/en/search?q=prevention")]);
    expect(failed).toMatchObject({ status: 500, body: "failed" });
    expect(waited.status).toBe(200);
    expect(renders).toHaveLength(2);
  });
});

describe("keptRequest", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

  it("keeps a plain GET of a language's /search only", () => {
    expect(keptRequest(request("/en/search?q=x"))).toBe(true);
    expect(keptRequest(request("/fr/search"))).toBe(true);
    for (const url of ["/", "/search", "/en/searching?q=x", "/en/search/", "/api/v1/organisations?q=x", "/en/organisations/x"]) expect(keptRequest(request(url)), url).toBe(false);
    expect(keptRequest(request("/en/search?q=x", {}, "HEAD"))).toBe(false);
    expect(keptRequest(request("/en/search?q=x", {}, "POST"))).toBe(false);
  });

  it("leaves client navigations, fresh answers, credentials, draft mode and ranges to Next", () => {
    const refused: Record<string, string>[] = [
      { rsc: "1" },
      { "next-router-prefetch": "1" },
      { "next-router-state-tree": "%5B%5D" },
      { "next-router-segment-prefetch": "/_tree" },
      { "cache-control": "no-cache" },
      { pragma: "no-cache" },
      { authorization: "Bearer x" },
      { cookie: "__prerender_bypass=1" },
      { range: "bytes=0-10" },
      { "next-action": "abc" },
    ];
    for (const headers of refused) {
      expect(keptRequest(request("/en/search?q=x", headers)), JSON.stringify(headers)).toBe(false);
    }
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
