import { describe, expect, it } from "vitest";
import { endMarker, replaceResults, resultsTable, startMarker, statementTimes, type BenchFigures } from "./bench-results";

// The figures of the 2026-11-29 07:38 run (the last run that appended to the old log).
const run: BenchFigures = {
  date: "2026-11-29 07:38 UTC",
  machine: "2 cores (AMD EPYC), 24 GiB, Node 24.22.3, PostgreSQL 15.18 (embedded, shared_buffers 5GB), server on core 0, load generator on core 1, 10 s per run",
  page: {
    rounds: [
      { fresh: 0.728, longRunning: 0.672, stock: 0.055 },
      { fresh: 0.67, longRunning: 0.672, stock: 0.049 },
      { fresh: 0.805, longRunning: 0.764, stock: 0.058 },
      { fresh: 0.771, longRunning: 0.718, stock: 0.069 },
      { fresh: 0.755, longRunning: 0.747, stock: 0.077 },
    ],
    perBusyCore: { ceiling: 72677, frontCache: 53180, throughNext: 1294, rendered: 234 },
    cachedRss: 172,
    firstRender: { pages: 100, p50: 13.4, p95: 24.7, max: 68.7 },
  },
  search: {
    endpoint: [
      { size: "100k", connections: 1, perSecond: 125, p50: 7.1, p95: 17.1 },
      { size: "100k", connections: 8, perSecond: 197, p50: 39.1, p95: 59.6 },
      { size: "1M", connections: 1, perSecond: 108, p50: 8.3, p95: 18.4 },
      { size: "1M", connections: 8, perSecond: 170, p50: 45.4, p95: 71.5 },
    ],
    // Not measured before the result cache and the per-client limit.
    uncached: null,
    greedy: null,
    statements: [
      { size: "100k", query: "q=radicalisation+extremism", p95: 2.9 },
      { size: "100k", query: "q=tolerence (typo fallback)", p95: 2.2 },
      { size: "1M", query: "q=tolerance", p95: 4.6 },
      { size: "1M", query: "q=tolerence (typo fallback)", p95: 5.9 },
      { size: "1M", query: "q=prevention&country=fr", p95: 5.0 },
    ],
  },
  admin: [
    { size: "100k", path: "/admin/organisations?q=exit", p95: 28.8 },
    { size: "1M", path: "/admin/organisations", p95: 24.3 },
    { size: "1M", path: "/admin/organisations?country=de&kind=NGO", p95: 35.9 },
  ],
  redis: { changes: 20, p50: 26.1, max: 83.1, firstRequest: 20 },
  peakRss: 565,
};

describe("resultsTable", () => {
  const table = resultsTable(run);
  const row = (start: string) => table.split("\n").find((line) => line.startsWith(`| ${start}`));

  it("opens with the date and the machine, then one table", () => {
    expect(table.split("\n").slice(0, 4)).toEqual([
      `2026-11-29 07:38 UTC: ${run.machine}.`,
      "",
      "| measured | goal | result |",
      "| --- | --- | --- |",
    ]);
    expect(table.split("\n").filter((line) => line.startsWith("|"))).toHaveLength(12);
  });

  it("gives the median round's share of the ceiling", () => {
    expect(row("cached organisation page")).toContain("**75.5%** (a long-running server that also rendered pages: 71.8%; stock `next start`: 5.8%)");
  });

  it("gives each answer's CPU time from the throughput per busy core", () => {
    expect(row("one answer's server CPU")).toContain("| 14 µs / 19 µs / 773 µs / 4.3 ms (72,677 / 53,180 / 1,294 / 234 req/s per busy core) |");
  });

  it("names the slowest case at each size", () => {
    expect(row("search statement")).toContain("slowest of 3 cases");
    expect(row("search statement")).toContain("**5.9 ms** (`q=tolerence (typo fallback)`); 100k: 2.9 ms");
    expect(row("admin organisation")).toContain("**35.9 ms** (`/admin/organisations?country=de&kind=NGO`); 100k: 28.8 ms");
    expect(row("`/search` at 1M, 12 queries")).toContain("**18.4 ms** (p50 8.3; 100k: 17.1 ms)");
    expect(row("`/search` at 1M, the same queries on 8")).toContain("**71.5 ms** (p50 45.4, 170 req/s)");
    expect(row("`/search` at 1M, every search rendered")).toContain("| < 100 ms | not measured |");
  });

  it("gives the first render, the change across instances and memory", () => {
    expect(row("first render")).toContain("**24.7 ms** (p50 13.4, max 68.7)");
    expect(row("a change revalidated")).toContain("**p50 26.1 ms, max 83.1 ms** (20 changes; the other instance's first request was fresh 20 times)");
    expect(row("server memory")).toContain("172 MB serving cached pages; at most 565 MB over the run");
  });

  it("gives the result cache's share, the searches without it and the greedy client's", () => {
    const search: BenchFigures["search"] = {
      ...run.search,
      endpoint: run.search.endpoint.map((row) => (row.size === "1M" ? { ...row, pageHitRate: row.connections === 1 ? 0.9876 : 0.999, hitRate: row.connections === 1 ? 1 : null } : row)),
      uncached: { perSecond: 181, p50: 41.2, p95: 66.3 },
      greedy: { other: { perSecond: 61, p50: 12.1, p95: 31.5, refused: 0 }, hog: { served: 93, refused: 412345, perSecond: 41244 } },
    };
    const table = resultsTable({ ...run, search });
    const row = (start: string) => table.split("\n").find((line) => line.startsWith(`| ${start}`));
    expect(row("`/search` at 1M, 12 queries")).toContain(
      "**18.4 ms** (p50 8.3; 100k: 17.1 ms; 98.8% of requests from the page cache; 100.0% of rendered searches from the results cache)",
    );
    expect(row("`/search` at 1M, the same queries on 8")).toContain(
      "**71.5 ms** (p50 45.4, 170 req/s; 99.9% of requests from the page cache; every search rendered and computed, caches off: p95 66.3 ms, 181 req/s)",
    );
    expect(row("`/search` at 1M, every search rendered")).toContain(
      "| < 100 ms | **31.5 ms** (p50 12.1, 61 req/s, 0 refused; the greedy client: 93 searches served, 412,345 answered 429) |",
    );
  });

  it("says when Redis was not measured", () => {
    expect(resultsTable({ ...run, redis: { skipped: "no Redis at redis://127.0.0.1:6379" } })).toContain(
      "| ≤ 1 s | not measured: no Redis at redis://127.0.0.1:6379 |",
    );
  });
});

describe("replaceResults", () => {
  const document = `# Benchmarks\n\nHow to run it.\n\n${startMarker}\nold table\n| a | b |\n${endMarker}\n\nAfter the table.\n`;

  it("replaces only what stands between the markers", () => {
    expect(replaceResults(document, "new table\n")).toBe(`# Benchmarks\n\nHow to run it.\n\n${startMarker}\n\nnew table\n\n${endMarker}\n\nAfter the table.\n`);
  });

  it("gives the same document when run twice with the same table", () => {
    const once = replaceResults(document, resultsTable(run));
    expect(replaceResults(once, resultsTable(run))).toBe(once);
    expect(once).toContain(`${startMarker}\n\n2026-11-29 07:38 UTC`);
  });

  it("appends the markers to a document without them", () => {
    expect(replaceResults("# Benchmarks\n", "table")).toBe(`# Benchmarks\n\n${startMarker}\n\ntable\n\n${endMarker}\n`);
  });

  it("refuses markers out of order, unpaired or repeated", () => {
    expect(() => replaceResults(`${endMarker}\n${startMarker}\n`, "table")).toThrow(/Expected one/);
    expect(() => replaceResults(`${startMarker}\nno end\n`, "table")).toThrow(/Expected one/);
    expect(() => replaceResults(`only an end\n${endMarker}\n`, "table")).toThrow(/Expected one/);
    expect(() => replaceResults(`${startMarker}\n${endMarker}\n${startMarker}\n${endMarker}\n`, "table")).toThrow(/Expected one/);
  });
});

describe("statementTimes", () => {
  it("reads each case's p95 from search:plans's table", () => {
    const output = [
      "Timing the search statement at 1,000,000 organisations…",
      "| query | statement | p50 | p95 | max | of which planning, p50 |",
      "| --- | --- | ---: | ---: | ---: | ---: |",
      "| `q=tolerance` | search | 3.9 | 4.6 | 7.4 | 0.4 |",
      "| `q=tolerence (typo fallback)` | search | 5.6 | 5.9 | 6.0 | 0.9 |",
      "| `q=&country=be` | search | 0.8 | – | 1.4 | 0.2 |",
      "",
    ].join("\n");
    expect(statementTimes(output, "1M")).toEqual([
      { size: "1M", query: "q=tolerance", p95: 4.6 },
      { size: "1M", query: "q=tolerence (typo fallback)", p95: 5.9 },
    ]);
  });
});
