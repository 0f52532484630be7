// A single failure (a 500 during a deploy, a timeout at a bad moment) proves little; failures that
// last do. This turns a URL's stored history into the verdict staff and the public should see.
import type { Verdict } from "./check";

export interface HistoryEntry {
  checkedAt: Date;
  verdict: Verdict;
}

export interface HistoryVerdict {
  /** The latest verdict, except `failing` becomes `broken` once the failures have lasted. Null without history. */
  verdict: Verdict | null;
  /** `failing` results since the last other verdict. */
  failures: number;
  /** When that run of failures began, null without one. */
  failingSince: Date | null;
}

export const HISTORY_DEFAULTS = { minFailures: 3, minSpanMs: 3 * 24 * 60 * 60 * 1000 };

/**
 * A run of `failing` results with nothing else between them counts as `broken` when it has at least
 * `minFailures` results and its first and last are at least `minSpanMs` (three days) apart.
 * `history` may come in any order.
 */
export function classifyHistory(history: readonly HistoryEntry[], options: Partial<typeof HISTORY_DEFAULTS> = {}): HistoryVerdict {
  const { minFailures, minSpanMs } = { ...HISTORY_DEFAULTS, ...options };
  const sorted = [...history].sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime());
  const latest = sorted.at(-1);
  if (!latest) return { verdict: null, failures: 0, failingSince: null };
  if (latest.verdict !== "failing") return { verdict: latest.verdict, failures: 0, failingSince: null };
  let first = sorted.length - 1;
  while (first > 0 && sorted[first - 1].verdict === "failing") first--;
  const failures = sorted.length - first;
  const failingSince = sorted[first].checkedAt;
  const lasted = failures >= minFailures && latest.checkedAt.getTime() - failingSince.getTime() >= minSpanMs;
  return { verdict: lasted ? "broken" : "failing", failures, failingSince };
}
