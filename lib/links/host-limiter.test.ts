import { describe, expect, it } from "vitest";
import { createHostLimiter, createSemaphore } from "./host-limiter";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A task that takes `ms` and records when it ran. */
function timed(log: Array<{ name: string; start: number; end: number }>, name: string, ms: number) {
  return async () => {
    const start = performance.now();
    await sleep(ms);
    log.push({ name, start, end: performance.now() });
    return name;
  };
}

describe("createHostLimiter", () => {
  it("runs one task at a time per host with the pause between, and hosts in parallel", async () => {
    const limiter = createHostLimiter({ pauseMs: 50 });
    const log: Array<{ name: string; start: number; end: number }> = [];
    const results = await Promise.all([
      limiter.run("a.example", timed(log, "a1", 30)),
      limiter.run("a.example", timed(log, "a2", 30)),
      limiter.run("a.example", timed(log, "a3", 30)),
      limiter.run("b.example", timed(log, "b1", 30)),
    ]);
    expect(results).toEqual(["a1", "a2", "a3", "b1"]);
    const [a1, a2, a3, b1] = ["a1", "a2", "a3", "b1"].map((name) => log.find((entry) => entry.name === name)!);
    expect(a2.start - a1.end).toBeGreaterThanOrEqual(50);
    expect(a3.start - a2.end).toBeGreaterThanOrEqual(50);
    expect(b1.start).toBeLessThan(a1.end);
  });

  it("starts at once on an idle host, and goes on after a task that failed", async () => {
    const limiter = createHostLimiter({ pauseMs: 1_000 });
    const started = performance.now();
    await expect(limiter.run("a.example", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(performance.now() - started).toBeLessThan(100);
    await expect(limiter.run("b.example", async () => "b")).resolves.toBe("b");
  });
});

describe("createSemaphore", () => {
  it("runs at most `limit` tasks at once, in the order they asked", async () => {
    const slot = createSemaphore(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        slot(async () => {
          order.push(n);
          most = Math.max(most, ++running);
          await sleep(10);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
