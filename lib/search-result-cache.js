// @ts-check
// Search results kept in memory for repeated searches: per instance, bounded in entries and bytes,
// short-lived, and served only while what they were read under still holds. Used for the results
// of a search (lib/data/search) and for whole result pages (lib/search-pages.js, at the edge).
// Plain JavaScript: server.js uses it too.

/**
 * @template Value, Stamp
 * @typedef {{
 *   maxEntries: number;
 *   maxBytes: number;
 *   ttlMs: number;
 *   stamp: () => Promise<Stamp | null>;
 *   stillValid: (stamp: Stamp) => Promise<boolean>;
 *   sizeOf?: (value: Value) => number;
 *   now?: () => number;
 * }} SearchResultCacheOptions
 * - `ttlMs`: how long an entry is served at most, from when its computation began;
 * - `stamp`: what the data stands at now, read before a result is computed and stored with it;
 *   null when unknown (then nothing is served or kept);
 * - `stillValid`: whether nothing a stored result depends on has changed since `stamp`;
 * - `sizeOf`: a value's size in bytes (by default, its JSON's length as UTF-16); past `maxBytes`,
 *   a value is not kept (so a value that must not be kept can measure Infinity).
 */

/**
 * @template Value, Stamp
 * @typedef {{ value: Value; stamp: Stamp; storedAt: number; bytes: number }} Entry
 */

/**
 * A least-recently-used map of results with a validity check, and one computation at a time per
 * key: a search asked for again while it is being computed waits for that one (when its stamp is
 * still valid). Values are shared between requests: callers must not change them. A failure to
 * read the stamp or to check it is a miss, never an error.
 * @template Value, Stamp
 */
export class SearchResultCache {
  /** @param {SearchResultCacheOptions<Value, Stamp>} options */
  constructor(options) {
    this.options = options;
    this.sizeOf = options.sizeOf ?? ((/** @type {Value} */ value) => JSON.stringify(value).length * 2);
    this.now = options.now ?? Date.now;
    /** Insertion order is the order of last use. @type {Map<string, Entry<Value, Stamp>>} */
    this.entries = new Map();
    /** @type {Map<string, { stamp: Stamp; value: Promise<Value> }>} */
    this.pending = new Map();
    this.bytes = 0;
    /** Lookups answered from an entry (or a computation under way), computed, or not cacheable (no stamp). */
    this.counts = { hits: 0, misses: 0, uncached: 0 };
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * The value stored for `key` while valid; else `compute()`'s, stored under the stamp read before it.
   * @param {string} key
   * @param {() => Promise<Value>} compute
   * @returns {Promise<Value>}
   */
  async get(key, compute) {
    const entry = this.entries.get(key);
    if (entry) {
      if (this.now() - entry.storedAt < this.options.ttlMs && (await this.valid(entry.stamp))) {
        // Seen again: the most recently used.
        if (this.entries.get(key) === entry) {
          this.entries.delete(key);
          this.entries.set(key, entry);
        }
        this.counts.hits++;
        return entry.value;
      }
      this.remove(key, entry);
    }
    const under = this.pending.get(key);
    if (under && (await this.valid(under.stamp))) {
      this.counts.hits++;
      return under.value;
    }
    const startedAt = this.now();
    const stamp = await this.options.stamp().catch(() => null);
    if (stamp === null) {
      this.counts.uncached++;
      return compute();
    }
    this.counts.misses++;
    const value = compute();
    const own = { stamp, value };
    this.pending.set(key, own);
    try {
      const result = await value;
      this.store(key, { value: result, stamp, storedAt: startedAt, bytes: this.sizeOf(result) });
      return result;
    } finally {
      if (this.pending.get(key) === own) this.pending.delete(key);
    }
  }

  /** @param {Stamp} stamp */
  async valid(stamp) {
    return this.options.stillValid(stamp).catch(() => false);
  }

  /** @param {string} key @param {Entry<Value, Stamp>} entry */
  store(key, entry) {
    const old = this.entries.get(key);
    // A computation that began earlier and ended later does not replace a newer result.
    if (old && old.storedAt > entry.storedAt) return;
    if (old) this.remove(key, old);
    if (!(entry.bytes <= this.options.maxBytes) || this.options.maxEntries < 1) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, stored] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.remove(oldest, stored);
    }
  }

  /** @param {string} key @param {Entry<Value, Stamp>} entry */
  remove(key, entry) {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
