// Readers for the read-while-writing benchmark (scripts/lib/bench-read-write.ts), in a process of
// their own: `node --import tsx scripts/lib/read-write-load.ts '<json ReadersOptions>'` prints one
// JSON ReadersResult. Each connection asks, in a loop, for an organisation page chosen by a Zipf
// distribution over the ranked slugs (most of the time), a country's first page, or the home
// page, alternating between the instances.
import { readFileSync } from "node:fs";
import http from "node:http";

export type ReadersOptions = {
  /** The instances' base URLs, taken in turn. */
  bases: string[];
  /** A file with one organisation slug per line, most popular first. */
  slugsFile: string;
  /** Lower-case codes of the countries with organisations. */
  countries: string[];
  connections: number;
  seconds: number;
  /** The Zipf exponent (≈1.1). */
  exponent: number;
};

export type ReadersResult = {
  requests: number;
  /** Answered from a cache (x-nextjs-cache: HIT, from the front cache or Next). */
  hits: number;
  /** Requests for an address already asked for in this run, and how many of those were hits. */
  repeated: number;
  repeatedHits: number;
  p50: number;
  p99: number;
  errors: number;
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
  let [requests, hits, repeated, repeatedHits, errors, turn] = [0, 0, 0, 0, 0, 0];
  const pick = () => {
    const draw = Math.random();
    if (draw < 0.9) return `/organisations/${slugs[rank()]}`;
    if (draw < 0.98) return `/countries/${options.countries[Math.floor(Math.random() * options.countries.length)]}`;
    return "/";
  };
  const get = (url: string) =>
    new Promise<string | undefined>((resolve) => {
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode === 200 ? String(response.headers["x-nextjs-cache"] ?? "") : undefined));
      });
      request.on("error", () => resolve(undefined));
    });
  const end = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        const path = pick();
        const base = options.bases[turn++ % options.bases.length];
        const started = performance.now();
        const cache = await get(base + path);
        times.push(performance.now() - started);
        requests++;
        if (cache === undefined) errors++;
        const hit = cache === "HIT";
        if (hit) hits++;
        const key = base + path;
        if (seen.has(key)) {
          repeated++;
          if (hit) repeatedHits++;
        } else {
          seen.add(key);
        }
      }
    }),
  );
  agent.destroy();
  times.sort((a, b) => a - b);
  return { requests, hits, repeated, repeatedHits, p50: percentile(times, 50), p99: percentile(times, 99), errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await readers(JSON.parse(process.argv[2]) as ReadersOptions);
  console.log(JSON.stringify(result));
}
