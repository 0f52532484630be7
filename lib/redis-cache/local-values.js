// @ts-check
// The values of the Redis cache (lib/cache-handler.js) this process has read or written, with
// their version: a read sends the version it holds and gets the value back only when it changed.
// Bounded by their serialized size; the oldest go first.

/** Values kept in this process, by total serialized size. */
const localBudgetBytes = 64 * 1024 * 1024;

export class LocalValues {
  constructor(budgetBytes = localBudgetBytes) {
    this.budgetBytes = budgetBytes;
    /** @type {Map<string, { version: string; value: unknown; size: number }>} */
    this.entries = new Map();
    this.bytes = 0;
  }

  /** @param {string} key */
  get(key) {
    return this.entries.get(key);
  }

  /** @param {string} key @param {string} version @param {unknown} value @param {number} size */
  remember(key, version, value, size) {
    this.forget(key);
    if (size > this.budgetBytes / 8) return;
    this.entries.set(key, { version, value, size });
    this.bytes += size;
    // Maps iterate in insertion order: drop the oldest until the budget holds.
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.size;
    }
  }

  /** @param {string} key */
  forget(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}
