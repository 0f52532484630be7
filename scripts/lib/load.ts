// One load run, in a process of its own (so `npm run bench` can pin it to another core than the
// server): `node --import tsx scripts/lib/load.ts '<json LoadOptions>'` prints one JSON LoadResult.
// Closed loop: autocannon, latency from every response's own time (not its histogram buckets, so
// p95 is exact). Open model: requests sent on a fixed schedule whatever the responses take, each
// timed from when it was due (autocannon's rate option is not that: each connection sends its
// quota for the second back to back and then waits for the next second, so its "open" runs
// measured bursts queueing in the server).
import http from "node:http";
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
  /** Each request with an X-Forwarded-For of its own: as many clients as requests, for a server that trusts one proxy hop. */
  distinctClients?: boolean;
};

export type LoadResult = {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Answers by status code ("200", "429"). */
  statuses: Record<string, number>;
  /** Open model: how late the generator itself sent its requests, p95 in ms. Past a few ms, the
   * rate was more than it could send on one core, and the latencies measure its backlog. */
  sendLag?: number;
};

/** The next of a run of client addresses in 10.0.0.0/8, from a random start (runs side by side do not share one). */
function addresses(): () => string {
  let next = Math.floor(Math.random() * 2 ** 23);
  return () => {
    const n = next++ % 2 ** 24;
    return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

export async function load(options: LoadOptions): Promise<LoadResult> {
  return options.rate ? openLoad(options, options.rate) : closedLoad(options);
}

async function closedLoad(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const address = options.distinctClients ? addresses() : null;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    // (A run without paths or addresses sends the URL's request as it is, the generator's fastest.)
    requests:
      options.paths || address
        ? (options.paths ?? [new URL(options.url).pathname + new URL(options.url).search]).map((path) => ({
            method: "GET",
            path,
            ...(address ? { setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-forwarded-for": address() } }) } : {}),
          }))
        : undefined,
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
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0])),
  };
}

/**
 * Requests due every 1/rate seconds from the start, each sent when due on one of up to
 * `connections` keep-alive connections, so a slow response never delays the next arrival (past
 * that many in flight, requests wait in the client); a response's time counts from when its
 * request was due, so any wait before sending counts too.
 */
async function openLoad(options: LoadOptions, rate: number): Promise<LoadResult> {
  const base = new URL(options.url);
  const paths = options.paths ?? [base.pathname + base.search];
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(options.connections, 1) });
  const times: number[] = [];
  const lags: number[] = [];
  let sent = 0;
  let inFlight = 0;
  let errors = 0;
  let non2xx = 0;
  const statuses: Record<string, number> = {};
  const address = options.distinctClients ? addresses() : null;
  const interval = 1000 / rate;
  const total = Math.round(options.seconds * rate);
  const start = performance.now();
  const end = start + options.seconds * 1000;
  await new Promise<void>((resolve) => {
    let sending = true;
    const settled = () => {
      inFlight--;
      if (!sending && inFlight === 0) resolve();
    };
    const send = (due: number) => {
      inFlight++;
      lags.push(performance.now() - due);
      // Settled once: a timeout or a reset after the headers is an error on both the request and
      // the response. A failed request's time counts too (to when it failed), so an overloaded
      // server's p99 is not understated.
      let done = false;
      const finish = (failed: boolean, status?: number) => {
        if (done) return;
        done = true;
        times.push(performance.now() - due);
        if (failed) errors++;
        else {
          statuses[status!] = (statuses[status!] ?? 0) + 1;
          if (status! < 200 || status! >= 300) non2xx++;
        }
        settled();
      };
      const request = http.get({ host: base.hostname, port: base.port, path: paths[sent % paths.length], agent, headers: address ? { ...options.headers, "x-forwarded-for": address() } : options.headers }, (response) => {
        response.resume();
        response.on("end", () => finish(false, response.statusCode));
        response.on("error", () => finish(true));
      });
      request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
      request.on("error", () => finish(true));
      sent++;
    };
    const tick = () => {
      const now = performance.now();
      // Requests k = 0, 1, … are due at start + k × interval, before the end.
      const due = Math.min(Math.floor((now - start) / interval) + 1, total);
      while (sent < due) send(start + sent * interval);
      if (now < end) return void setTimeout(tick, Math.max(0, Math.min(interval, 1)));
      sending = false;
      if (inFlight === 0) resolve();
    };
    tick();
  });
  agent.destroy();
  times.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: times.length / options.seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors,
    non2xx,
    statuses,
    sendLag: percentile(lags, 95),
  };
}

if (process.argv[2]) {
  const result = await load(JSON.parse(process.argv[2]) as LoadOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
