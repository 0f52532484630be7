import { describe, expect, it } from "vitest";
import { SearchResultCache, type SearchResultCacheOptions } from "./search-result-cache.js";

/** A cache on a clock and a generation that move only when the test says. */
function cacheWith(options: Partial<SearchResultCacheOptions<string, number>> = {}) {
  const world = { now: 0, generation: 1 as number | null };
  const cache = new SearchResultCache<string, number>({
    maxEntries: 10,
    maxBytes: 1_000,
    ttlMs: 30_000,
    stamp: async () => world.generation,
    stillValid: async (stamp) => stamp === world.generation,
    sizeOf: (value) => value.length,
    now: () => world.now,
    ...options,
  });
  const computed: string[] = [];
  const search = (key: string, value = `${key}@${world.generation}`) =>
    cache.get(key, async () => {
      computed.push(key);
      return value;
    });
  return { world, cache, computed, search };
}

describe("SearchResultCache", () => {
  it("serves a stored result again until it expires", async () => {
    const { world, cache, computed, search } = cacheWith();
    expect(await search("prevention")).toBe("prevention@1");
    world.now = 29_999;
    expect(await search("prevention")).toBe("prevention@1");
    expect(computed).toEqual(["prevention"]);
    world.now = 30_000;
    await search("prevention");
    expect(computed).toEqual(["prevention", "prevention"]);
    expect(cache.counts).toEqual({ hits: 1, misses: 2, uncached: 0 });
  });

  it("serves nothing stored before the data changed, and keeps nothing while the stamp is unknown", async () => {
    const { world, computed, search } = cacheWith();
    await search("prevention");
    world.generation = 2;
    expect(await search("prevention")).toBe("prevention@2");
    world.generation = null;
    await search("prevention");
    await search("prevention");
    expect(computed).toEqual(["prevention", "prevention", "prevention", "prevention"]);
    // Known again: computed once more, then served.
    world.generation = 3;
    await search("prevention");
    await search("prevention");
    expect(computed).toHaveLength(5);
  });

  it("does not keep a result read before a change that came while it was read", async () => {
    const { world, cache, computed } = cacheWith();
    await cache.get("prevention", async () => {
      // The change commits while the search reads: the result was read under generation 1.
      world.generation = 2;
      return "old";
    });
    expect(await cache.get("prevention", async () => (computed.push("again"), "new"))).toBe("new");
    expect(computed).toEqual(["again"]);
  });

  it("holds at most maxEntries, the least recently used dropped first", async () => {
    const { computed, cache, search } = cacheWith({ maxEntries: 3 });
    for (const key of ["a", "b", "c"]) await search(key);
    await search("a");
    await search("d");
    expect(cache.size.entries).toBe(3);
    computed.length = 0;
    for (const key of ["a", "c", "d", "b"]) await search(key);
    // b was the least recently used: the only one computed again.
    expect(computed).toEqual(["b"]);
  });

  it("holds at most maxBytes, and never a value larger than that", async () => {
    const { cache, search } = cacheWith({ maxBytes: 100, maxEntries: 1_000 });
    for (let i = 0; i < 50; i++) await search(`key-${i}`, "x".repeat(30));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    expect(cache.size.entries).toBe(3);
    await search("huge", "x".repeat(101));
    expect(cache.size).toEqual({ entries: 3, bytes: 90 });
  });

  it("computes a search asked for twice at once only once", async () => {
    const { cache, computed } = cacheWith();
    let release = () => {};
    const slow = () =>
      cache.get("prevention", async () => {
        computed.push("prevention");
        await new Promise<void>((resolve) => (release = resolve));
        return "result";
      });
    const first = slow();
    // The first one has read its stamp and is computing.
    await new Promise((resolve) => setImmediate(resolve));
    const second = slow();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await Promise.all([first, second])).toEqual(["result", "result"]);
    expect(computed).toEqual(["prevention"]);
  });

  it("stores nothing when the computation fails, and a failing stamp or check is a miss", async () => {
    const { world, cache, computed, search } = cacheWith();
    await expect(cache.get("broken", async () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
    expect(cache.size.entries).toBe(0);

    const failing = new SearchResultCache<string, number>({
      maxEntries: 10,
      maxBytes: 1_000,
      ttlMs: 30_000,
      stamp: async () => world.generation,
      stillValid: async () => Promise.reject(new Error("Redis away")),
    });
    expect(await failing.get("q", async () => "one")).toBe("one");
    expect(await failing.get("q", async () => "two")).toBe("two");
    const noStamp = new SearchResultCache<string, number>({ maxEntries: 10, maxBytes: 1_000, ttlMs: 30_000, stamp: async () => Promise.reject(new Error("away")), stillValid: async () => true });
    expect(await noStamp.get("q", async () => "three")).toBe("three");
    expect(noStamp.counts.uncached).toBe(1);
    await search("fine");
    expect(computed).toEqual(["fine"]);
  });
});
