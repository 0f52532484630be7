// @ts-check
// Invalidations of cache tags in this process (one instance, lib/local-cache-handler.js), for the
// front cache (lib/front-cache.js): each invalidation gets the next number of a sequence, and
// each tag keeps the number of its latest one. An answer kept with the number current before Next
// read its cache is still valid while none of its tags has a later one. With Redis the same
// questions are answered by Redis for every instance (lib/redis-cache/invalidations.js).

/**
 * What the front cache asks of invalidations. Null answers: unknown (nothing may be served).
 * @typedef {{
 *   stamp(): number | null | Promise<number | null>;
 *   unchangedSince(tags: string[], stamp: number): boolean | null | Promise<boolean | null>;
 * }} InvalidationClock
 */

/** Invalidations older than this are forgotten: every answer kept before them has expired. */
const forgetAfterMs = 10 * 60_000;
/** Forgetting is looked at once this many tags are held. */
const reviewAt = 10_000;

/** @implements {InvalidationClock} */
export class TagInvalidations {
  /** @param {{ now?: () => number }} [options] */
  constructor({ now = Date.now } = {}) {
    this.now = now;
    this.sequence = 0;
    /** @type {Map<string, { sequence: number; at: number }>} by tag, oldest invalidation first */
    this.tags = new Map();
  }

  /** @param {string[]} tags */
  invalidate(tags) {
    this.sequence++;
    const at = this.now();
    for (const tag of tags) {
      // Maps iterate in insertion order: an invalidated tag moves to the end.
      this.tags.delete(tag);
      this.tags.set(tag, { sequence: this.sequence, at });
    }
    if (this.tags.size >= reviewAt) {
      for (const [tag, invalidation] of this.tags) {
        if (invalidation.at > at - forgetAfterMs) break;
        this.tags.delete(tag);
      }
    }
  }

  stamp() {
    return this.sequence;
  }

  /** @param {string[]} tags @param {number} stamp */
  unchangedSince(tags, stamp) {
    return tags.every((tag) => (this.tags.get(tag)?.sequence ?? 0) <= stamp);
  }
}

/** The longest the front cache may keep an answer: less than invalidations are remembered. */
export const longestKeptMs = forgetAfterMs / 2;
