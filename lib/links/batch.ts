// Checks many URLs as a good citizen: hosts in parallel, but one request at a time per host with a
// pause between, and no more requests to a host in this batch once it answered 429.
import { checkUrl, type CheckOptions, type CheckResult } from "./check";
import { createHostLimiter, createSemaphore } from "./host-limiter";

export interface CheckManyOptions extends CheckOptions {
  /** Checks running at once, across hosts. */
  concurrency?: number;
  /** Between two checks on the same host: from the end of one to the start of the next. */
  pauseMs?: number;
  /** Called as each check ends, in completion order. */
  onResult?: (result: CheckResult, index: number) => void;
}

export const BATCH_DEFAULTS = { concurrency: 10, pauseMs: 1_000 };

/** Checks every URL; results in the order of `urls`. */
export async function checkMany(urls: readonly string[], options: CheckManyOptions = {}): Promise<CheckResult[]> {
  const { concurrency = BATCH_DEFAULTS.concurrency, pauseMs = BATCH_DEFAULTS.pauseMs, onResult, ...checkOptions } = options;
  const limiter = createHostLimiter({ pauseMs });
  const slot = createSemaphore(concurrency);
  // Hosts that answered 429: the URL that got it and until when (epoch ms) they asked us to wait.
  const rateLimited = new Map<string, { url: string; until: number | null }>();

  return Promise.all(
    urls.map((url, index) => {
      const host = hostOf(url);
      // The slot is taken inside the host's turn: a URL waiting for its host holds no slot.
      return limiter.run(host, async () => {
        const limited = rateLimited.get(host);
        const result = limited ? notChecked(url, host, limited) : await slot(() => checkUrl(url, checkOptions));
        if (result.status === 429 && !limited) {
          rateLimited.set(host, { url, until: result.retryAfterMs === null ? null : Date.now() + result.retryAfterMs });
        }
        onResult?.(result, index);
        return result;
      });
    }),
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** The rest of a host that answered 429: `blocked` without a request, to be asked again later. */
function notChecked(url: string, host: string, limited: { url: string; until: number | null }): CheckResult {
  return {
    url,
    verdict: "blocked",
    status: null,
    finalUrl: null,
    error: `not checked: ${host} answered 429 to ${limited.url}`,
    ms: 0,
    suggestedUrl: null,
    retryAfterMs: limited.until === null ? null : Math.max(0, limited.until - Date.now()),
  };
}
