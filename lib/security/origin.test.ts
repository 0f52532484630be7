import { describe, expect, it } from "vitest";
import { isCrossSite } from "./origin";

const app = "https://directory.example.org";
const post = (headers: Record<string, string>) => new Request(`${app}/api/auth/signout`, { method: "POST", headers });

describe("isCrossSite", () => {
  it("lets the site's own origin through", () => {
    expect(isCrossSite(post({ origin: app, host: "directory.example.org" }), app)).toBe(false);
    expect(isCrossSite(post({ origin: `${app}/` }), `${app}/`)).toBe(false);
  });

  it("judges by APP_URL alone: Host and forwarding headers, which a client sets, do not make an origin this site's", () => {
    expect(isCrossSite(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), app)).toBe(true);
    expect(isCrossSite(post({ origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }), app)).toBe(true);
    // Same host, another scheme or port.
    expect(isCrossSite(post({ origin: "http://directory.example.org" }), app)).toBe(true);
    expect(isCrossSite(post({ origin: "https://directory.example.org:8443" }), app)).toBe(true);
  });

  it("refuses another origin, Origin: null and a malformed origin", () => {
    expect(isCrossSite(post({ origin: "https://evil.example", host: "directory.example.org" }), app)).toBe(true);
    expect(isCrossSite(post({ origin: "null", host: "directory.example.org" }), app)).toBe(true);
    expect(isCrossSite(post({ origin: "not a url", host: "directory.example.org" }), app)).toBe(true);
  });

  it("falls back to Sec-Fetch-Site when there is no Origin", () => {
    expect(isCrossSite(post({ "sec-fetch-site": "cross-site" }), app)).toBe(true);
    expect(isCrossSite(post({ "sec-fetch-site": "same-site" }), app)).toBe(true);
    expect(isCrossSite(post({ "sec-fetch-site": "same-origin" }), app)).toBe(false);
    expect(isCrossSite(post({}), app)).toBe(false);
  });
});
