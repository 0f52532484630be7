// Readers for the read-while-writing benchmark (scripts/lib/bench-read-write.ts), in a process of
// their own: `node --import tsx scripts/lib/read-write-load.ts '<json ReadersOptions>'` prints one
// JSON ReadersResult. Requests leave on a fixed schedule (an open model: a slow answer does not
// slow the readers down, and each is timed from when it was due) over at most `connections`
// connections, alternating between the instances: an organisation page chosen by a Zipf
// distribution over the ranked slugs (most of the time), a country's first page, or the home page.
import { readFileSync } from "node:fs";
import http from "node:http";

export type ReadersOptions = {
  /** The instances' base URLs, taken in turn. */
  bases: string[];
  /** A file with one organisation slug per line, most popular first. */
  slugsFile: string;
  /** Lower-case codes of the countries with organisations. */
  countries: string[];
  /** Connections at most; a request finding them all busy waits for one (and that wait is timed). */
  connections: number;
  /** Requests per second, all readers together. */
  rate: number;
  seconds: number;
  /** The Zipf exponent (≈1.1). */
  exponent: number;
};

export type ReadersResult = {
  requests: number;
  /** Answered from a cache (x-nextjs-cache: HIT, from the front cache or Next; or STALE, below). */
  hits: number;
  /** Of those, the former answer of a page that changed, given while the new one rendered (STALE). */
  stale: number;
  /** Requests for an address already asked for in this run (on that instance), and how many of those were hits. */
  repeated: number;
  repeatedHits: number;
  /** Of every read, from when it was due to its last byte, ms. */
  p50: number;
  p99: number;
  /** Of the reads of an address already asked for in the run: what the cache is there to answer. */
  repeatedP50: number;
  repeatedP99: number;
  errors: number;
  /** Requests still unanswered when the run ended (counted in neither the times nor the hits). */
  late: number;
};

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s, from a cumulative table. */
export function zipf(n: number, s: number, random: () => number = Math.random): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) cumulative[rank] = total += 1 / (rank + 1) ** s;
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

export async function readers(options: ReadersOptions): Promise<ReadersResult> {
  const slugs = readFileSync(options.slugsFile, "utf8").split("\n").filter(Boolean);
  const rank = zipf(slugs.length, options.exponent);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const seen = new Set<string>();
  const times: number[] = [];
  let [requests, hits, stale, repeated, repeatedHits, errors, turn] = [0, 0, 0, 0, 0, 0, 0];
  const pick = () => {
    const draw = Math.random();
    if (draw < 0.9) return `/en/organisations/${slugs[rank()]}`;
    if (draw < 0.98) return `/en/countries/${options.countries[Math.floor(Math.random() * options.countries.length)]}`;
    return "/en";
  };
  const get = (url: string) =>
    new Promise<string | undefined>((resolve) => {
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode === 200 ? String(response.headers["x-nextjs-cache"] ?? "") : undefined));
      });
      request.on("error", () => resolve(undefined));
    });
  const started = performance.now();
  const total = Math.floor(options.rate * options.seconds);
  const repeatedTimes: number[] = [];
  const answers: Promise<void>[] = [];
  const read = async (due: number) => {
    const path = pick();
    const base = options.bases[turn++ % options.bases.length];
    const key = base + path;
    const again = seen.has(key);
    seen.add(key);
    const cache = await get(key);
    const time = performance.now() - due;
    times.push(time);
    requests++;
    if (cache === undefined) errors++;
    const hit = cache === "HIT" || cache === "STALE";
    if (hit) hits++;
    if (cache === "STALE") stale++;
    if (again) {
      repeated++;
      repeatedTimes.push(time);
      if (hit) repeatedHits++;
    }
  };
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(read(due));
  }
  // Answers still missing 5 s after the last request left are counted as late, not waited for.
  await Promise.race([Promise.all(answers), new Promise((resolve) => setTimeout(resolve, 5000))]);
  const late = total - requests;
  agent.destroy();
  times.sort((a, b) => a - b);
  repeatedTimes.sort((a, b) => a - b);
  return {
    requests,
    hits,
    stale,
    repeated,
    repeatedHits,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    repeatedP50: percentile(repeatedTimes, 50),
    repeatedP99: percentile(repeatedTimes, 99),
    errors,
    late,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await readers(JSON.parse(process.argv[2]) as ReadersOptions);
  console.log(JSON.stringify(result));
}
