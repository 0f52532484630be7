// Politeness per host: one request at a time, and a pause between the end of one and the start of
// the next. Different hosts do not wait for each other. One limiter per batch.

export interface HostLimiter {
  /** Runs `task` when `host` is free and its pause has passed; resolves or rejects as `task` does. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export function createHostLimiter({ pauseMs }: { pauseMs: number }): HostLimiter {
  // Per host: the end of the queue, and when its last task ended. The pause is waited before a
  // task rather than after one, so no timer outlives the last task (a CLI exits at once).
  const hosts = new Map<string, { tail: Promise<unknown>; lastEnd: number }>();
  return {
    run(host, task) {
      const state = hosts.get(host) ?? { tail: Promise.resolve(), lastEnd: -Infinity };
      hosts.set(host, state);
      const result = state.tail.then(async () => {
        // A loop: node's timers may fire a fraction of a millisecond early.
        for (let wait = state.lastEnd + pauseMs - performance.now(); wait > 0; wait = state.lastEnd + pauseMs - performance.now()) {
          await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
        }
        try {
          return await task();
        } finally {
          state.lastEnd = performance.now();
        }
      });
      state.tail = result.catch(() => {});
      return result;
    },
  };
}

/** At most `limit` tasks at once, started in the order they asked. */
export function createSemaphore(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
