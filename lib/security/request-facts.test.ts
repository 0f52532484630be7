import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { allowedMethods, clientAddressHeader, decideClientAddress, decideRequestFacts, routableUrl } from "./request-facts.js";

describe("decideClientAddress", () => {
  it("takes the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(decideClientAddress("203.0.113.9", "6.6.6.6", 0)).toBe("203.0.113.9");
    expect(decideClientAddress("::ffff:203.0.113.9", undefined, 0)).toBe("203.0.113.9");
    expect(decideClientAddress("2001:db8::1", "6.6.6.6, 7.7.7.7", 0)).toBe("2001:db8::1");
  });

  it("takes the entry the trusted proxies appended, so what a client writes itself is never read", () => {
    // The client forged "6.6.6.6"; the one proxy appended the real address.
    expect(decideClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(decideClientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(decideClientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("falls back to the peer on a header that is missing, short or not an address", () => {
    expect(decideClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(decideClientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("10.0.0.2");
    expect(decideClientAddress("10.0.0.2", "not-an-address", 1)).toBe("10.0.0.2");
    expect(decideClientAddress("10.0.0.2", "1.2.3.4\u0000", 1)).toBe("10.0.0.2");
    expect(decideClientAddress(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("routableUrl", () => {
  it("leaves paths that decode alone, query strings included", () => {
    expect(routableUrl("/organisations/caf%C3%A9?q=%FF")).toBe("/organisations/caf%C3%A9?q=%FF");
    expect(routableUrl("/")).toBe("/");
  });

  it("escapes again the segments that are not UTF-8 or not escapes at all", () => {
    expect(routableUrl("/organisations/%C3%28")).toBe("/organisations/%25C3%2528");
    expect(routableUrl("/api/v1/organisations/%80?x=%80")).toBe("/api/v1/organisations/%2580?x=%80");
    expect(routableUrl("/countries/%ZZ/page/2")).toBe("/countries/%25ZZ/page/2");
    expect(decodeURIComponent(routableUrl("/a/%ED%A0%80/b"))).toBe("/a/%ED%A0%80/b");
  });

  it("escapes again escaped control characters, which no address holds", () => {
    expect(routableUrl("/organisations/a%00b%1F%7f%20c?q=%00")).toBe("/organisations/a%2500b%251F%257f%20c?q=%00");
  });
});

describe("decideRequestFacts", () => {
  const request = (headers: Record<string, string>, remoteAddress = "192.0.2.10") =>
    ({ url: "/x", headers: { ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage;

  it("replaces a client address a client sent, and drops forwarding headers nobody vouches for", () => {
    const req = request({ [clientAddressHeader]: "6.6.6.6", "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    decideRequestFacts(req, 0);
    expect(req.headers[clientAddressHeader]).toBe("192.0.2.10");
    expect(req.headers).not.toHaveProperty("x-forwarded-for");
    expect(req.headers).not.toHaveProperty("x-forwarded-host");
    expect(req.headers).not.toHaveProperty("x-forwarded-proto");
  });

  it("answers Next's prerendered error page as an address that does not exist", () => {
    const req = request({});
    req.url = "/_global-error?x=1";
    decideRequestFacts(req, 0);
    expect(req.url).toBe("/_not-found");
  });

  it("keeps the forwarding headers of a trusted proxy", () => {
    const req = request({ "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "directory.example.org" });
    decideRequestFacts(req, 1);
    expect(req.headers[clientAddressHeader]).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-host"]).toBe("directory.example.org");
  });
});

describe("allowedMethods", () => {
  it("agrees with what every API route handler exports", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const routes = (await readdir("app/api", { recursive: true })).filter((file) => file.endsWith("route.ts"));
    expect(routes.length).toBeGreaterThan(5);
    for (const file of routes) {
      const source = await readFile(`app/api/${file}`, "utf8");
      const exported = [...source.matchAll(/^export (?:async function|function|const) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((match) => match[1]);
      const expected = [...exported, ...(exported.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
      const url = `/api/${file.replace(/\/?route\.ts$/, "").replace(/\[\.\.\.[^\]]+\]/, "a/b").replace(/\[[^\]]+\]/g, "x")}`;
      expect(allowedMethods(url).toSorted(), url).toEqual(expected.toSorted());
    }
  });

  it("lets pages take GET, HEAD and POST (server actions), Next's assets and the metadata routes GET and HEAD", () => {
    expect(allowedMethods("/organisations/x")).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods("/_next/static/chunks/a.js")).toEqual(["GET", "HEAD"]);
    for (const path of ["/robots.txt", "/sitemap.xml", "/sitemaps/sitemap/0.xml", "/favicon.ico", "/icon.svg"]) expect(allowedMethods(path), path).toEqual(["GET", "HEAD"]);
  });

  it("covers every route handler outside the API: each is a GET", async () => {
    const { readdir } = await import("node:fs/promises");
    const handlers = (await readdir("app", { recursive: true })).filter((file) => /(^|\/)(route\.ts|robots\.ts|sitemap\.ts|manifest\.ts|(apple-)?icon\.\w+|favicon\.ico)$/.test(file) && !file.startsWith("api/"));
    expect(handlers.length).toBeGreaterThan(2);
    for (const file of handlers) {
      const url = `/${file.replace(/\([^)]+\)\//g, "").replace(/\/route\.ts$/, "").replace(/^(robots|sitemap)\.ts$/, (_, name) => (name === "robots" ? "robots.txt" : "sitemap.xml")).replace(/^sitemaps\/sitemap\.ts$/, "sitemaps/sitemap/0.xml").replace(/\.(tsx?)$/, "")}`;
      expect(allowedMethods(url), `${file} → ${url}`).toEqual(["GET", "HEAD"]);
    }
  });
});

describe("decideRequestFacts's methods", () => {
  const request = (method: string, url: string) => ({ method, url, headers: {}, socket: { remoteAddress: "192.0.2.10" } }) as unknown as IncomingMessage;

  it("answers 405 with Allow, as a page for a browser and as JSON for the API", () => {
    const page = decideRequestFacts(request("TRACE", "/search?q=x"), 0);
    expect(page).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, POST", "content-type": "text/html; charset=utf-8" } });
    expect(page!.body).toContain('<html lang="en">');
    const api = decideRequestFacts(request("DELETE", "/api/v1/organisations"), 0);
    expect(api).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, OPTIONS", "content-type": "application/json" } });
    expect(JSON.parse(api!.body).error.message).toContain("DELETE");
    expect(decideRequestFacts(request("POST", "/admin/organisations/new"), 0)).toBeNull();
    expect(decideRequestFacts(request("OPTIONS", "/api/v1/kinds"), 0)).toBeNull();
  });
});
