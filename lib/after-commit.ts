import "server-only";

/**
 * Runs what follows a committed change (a cache refresh, a mail and the lookup it needs) without
 * letting it change the answer: the change is saved whatever happens here, so a failure is logged
 * with what it was about, never thrown. Synchronous work runs now, inside the request (a cache
 * refresh must, to take effect for it); asynchronous work goes on after the answer, unawaited.
 */
export function afterCommit(what: string, work: () => unknown): void {
  const report = (error: unknown) => console.error(`[after commit] ${what} failed; the change itself is saved:`, error);
  try {
    const result = work();
    if (result instanceof Promise) result.catch(report);
  } catch (error) {
    report(error);
  }
}
