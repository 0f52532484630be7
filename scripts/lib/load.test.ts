import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "./load";

// A server slower than the arrival interval: an open model must keep sending on schedule.
const delay = 250;
let server: http.Server;
let url: string;
const arrivals: number[] = [];
const forwardedFor: (string | undefined)[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    arrivals.push(performance.now());
    forwardedFor.push(request.headers["x-forwarded-for"] as string | undefined);
    // "/429" answers 429: the results count answers by status.
    response.statusCode = request.url === "/429" ? 429 : 200;
    setTimeout(() => response.end(request.url), delay);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("load, open model", () => {
  it("sends every request when it is due, however slowly the server answers", async () => {
    arrivals.length = 0;
    const result = await load({ url, connections: 50, seconds: 1, rate: 20 });
    // A closed loop on one connection would have managed four in a second.
    expect(result).toMatchObject({ requests: 20, errors: 0, non2xx: 0 });
    expect(result.p50).toBeGreaterThanOrEqual(delay);
    // Evenly spread over the second (every 50 ms), not sent in a burst.
    const gaps = arrivals.slice(1).map((time, index) => time - arrivals[index]);
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThan(800);
    expect(gaps.filter((gap) => gap < 20).length).toBeLessThan(gaps.length / 2);
  });

  it("says how late it sent when its own event loop could not keep up", async () => {
    // Keeping up: requests leave when due.
    const onTime = await load({ url, connections: 50, seconds: 0.5, rate: 20 });
    expect(onTime.sendLag).toBeLessThan(delay);
    // The generator's own thread busy for 300 ms: the requests due meanwhile leave late, and the
    // result says so (their latencies are the generator's, not the server's).
    setTimeout(() => {
      const until = performance.now() + 300;
      while (performance.now() < until);
    }, 50);
    const behind = await load({ url, connections: 50, seconds: 0.5, rate: 20 });
    expect(behind.sendLag).toBeGreaterThanOrEqual(150);
  });

  it("counts a wait for a free connection in the response's time", async () => {
    // One connection, four requests due in the first 200 ms: each waits for the one before it.
    const result = await load({ url, connections: 1, seconds: 0.2, rate: 20 });
    expect(result.requests).toBe(4);
    expect(result.p99).toBeGreaterThanOrEqual(3 * delay);
  });
});

describe("load, answers by status", () => {
  it("counts each status, in the open model and in a closed loop", async () => {
    const open = await load({ url, paths: ["/", "/429"], connections: 50, seconds: 0.5, rate: 20 });
    expect(open.statuses).toEqual({ 200: 5, 429: 5 });
    expect(open.non2xx).toBe(5);
    const closed = await load({ url, paths: ["/", "/429"], connections: 2, seconds: 1 });
    expect(closed.statuses["200"] + closed.statuses["429"]).toBe(closed.requests);
    expect(closed.statuses["429"]).toBe(closed.non2xx);
  });
});

describe("load, distinct clients", () => {
  it("gives each request an X-Forwarded-For of its own when asked, in both models", async () => {
    for (const options of [{ rate: 20 }, {}]) {
      forwardedFor.length = 0;
      const result = await load({ url, paths: ["/"], connections: 2, seconds: 0.5, distinctClients: true, ...options });
      // (A closed loop's last requests, under way when the run ends, reach the server uncounted.)
      expect(forwardedFor.length).toBeGreaterThanOrEqual(result.requests);
      expect(new Set(forwardedFor).size).toBe(forwardedFor.length);
      for (const address of forwardedFor) expect(address).toMatch(/^10\.\d+\.\d+\.\d+$/);
    }
    forwardedFor.length = 0;
    await load({ url, connections: 1, seconds: 0.3, rate: 10, headers: { "x-forwarded-for": "198.51.100.1" } });
    expect(new Set(forwardedFor)).toEqual(new Set(["198.51.100.1"]));
  });
});
