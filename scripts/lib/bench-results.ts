// The results table of `npm run bench`: one full run's figures beside the goals, kept between two
// marker comments in docs/benchmarks.md and replaced by each full run (the earlier ones are in git).

export const startMarker = "<!-- bench:results:start -->";
export const endMarker = "<!-- bench:results:end -->";

/** What a full run measured (times in ms, memory in MB). */
export type BenchFigures = {
  /** When the run started: "2026-11-29 07:38 UTC". */
  date: string;
  /** The machine and the run's settings, one sentence. */
  machine: string;
  page: {
    /** Per alternating round: requests per second of server CPU, each as a share of the static ceiling's. */
    rounds: { fresh: number; longRunning: number; stock: number }[];
    /** Closed-loop requests per second divided by the server core's busy share. */
    perBusyCore: { ceiling: number; frontCache: number; throughNext: number; rendered: number };
    /** The server's RSS while answering the cached page from the front cache. */
    cachedRss: number;
    firstRender: { pages: number; p50: number; p95: number; max: number };
  };
  search: {
    /**
     * The query mix, each request from a client of its own; `pageHitRate`: the share of requests
     * the page cache answered, `hitRate`: the share of searches reaching the page that the results
     * cache answered (null: no such cache, or nothing reached it).
     */
    endpoint: { size: string; connections: number; perSecond: number; p50: number; p95: number; hitRate?: number | null; pageHitRate?: number | null }[];
    /** 1M, 8 connections, both caches bypassed: every search rendered and computed. */
    uncached: { perSecond: number; p50: number; p95: number } | null;
    /** 1M: one client on 50 connections and, at once, the others on one (each request a client of its own): their times, and each side's answers. */
    greedy: { other: { perSecond: number; p50: number; p95: number; refused: number }; hog: { served: number; refused: number; perSecond: number } } | null;
    statements: { size: string; query: string; p95: number }[];
  };
  admin: { size: string; path: string; p95: number }[];
  redis: { changes: number; p50: number; max: number; firstRequest: number } | { skipped: string };
  /** The highest RSS of this app's server over the run. */
  peakRss: number;
};

const ms = (value: number) => `${value.toFixed(1)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const count = (value: number) => Math.round(value).toLocaleString("en-GB");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** CPU time per answer from answers per second of a fully busy core. */
const cpuPer = (perSecond: number) => (perSecond >= 1000 ? `${Math.round(1e6 / perSecond)} µs` : ms(1000 / perSecond));
function slowest<T extends { size: string; p95: number }>(rows: T[], size: string): T | undefined {
  return rows.filter((row) => row.size === size).reduce<T | undefined>((worst, row) => (worst && worst.p95 >= row.p95 ? worst : row), undefined);
}

/** The run's heading line and its table, in Markdown. */
export function resultsTable(figures: BenchFigures): string {
  const { page, search, admin, redis } = figures;
  const share = (key: keyof BenchFigures["page"]["rounds"][number]) => percent(median(page.rounds.map((round) => round[key])));
  const served = page.perBusyCore;
  const statement = slowest(search.statements, "1M");
  const statementSmall = slowest(search.statements, "100k");
  const endpoint = (size: string, connections: number) => search.endpoint.find((row) => row.size === size && row.connections === connections);
  const one = endpoint("1M", 1);
  const oneSmall = endpoint("100k", 1);
  const eight = endpoint("1M", 8);
  const list = slowest(admin, "1M");
  const listSmall = slowest(admin, "100k");
  const missing = "not measured";
  const hits = (row: { hitRate?: number | null; pageHitRate?: number | null }) =>
    (typeof row.pageHitRate === "number" ? `; ${percent(row.pageHitRate)} of requests from the page cache` : "") +
    (typeof row.hitRate === "number" ? `; ${percent(row.hitRate)} of rendered searches from the results cache` : "");
  const rows: [string, string, string][] = [
    [
      `cached organisation page: requests per second of server CPU, against a static \`node:http\` server sending the same bytes (median of ${page.rounds.length} alternating rounds, each on a new server)`,
      "≥ 10%",
      `**${share("fresh")}** (a long-running server that also rendered pages: ${share("longRunning")}; stock \`next start\`: ${share("stock")})`,
    ],
    [
      "one answer's server CPU: the static server / the front cache / an ISR hit through Next's pipeline / a render",
      "–",
      `${cpuPer(served.ceiling)} / ${cpuPer(served.frontCache)} / ${cpuPer(served.throughNext)} / ${cpuPer(served.rendered)} (${count(served.ceiling)} / ${count(served.frontCache)} / ${count(served.throughNext)} / ${count(served.rendered)} req/s per busy core)`,
    ],
    [
      `first render of an organisation page, p95 (${page.firstRender.pages} pages never asked for)`,
      "≤ 100 ms",
      `**${ms(page.firstRender.p95)}** (p50 ${page.firstRender.p50.toFixed(1)}, max ${page.firstRender.max.toFixed(1)})`,
    ],
    [
      `search statement in PostgreSQL at 1M, p95 of the slowest of ${search.statements.filter((row) => row.size === "1M").length} cases, planning included`,
      "≤ 10 ms",
      statement ? `**${ms(statement.p95)}** (\`${statement.query}\`)${statementSmall ? `; 100k: ${ms(statementSmall.p95)}` : ""}` : missing,
    ],
    [
      "`/search` at 1M, 12 queries in turn, one connection, p95",
      "≤ 50 ms",
      one ? `**${ms(one.p95)}** (p50 ${one.p50.toFixed(1)}${oneSmall ? `; 100k: ${ms(oneSmall.p95)}` : ""}${hits(one)})` : missing,
    ],
    [
      "`/search` at 1M, the same queries on 8 connections, p95",
      "≤ 50 ms",
      eight
        ? `**${ms(eight.p95)}** (p50 ${eight.p50.toFixed(1)}, ${count(eight.perSecond)} req/s${hits(eight)}` +
          `${search.uncached ? `; every search rendered and computed, caches off: p95 ${ms(search.uncached.p95)}, ${count(search.uncached.perSecond)} req/s` : ""})`
        : missing,
    ],
    [
      "`/search` at 1M, every search rendered: one greedy client on 50 connections and the other clients on one (each search from a client of its own), their p95",
      "< 100 ms",
      search.greedy
        ? `**${ms(search.greedy.other.p95)}** (p50 ${search.greedy.other.p50.toFixed(1)}, ${count(search.greedy.other.perSecond)} req/s, ${count(search.greedy.other.refused)} refused; ` +
          `the greedy client: ${count(search.greedy.hog.served)} searches served, ${count(search.greedy.hog.refused)} answered 429)`
        : missing,
    ],
    [
      `admin organisation and contact lists at 1M, signed in, one client, p95 of the slowest of ${admin.filter((row) => row.size === "1M").length}`,
      "≤ 100 ms",
      list ? `**${ms(list.p95)}** (\`${list.path}\`)${listSmall ? `; 100k: ${ms(listSmall.p95)}` : ""}` : missing,
    ],
    [
      "a change revalidated on one instance to a fresh page on another (Redis)",
      "≤ 1 s",
      "skipped" in redis
        ? `${missing}: ${redis.skipped}`
        : `**p50 ${ms(redis.p50)}, max ${ms(redis.max)}** (${redis.changes} changes; the other instance's first request was fresh ${redis.firstRequest} times)`,
    ],
    ["server memory (RSS)", "–", `${count(page.cachedRss)} MB serving cached pages; at most ${count(figures.peakRss)} MB over the run`],
  ];
  return [
    `${figures.date}: ${figures.machine}.`,
    "",
    "| measured | goal | result |",
    "| --- | --- | --- |",
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
}

/**
 * Each case's p95 from `npm run search:plans`'s table
 * (| `query` | statement | p50 | p95 | max | of which planning, p50 |).
 */
export function statementTimes(output: string, size: string): BenchFigures["search"]["statements"] {
  return output
    .split("\n")
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter((cells) => cells[0] === "" && cells[1]?.startsWith("`") && cells[4] !== "" && Number.isFinite(Number(cells[4])))
    .map((cells) => ({ size, query: cells[1].replaceAll("`", ""), p95: Number(cells[4]) }));
}

/**
 * `document` with what stands between the markers replaced by `block`, the rest byte for byte as
 * it was; the markers and block appended when the document has none.
 */
export function replaceResults(document: string, block: string): string {
  // Blank lines around the block: a Markdown table ends only where its lines do.
  const section = `${startMarker}\n\n${block.trim()}\n\n${endMarker}`;
  const start = document.indexOf(startMarker);
  const end = start === -1 ? -1 : document.indexOf(endMarker, start);
  if (start === -1 && !document.includes(endMarker)) return `${document.trimEnd()}\n\n${section}\n`;
  if (start === -1 || end === -1 || document.indexOf(startMarker, start + startMarker.length) !== -1) {
    throw new Error(`Expected one ${startMarker} followed by one ${endMarker}.`);
  }
  return document.slice(0, start) + section + document.slice(end + endMarker.length);
}
