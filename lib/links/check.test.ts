// The checker against real local servers, HTTP and HTTPS, that script each case. They listen on
// 127.0.0.1, which the checker refuses by default, so most checks pass `allowed`.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMany } from "./batch";
import { checkUrl, parseRetryAfter, userAgent, verdictForStatus } from "./check";

const allowed = { allowedHosts: ["127.0.0.1", "localhost"] };
const MB = 1024 * 1024;

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  servername: string | null;
  start: number;
  end: number | null;
}

const seen: Seen[] = [];
const requestsFor = (pathname: string) => seen.filter((request) => request.path === pathname);

let largeBody: Promise<{ sent: number; finished: boolean }>;
let reportLargeBody: (value: { sent: number; finished: boolean }) => void;

function respond(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://test");
  const entry: Seen = {
    method: request.method ?? "",
    path: url.pathname + url.search,
    headers: request.headers,
    servername: (request.socket as TLSSocket).servername || null,
    start: performance.now(),
    end: null,
  };
  seen.push(entry);
  response.on("finish", () => (entry.end = performance.now()));
  const head = request.method === "HEAD";
  const redirect = (status: number, location: string) => void response.writeHead(status, { location }).end();
  const segments = url.pathname.split("/").slice(1);

  switch (segments[0]) {
    case "ok":
      return void response.writeHead(200, { "content-type": "text/plain" }).end("fine");
    case "head-405":
      return void (head ? response.writeHead(405, { allow: "GET" }).end() : response.writeHead(200).end("fine"));
    case "moved":
      return redirect(301, "/ok");
    case "found":
      return redirect(302, "/ok");
    case "moved-then-found":
      return redirect(301, "/found");
    case "chain": {
      const left = Number(segments[1]);
      return left > 0 ? redirect(302, `/chain/${left - 1}`) : void response.writeHead(200).end("end of chain");
    }
    case "loop-a":
      return redirect(302, "/loop-b");
    case "loop-b":
      return redirect(302, "/loop-a");
    case "to":
      return redirect(302, url.searchParams.get("u") ?? "/");
    case "status":
      return void response.writeHead(Number(segments[1])).end();
    case "retry-seconds":
      return void response.writeHead(429, { "retry-after": "120" }).end();
    case "retry-date":
      return void response.writeHead(429, { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() }).end();
    case "slow": {
      const timer = setTimeout(() => response.writeHead(200).end("late"), Number(url.searchParams.get("ms")));
      return void response.on("close", () => clearTimeout(timer));
    }
    case "slow-body": {
      if (head) return void response.writeHead(405).end();
      response.writeHead(200, { "content-type": "text/plain" });
      const timer = setInterval(() => response.write("."), 20);
      return void response.on("close", () => clearInterval(timer));
    }
    case "reset":
      return void request.socket.destroy();
    case "large": {
      if (head) return void response.writeHead(405).end();
      const total = 32 * MB;
      const chunk = Buffer.alloc(64 * 1024, "x");
      let sent = 0;
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": total });
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      response.on("close", () => reportLargeBody({ sent, finished: response.writableFinished }));
      return pump();
    }
    default:
      return void response.writeHead(404).end();
  }
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

let httpServer: http.Server;
let httpsServer: https.Server;
let silentServer: net.Server;
let certificate: string;
let httpPort: number;
let httpsPort: number;
let silentPort: number;
let ip: string; // http://127.0.0.1:port
let local: string; // http://localhost:port
let secure: string; // https://localhost:port

beforeAll(async () => {
  // A self-signed certificate for localhost and 127.0.0.1, made for this run.
  const dir = mkdtempSync(path.join(tmpdir(), "link-check-"));
  const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  await promisify(execFile)("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"],
    ...["-keyout", key, "-out", cert, "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
  ]);
  certificate = readFileSync(cert, "utf8");
  httpsServer = https.createServer({ key: readFileSync(key), cert: certificate }, respond);
  rmSync(dir, { recursive: true });

  httpServer = http.createServer(respond);
  // Reads what it is sent and never says a word: a TLS handshake that never ends.
  silentServer = net.createServer((socket) => socket.resume());
  [httpPort, httpsPort, silentPort] = await Promise.all([listen(httpServer), listen(httpsServer), listen(silentServer)]);
  ip = `http://127.0.0.1:${httpPort}`;
  local = `http://localhost:${httpPort}`;
  secure = `https://localhost:${httpsPort}`;
});

afterAll(async () => {
  for (const server of [httpServer, httpsServer]) server.closeAllConnections();
  await Promise.all([httpServer, httpsServer, silentServer].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("checkUrl: answers", () => {
  it("takes a 200 to HEAD as ok, without a GET, naming itself and APP_URL in the User-Agent", async () => {
    const result = await checkUrl(`${ip}/ok?ua`, { ...allowed, appUrl: "https://directory.example.org" });
    expect(result).toMatchObject({ url: `${ip}/ok?ua`, verdict: "ok", status: 200, finalUrl: `${ip}/ok?ua`, error: null, suggestedUrl: null });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(requestsFor("/ok?ua").map((request) => request.method)).toEqual(["HEAD"]);
    const { headers } = requestsFor("/ok?ua")[0];
    expect(headers["user-agent"]).toBe("PROVA-directory-link-checker/1.0 (+https://directory.example.org)");
    expect(headers.host).toBe(`127.0.0.1:${httpPort}`);
    expect(userAgent()).toBe("PROVA-directory-link-checker/1.0 (+http://localhost:3000)");
  });

  it("asks again with GET when HEAD is not allowed", async () => {
    const result = await checkUrl(`${local}/head-405`, allowed);
    expect(result).toMatchObject({ verdict: "ok", status: 200 });
    expect(requestsFor("/head-405").map((request) => request.method)).toEqual(["HEAD", "GET"]);
    expect(requestsFor("/head-405")[1].headers.host).toBe(`localhost:${httpPort}`);
  });

  it.each([
    [404, "broken"],
    [410, "broken"],
    [500, "failing"],
    [503, "failing"],
    [401, "blocked"],
    [403, "blocked"],
  ])("calls HTTP %i %s (after trying GET too)", async (status, verdict) => {
    const result = await checkUrl(`${ip}/status/${status}`, allowed);
    expect(result).toMatchObject({ verdict, status, finalUrl: `${ip}/status/${status}` });
    expect(result.error).toMatch(new RegExp(`^HTTP ${status} `));
    expect(requestsFor(`/status/${status}`).map((request) => request.method)).toEqual(["HEAD", "GET"]);
  });

  it("calls a 429 blocked, passes on Retry-After in seconds, and does not ask again with GET", async () => {
    const result = await checkUrl(`${ip}/retry-seconds`, allowed);
    expect(result).toMatchObject({ verdict: "blocked", status: 429, retryAfterMs: 120_000 });
    expect(requestsFor("/retry-seconds").map((request) => request.method)).toEqual(["HEAD"]);
  });

  it("reads a Retry-After given as an HTTP date", async () => {
    const result = await checkUrl(`${ip}/retry-date`, allowed);
    expect(result).toMatchObject({ verdict: "blocked", status: 429 });
    // HTTP dates have whole seconds.
    expect(result.retryAfterMs).toBeGreaterThan(3_600_000 - 2_000);
    expect(result.retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });
});

describe("checkUrl: redirects", () => {
  it("calls a permanent redirect to a working page moved, suggesting the new URL", async () => {
    const result = await checkUrl(`${ip}/moved`, allowed);
    expect(result).toMatchObject({ verdict: "moved", status: 200, finalUrl: `${ip}/ok`, suggestedUrl: `${ip}/ok`, error: null });
  });

  it("calls a temporary redirect to a working page ok, still reporting where it ended", async () => {
    const result = await checkUrl(`${ip}/found`, allowed);
    expect(result).toMatchObject({ verdict: "ok", status: 200, finalUrl: `${ip}/ok`, suggestedUrl: null });
  });

  it("suggests where the permanent redirects lead, not a temporary hop after them", async () => {
    const result = await checkUrl(`${ip}/moved-then-found`, allowed);
    expect(result).toMatchObject({ verdict: "moved", finalUrl: `${ip}/ok`, suggestedUrl: `${ip}/found` });
  });

  it("follows five redirects, and calls a sixth failing", async () => {
    expect(await checkUrl(`${ip}/chain/5`, allowed)).toMatchObject({ verdict: "ok", status: 200, finalUrl: `${ip}/chain/0` });
    const result = await checkUrl(`${ip}/chain/6`, allowed);
    expect(result).toMatchObject({ verdict: "failing", status: 302, finalUrl: `${ip}/chain/1`, error: "too many redirects (more than 5)" });
    expect(requestsFor("/chain/0").length).toBe(1); // from the first check only
  });

  it("stops at a redirect loop", async () => {
    const result = await checkUrl(`${ip}/loop-a`, allowed);
    expect(result).toMatchObject({ verdict: "failing", status: 302, finalUrl: `${ip}/loop-b` });
    expect(result.error).toBe(`redirect loop: ${ip}/loop-b leads back to ${ip}/loop-a`);
  });
});

describe("checkUrl: slow, broken and cut-off connections", () => {
  it("gives up on a body that outlasts the whole check", async () => {
    const result = await checkUrl(`${ip}/slow-body`, { ...allowed, timeoutMs: 300 });
    expect(result).toMatchObject({ verdict: "failing", status: 200, error: "timed out after 300 ms" });
    expect(result.ms).toBeGreaterThanOrEqual(300);
    expect(result.ms).toBeLessThan(1_000);
  });

  it("gives up on a connection whose TLS handshake never ends after the connect timeout", async () => {
    const result = await checkUrl(`https://localhost:${silentPort}/`, { ...allowed, connectTimeoutMs: 200 });
    expect(result).toMatchObject({ verdict: "failing", status: null, error: "connect timed out after 200 ms" });
    expect(result.ms).toBeLessThan(1_000);
  });

  it("calls a refused connection failing", async () => {
    const closed = net.createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const result = await checkUrl(`http://127.0.0.1:${port}/`, allowed);
    expect(result).toMatchObject({ verdict: "failing", status: null, error: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });

  it("calls a connection reset failing", async () => {
    const result = await checkUrl(`${ip}/reset`, allowed);
    expect(result).toMatchObject({ verdict: "failing", status: null, finalUrl: `${ip}/reset` });
    expect(result.error).toMatch(/ECONNRESET/);
    // HEAD reset, then GET, like a server that drops HEAD only.
    expect(requestsFor("/reset").map((request) => request.method)).toEqual(["HEAD", "GET"]);
  });

  it("reads at most 1 MB of a body, then closes the connection", async () => {
    largeBody = new Promise((resolve) => (reportLargeBody = resolve));
    const result = await checkUrl(`${ip}/large`, allowed);
    expect(result).toMatchObject({ verdict: "ok", status: 200 });
    const { sent, finished } = await largeBody;
    expect(finished).toBe(false);
    // What the server wrote includes what socket buffers took; far from the 32 MB it meant to send.
    expect(sent).toBeLessThan(16 * MB);
  });
});

describe("checkUrl: TLS", () => {
  it("calls a self-signed certificate failing, with the TLS error", async () => {
    const result = await checkUrl(`${secure}/ok`, allowed);
    expect(result).toMatchObject({ verdict: "failing", status: null, finalUrl: `${secure}/ok` });
    expect(result.error).toMatch(/^TLS: .*self-signed certificate.*\(DEPTH_ZERO_SELF_SIGNED_CERT\)$/);
  });

  it("trusts the certificate when given its CA, sending the host name by SNI while connecting to the vetted address", async () => {
    const result = await checkUrl(`${secure}/ok?sni`, { ...allowed, ca: certificate });
    expect(result).toMatchObject({ verdict: "ok", status: 200 });
    const [request] = requestsFor("/ok?sni");
    expect(request.servername).toBe("localhost");
    expect(request.headers.host).toBe(`localhost:${httpsPort}`);
  });
});

describe("checkUrl: unsafe targets", () => {
  it("refuses 127.0.0.1 unless it is an allowed host, without sending a request", async () => {
    const result = await checkUrl(`${ip}/ok?unlisted`);
    expect(result).toMatchObject({ verdict: "refused", status: null, finalUrl: `${ip}/ok?unlisted`, error: "127.0.0.1 is not a public address (loopback)" });
    expect(requestsFor("/ok?unlisted")).toEqual([]);
  });

  it("refuses a name that resolves to a private address", async () => {
    const result = await checkUrl(`${local}/ok?by-name`, { allowedHosts: ["127.0.0.1"] });
    expect(result).toMatchObject({ verdict: "refused", error: "localhost resolves to 127.0.0.1, not a public address (loopback)" });
    expect(requestsFor("/ok?by-name")).toEqual([]);
  });

  it("vets every redirect hop: from an allowed host to 127.0.0.1 only when 127.0.0.1 is allowed too", async () => {
    const target = `${ip}/ok?hop`;
    const start = `${local}/to?u=${encodeURIComponent(target)}`;
    const refused = await checkUrl(start, { allowedHosts: ["localhost"] });
    expect(refused).toMatchObject({ verdict: "refused", status: null, finalUrl: target, error: "127.0.0.1 is not a public address (loopback)" });
    expect(requestsFor("/ok?hop")).toEqual([]);
    expect(await checkUrl(start, { allowedHosts: ["localhost", "127.0.0.1"] })).toMatchObject({ verdict: "ok", finalUrl: target });
  });

  it("refuses a redirect to file:", async () => {
    const result = await checkUrl(`${ip}/to?u=${encodeURIComponent("file:///etc/passwd")}`, allowed);
    expect(result).toMatchObject({ verdict: "refused", status: null, finalUrl: "file:///etc/passwd", error: "scheme file: is not http or https" });
  });

  it("refuses any scheme but http and https", async () => {
    expect(await checkUrl("ftp://localhost/file", allowed)).toMatchObject({ verdict: "refused", error: "scheme ftp: is not http or https" });
  });

  it("never reaches a cloud metadata service, even when allowed", async () => {
    const everything = { allowedHosts: ["169.254.169.254", "metadata.google.internal", "fd00:ec2::254", "localhost"] };
    expect(await checkUrl("http://169.254.169.254/latest/meta-data/", everything)).toMatchObject({
      verdict: "refused",
      error: "169.254.169.254 is not a public address (cloud metadata)",
    });
    expect(await checkUrl("http://[fd00:ec2::254]/", everything)).toMatchObject({ verdict: "refused" });
    expect(await checkUrl("http://[::ffff:169.254.169.254]/", everything)).toMatchObject({ verdict: "refused" });
    expect(await checkUrl("http://metadata.google.internal/computeMetadata/v1/", everything)).toMatchObject({
      verdict: "refused",
      error: "metadata.google.internal is a cloud metadata service",
    });
    const redirected = await checkUrl(`${local}/to?u=${encodeURIComponent("http://169.254.169.254/")}`, everything);
    expect(redirected).toMatchObject({ verdict: "refused", finalUrl: "http://169.254.169.254/" });
  });

  it("calls a name that does not exist broken", async () => {
    const result = await checkUrl("http://does-not-exist.invalid/");
    expect(result).toMatchObject({ verdict: "broken", status: null, error: "name not found (ENOTFOUND)" });
  });

  it("calls a string that is no URL broken", async () => {
    expect(await checkUrl("not a url")).toMatchObject({ verdict: "broken", finalUrl: null, error: "not a valid URL" });
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const controller = new AbortController();
    const check = checkUrl(`${ip}/slow-body`, { ...allowed, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    await expect(check).rejects.toThrow("shutting down");
  });
});

describe("checkMany", () => {
  it("runs one request at a time per host, with the pause between, and hosts in parallel", async () => {
    const urls = [`${local}/slow?ms=60&i=1`, `${local}/slow?ms=60&i=2`, `${ip}/slow?ms=60&i=3`, `${ip}/slow?ms=60&i=4`];
    const results = await checkMany(urls, { ...allowed, pauseMs: 100, concurrency: 4 });
    expect(results.map((result) => [result.url, result.verdict])).toEqual(urls.map((url) => [url, "ok"]));
    const [a1, a2, b1, b2] = urls.map((url) => requestsFor(new URL(url).pathname + new URL(url).search)[0]);
    for (const [first, second] of [
      [a1, a2],
      [b1, b2],
    ]) {
      expect(second.start - first.end!).toBeGreaterThanOrEqual(100);
    }
    // The two hosts' first requests overlap.
    expect(b1.start).toBeLessThan(a1.end!);
    expect(a1.start).toBeLessThan(b1.end!);
  });

  it("asks a host nothing more in the batch once it answered 429", async () => {
    const results = await checkMany([`${local}/retry-seconds?batch`, `${local}/ok?after-429`, `${ip}/ok?other-host`], { ...allowed, pauseMs: 10 });
    expect(results.map((result) => result.verdict)).toEqual(["blocked", "blocked", "ok"]);
    expect(results[1]).toMatchObject({ status: null, error: `not checked: localhost answered 429 to ${local}/retry-seconds?batch` });
    expect(results[1].retryAfterMs).toBeGreaterThan(110_000);
    expect(requestsFor("/ok?after-429")).toEqual([]);
  });
});

describe("npm run links:check", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const run = (args: string[]) =>
    promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/links-check.ts", ...args], {
      cwd: root,
      env: { ...process.env, APP_URL: "https://cli.example.org", LINK_CHECK_ALLOWED_HOSTS: "127.0.0.1" },
    });

  it("prints one JSON line per URL, in the order given", async () => {
    const { stdout } = await run([`${ip}/status/404?cli`, `${ip}/ok?cli`]);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ url: `${ip}/status/404?cli`, verdict: "broken", status: 404, finalUrl: `${ip}/status/404?cli`, error: "HTTP 404 Not Found" }),
      expect.objectContaining({ url: `${ip}/ok?cli`, verdict: "ok", status: 200, finalUrl: `${ip}/ok?cli`, error: null }),
    ]);
    expect(Object.keys(lines[0]).slice(0, 6)).toEqual(["url", "verdict", "status", "finalUrl", "error", "ms"]);
    expect(requestsFor("/ok?cli")[0].headers["user-agent"]).toBe("PROVA-directory-link-checker/1.0 (+https://cli.example.org)");
  });

  it("prints its usage and exits 2 without a URL", async () => {
    await expect(run([])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run links:check -- URL") });
  });
});

describe("pure parts", () => {
  it("parses Retry-After in seconds and as an HTTP date", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:01:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it("gives each final status its verdict", () => {
    expect([200, 204, 404, 410, 401, 403, 429, 999, 500, 502, 400, 451, 300].map(verdictForStatus)).toEqual([
      ...["ok", "ok", "broken", "broken", "blocked", "blocked", "blocked", "blocked"],
      ...["failing", "failing", "failing", "failing", "failing"],
    ]);
  });
});
