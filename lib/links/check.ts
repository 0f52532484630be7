// The link checker's network core: one URL in, one verdict out. No database here; the job that
// stores verdicts and their history calls checkUrl (or checkMany for a batch, lib/links/batch.ts).
import http, { STATUS_CODES, type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { normalizeHost, RefusedError, vetTarget } from "./address";

export type Verdict = "ok" | "moved" | "broken" | "failing" | "blocked" | "refused";

export interface CheckResult {
  /** The URL as given. */
  url: string;
  verdict: Verdict;
  /** The last HTTP status received, null when none was (refused, DNS, connection errors). */
  status: number | null;
  /** The last URL requested or refused: where a redirect chain ended. Null for an unparsable URL. */
  finalUrl: string | null;
  error: string | null;
  ms: number;
  /** For `moved`: where the leading permanent redirects lead, the URL to suggest. */
  suggestedUrl: string | null;
  /** From a 429's or 503's Retry-After: how long the queue should wait before asking again. */
  retryAfterMs: number | null;
}

export interface CheckOptions {
  /** The site's public URL, named in the User-Agent (pass process.env.APP_URL). */
  appUrl?: string;
  /** Hosts that may resolve to private addresses (LINK_CHECK_ALLOWED_HOSTS). Never metadata. */
  allowedHosts?: readonly string[];
  /** Per hop: TCP connect plus TLS handshake. */
  connectTimeoutMs?: number;
  /** The whole check: every hop, the HEAD and the GET, name lookups and bodies. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** A 2xx GET's body is read up to this many bytes (counted, never kept), then the socket is closed. */
  maxBodyBytes?: number;
  /** Extra trusted certificate authorities (tests). Verification itself is never turned off. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** The caller's cancellation (worker shutdown): checkUrl then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const DEFAULTS = {
  appUrl: "http://localhost:3000",
  connectTimeoutMs: 5_000,
  timeoutMs: 15_000,
  maxRedirects: 5,
  maxBodyBytes: 1024 * 1024,
};

/** The User-Agent: names the product and where to read about it, so a webmaster can ask us to stop. */
export function userAgent(appUrl: string = DEFAULTS.appUrl): string {
  return `PROVA-directory-link-checker/1.0 (+${appUrl})`;
}

/** A failure with its verdict already decided. */
class CheckFailure extends Error {
  constructor(
    readonly verdict: Verdict,
    message: string,
  ) {
    super(message);
  }
}

interface Context {
  headers: Record<string, string>;
  allowedHosts: ReadonlySet<string>;
  connectTimeoutMs: number;
  maxBodyBytes: number;
  ca: CheckOptions["ca"];
  signal: AbortSignal;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

/** Checks one URL, following redirects itself so that every hop is vetted. Never throws, except on the caller's abort. */
export async function checkUrl(url: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new CheckFailure("failing", `timed out after ${timeoutMs} ms`)), timeoutMs);
  const context: Context = {
    headers: { "user-agent": userAgent(options.appUrl), accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    allowedHosts: new Set((options.allowedHosts ?? []).map(normalizeHost).filter(Boolean)),
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    ca: options.ca,
    signal: options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal,
  };
  const progress = { status: null as number | null, finalUrl: null as string | null };
  let outcome: Outcome;
  try {
    outcome = await follow(url, context, options.maxRedirects ?? DEFAULTS.maxRedirects, progress);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const failure = deadline.signal.aborted ? (deadline.signal.reason as CheckFailure) : classifyError(error);
    outcome = { ...progress, verdict: failure.verdict, error: failure.message };
  } finally {
    clearTimeout(timer);
  }
  const { verdict, status, finalUrl, error, suggestedUrl = null, retryAfterMs = null } = outcome;
  return { url, verdict, status, finalUrl, error, ms: Math.round(performance.now() - started), suggestedUrl, retryAfterMs };
}

type Outcome = Pick<CheckResult, "verdict" | "status" | "finalUrl" | "error"> & Partial<Pick<CheckResult, "suggestedUrl" | "retryAfterMs">>;

/**
 * Walks the redirect chain. `progress` is updated as it goes so that a failure mid-chain still
 * reports the last status and the URL it happened at.
 */
async function follow(input: string, context: Context, maxRedirects: number, progress: { status: number | null; finalUrl: string | null }): Promise<Outcome> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { verdict: "broken", status: null, finalUrl: null, error: "not a valid URL" };
  }
  const seen = new Set<string>();
  let method: "HEAD" | "GET" = "HEAD";
  let suggestedUrl: string | null = null;
  let permanentSoFar = true;
  for (let redirects = 0; ; redirects++) {
    progress.finalUrl = url.href;
    progress.status = null;
    seen.add(url.href);
    const addresses = await abortable(vetTarget(url, context.allowedHosts), context.signal);
    // The status is recorded as soon as headers arrive: a body that then stalls still reports it.
    const ask = () => exchange(url, method, addresses, context, (status) => (progress.status = status));
    let answer: Answer;
    try {
      answer = await ask();
    } catch (error) {
      // Some servers drop the connection on HEAD or answer it with garbage: try GET, like linkinator.
      if (method === "GET" || context.signal.aborted || !isHeadQuirk(error)) throw error;
      method = "GET";
      answer = await ask();
    }
    // HEAD is often refused or mishandled (405, 501, but also 400, 403, 404 from frameworks that
    // route GET only). linkinator retries any non-2xx HEAD with GET and lychee uses GET by default;
    // we retry every 4xx/5xx except 429, where asking again at once is exactly what we must not do.
    if (method === "HEAD" && answer.status >= 400 && answer.status !== 429) {
      method = "GET";
      progress.status = null;
      answer = await ask();
    }
    const location = answer.status >= 300 && answer.status < 400 ? answer.headers.location : undefined;
    if (location === undefined) return finalAnswer(answer, url, suggestedUrl);
    if (redirects === maxRedirects) return failing(answer, url, `too many redirects (more than ${maxRedirects})`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return failing(answer, url, `redirect to an invalid URL: ${location}`);
    }
    if (seen.has(next.href)) return failing(answer, url, `redirect loop: ${url.href} leads back to ${next.href}`);
    // `moved` only when the chain starts with permanent redirects; the suggestion is where the
    // permanent ones lead, not a temporary hop after them (a login page, a language choice).
    permanentSoFar &&= answer.status === 301 || answer.status === 308;
    if (permanentSoFar) suggestedUrl = next.href;
    url = next;
  }
}

function finalAnswer(answer: Answer, url: URL, suggestedUrl: string | null): Outcome {
  const { status } = answer;
  const base = { status, finalUrl: url.href };
  if (status >= 200 && status < 300) {
    return suggestedUrl ? { ...base, verdict: "moved", error: null, suggestedUrl } : { ...base, verdict: "ok", error: null };
  }
  const error = status >= 300 && status < 400 ? `HTTP ${status} without a Location header` : `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header(answer.headers["retry-after"])) : null;
  return { ...base, verdict: verdictForStatus(status), error, retryAfterMs };
}

function failing(answer: Answer, url: URL, error: string): Outcome {
  return { verdict: "failing", status: answer.status, finalUrl: url.href, error };
}

/** The verdict for a final (non-redirect) status. */
export function verdictForStatus(status: number): Verdict {
  if (status >= 200 && status < 300) return "ok";
  if (status === 404 || status === 410) return "broken";
  // Bot protection, not a dead page. 999 is LinkedIn's answer to crawlers.
  if (status === 401 || status === 403 || status === 429 || status === 999) return "blocked";
  // 5xx, a 3xx without Location, and other 4xx (400, 406, 451…): not proof the page is gone, so
  // they count as failures, which the history turns into `broken` only when they last.
  return "failing";
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Errors a server may give HEAD only. */
function isHeadQuirk(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return code === "ECONNRESET" || code.startsWith("HPE_");
}

function classifyError(error: unknown): CheckFailure {
  if (error instanceof CheckFailure) return error;
  if (error instanceof RefusedError) return new CheckFailure("refused", error.message);
  const { code = "", message } = error as NodeJS.ErrnoException;
  if (code === "ENOTFOUND") return new CheckFailure("broken", `name not found (${code})`);
  // OpenSSL's verification codes (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED…), node's
  // ERR_TLS_* and ERR_SSL_*, and EPROTO for a handshake that went wrong.
  const text = !code || message.includes(code) ? message : `${message} (${code})`;
  if (/CERT|SELF_SIGNED|^ERR_TLS|^ERR_SSL|^EPROTO$/.test(code)) return new CheckFailure("failing", `TLS: ${text}`);
  return new CheckFailure("failing", text);
}

/** Rejects as soon as the signal aborts (dns.lookup itself cannot be cancelled). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * One request on a fresh socket to the vetted addresses. Resolves with the status and headers
 * once the answer is known (for a 2xx GET: once the body ended or maxBodyBytes were read), then
 * closes the socket: nothing is kept, nothing is pooled.
 */
function exchange(url: URL, method: "HEAD" | "GET", addresses: LookupAddress[], context: Context, onStatus: (status: number) => void): Promise<Answer> {
  const secure = url.protocol === "https:";
  // Hands node the addresses vetTarget approved instead of resolving the name again. Called only
  // for names (node connects to an IP literal directly); with `all` (node's default since 20)
  // node tries each address in turn, IPv6 and IPv4 raced.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const request = (secure ? https : http).request({
      method,
      hostname: normalizeHost(url.hostname),
      port: url.port || undefined,
      path: url.pathname + url.search,
      // Host and, for https, the SNI name come from `hostname`; the socket goes to `lookup`'s address.
      headers: context.headers,
      lookup,
      agent: false,
      ca: context.ca,
      signal: context.signal,
    });
    const connectTimer = setTimeout(
      () => request.destroy(new CheckFailure("failing", `connect timed out after ${context.connectTimeoutMs} ms`)),
      context.connectTimeoutMs,
    );
    const settle = (error: unknown, answer?: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      request.destroy();
      if (answer) resolve(answer);
      else reject(error);
    };
    request.on("socket", (socket) => socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(connectTimer)));
    request.on("error", (error) => settle(error));
    request.on("response", (response) => {
      clearTimeout(connectTimer);
      const answer = { status: response.statusCode ?? 0, headers: response.headers };
      onStatus(answer.status);
      response.on("error", (error) => settle(error));
      if (method === "HEAD" || answer.status < 200 || answer.status >= 300) return settle(null, answer);
      // Read the page (a server that sends headers and then stalls is failing), but only so much.
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes >= context.maxBodyBytes) settle(null, answer);
      });
      response.on("end", () => settle(null, answer));
      response.on("close", () => settle(new CheckFailure("failing", "connection closed before the page was sent")));
    });
    request.end();
  });
}
