import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddressHeader } from "./request-facts.js";
import { clientKey, refuseGreedySearch, SearchLimiter } from "./search-limit.js";

/** A limiter on a clock that moves only when the test says. */
function limiterAt(options: ConstructorParameters<typeof SearchLimiter>[0] = {}) {
  const clock = { now: 0 };
  return { clock, limiter: new SearchLimiter({ ...options, now: () => clock.now }) };
}

describe("SearchLimiter", () => {
  it("lets a burst through, then one search per token, and says when the next token comes", () => {
    const { clock, limiter } = limiterAt({ burst: 3, perSecond: 0.5, maxInFlight: 10 });
    for (let i = 0; i < 3; i++) {
      const decision = limiter.begin("198.51.100.1");
      expect(decision.ok).toBe(true);
      if (decision.ok) decision.end(200);
    }
    expect(limiter.begin("198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 2 });
    clock.now = 1_000;
    expect(limiter.begin("198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.now = 2_000;
    expect(limiter.begin("198.51.100.1").ok).toBe(true);
    // Another client is not affected.
    expect(limiter.begin("198.51.100.2").ok).toBe(true);
  });

  it("gives the token back when the answer is not a 2xx", () => {
    const { limiter } = limiterAt({ burst: 1, perSecond: 1 });
    const first = limiter.begin("198.51.100.3");
    expect(first.ok).toBe(true);
    if (first.ok) {
      first.end(503);
      first.end(503);
    }
    const second = limiter.begin("198.51.100.3");
    expect(second.ok).toBe(true);
    if (second.ok) second.end(200);
    expect(limiter.begin("198.51.100.3").ok).toBe(false);
  });

  it("refuses more than maxInFlight searches under way, with Retry-After 1, and takes them again as they end", () => {
    const { limiter } = limiterAt({ maxInFlight: 2, burst: 100 });
    const first = limiter.begin("198.51.100.4");
    const second = limiter.begin("198.51.100.4");
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(limiter.begin("198.51.100.4")).toEqual({ ok: false, retryAfterSeconds: 1 });
    if (first.ok) first.end(200);
    expect(limiter.begin("198.51.100.4").ok).toBe(true);
  });

  it("holds the state of at most maxClients clients, however many addresses ask", () => {
    const { clock, limiter } = limiterAt({ maxClients: 100, burst: 2, perSecond: 1 });
    for (let i = 0; i < 10_000; i++) {
      clock.now = i;
      const decision = limiter.begin(`10.0.${i >> 8}.${i & 255}`);
      if (decision.ok) decision.end(200);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
  });

  it("keeps a client it drops at most as a client never seen: a bucket full again", () => {
    const { clock, limiter } = limiterAt({ burst: 2, perSecond: 1 });
    for (const address of ["198.51.100.5", "198.51.100.6"]) {
      const decision = limiter.begin(address);
      if (decision.ok) decision.end(200);
    }
    expect(limiter.size).toBe(2);
    // Two seconds refill a burst of two: both entries are dropped as the next client comes.
    clock.now = 2_000;
    limiter.begin("198.51.100.7");
    expect(limiter.size).toBe(1);
  });
});

describe("clientKey", () => {
  it("is the address for IPv4 and the /64 for IPv6", () => {
    expect(clientKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:DB8:1:2::ff")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("::ffff:0:192.0.2.1")).toBe("0:0:0:0::/64");
    expect(clientKey("unknown")).toBe("unknown");
  });
});

describe("refuseGreedySearch", () => {
  const request = (url: string, address = "198.51.100.20") => ({ url, headers: { [clientAddressHeader]: address } }) as unknown as IncomingMessage;
  const response = (statusCode = 200) => Object.assign(new EventEmitter(), { statusCode }) as unknown as ServerResponse;

  it("answers 429 with Retry-After and a small plain page past the limit, and only on /search", () => {
    const limiter = new SearchLimiter({ burst: 1, perSecond: 1 });
    const first = response();
    expect(refuseGreedySearch(request("/en/search?q=x"), first, limiter)).toBeNull();
    first.emit("close");
    const refusal = refuseGreedySearch(request("/en/search?_rsc=1&q=y"), response(), limiter);
    expect(refusal?.status).toBe(429);
    expect(refusal?.headers["retry-after"]).toBe("1");
    expect(refusal?.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(refusal?.body).toContain("Too many searches");
    expect(refusal!.body.length).toBeLessThan(1_000);
    // Other paths, and other clients, go on.
    for (const url of ["/", "/en/organisations/allo-tolerance", "/en/searching", "/search", "/api/v1/organisations?q=x"]) {
      expect(refuseGreedySearch(request(url), response(), limiter)).toBeNull();
    }
    expect(refuseGreedySearch(request("/en/search?q=x", "198.51.100.21"), response(), limiter)).toBeNull();
  });

  it("counts a search under way until its response closes", () => {
    const limiter = new SearchLimiter({ maxInFlight: 1 });
    const first = response();
    expect(refuseGreedySearch(request("/en/search"), first, limiter)).toBeNull();
    expect(refuseGreedySearch(request("/en/search"), response(), limiter)?.status).toBe(429);
    first.emit("close");
    expect(refuseGreedySearch(request("/en/search"), response(), limiter)).toBeNull();
  });
});
