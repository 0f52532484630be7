// One load run with autocannon, in a process of its own (so `npm run bench` can pin it to another
// core than the server): `node --import tsx scripts/lib/load.ts '<json LoadOptions>'` prints one
// JSON LoadResult. Latency percentiles come from every response's own time, not autocannon's
// histogram buckets, so p95 is exact.
import autocannon from "autocannon";

export type LoadOptions = {
  url: string;
  /** Paths taken in turn by each connection; the URL's own path when omitted. */
  paths?: string[];
  connections: number;
  seconds: number;
  /** Open model: this many requests a second in all, whatever the responses take. */
  rate?: number;
  headers?: Record<string, string>;
};

export type LoadResult = {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

export async function load(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.rate,
    headers: options.headers,
    requests: options.paths?.map((path) => ({ method: "GET", path })),
    setupClient: (client) => client.on("response", (_status: number, _bytes: number, time: number) => times.push(time)),
  });
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / options.seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

if (process.argv[2]) {
  const result = await load(JSON.parse(process.argv[2]) as LoadOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
