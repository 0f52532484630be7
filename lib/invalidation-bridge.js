// @ts-check
// The invalidations Next's thread makes, told to the front thread. server.js answers from the front
// cache in a thread of its own (lib/front-server.js), so that a cached answer is never queued
// behind a render; the cache handlers run in Next's thread. Each invalidation they record is
// announced: a shared counter goes up at once (Atomics), then a message carries it to the front
// thread. Until the front thread has applied every announced invalidation, and while Next's
// thread holds an invalidation Redis has not taken yet, its clock answers "unknown" (null), and
// the front cache hands the request to Next instead of serving an answer that may be stale.
// Outside server.js (tests, `next start`) nothing is listening and announcing does nothing.

/** @typedef {{ tags: string[]; at?: number }} Invalidation `at`: Redis's time of it (with Redis) */
/** @typedef {import("./tag-invalidations.js").InvalidationClock} InvalidationClock */

/** Counter slots: invalidations announced, and whether Next's thread holds unwritten ones. */
const announced = 0;
const unwritten = 1;

// Next may load this module more than once (the server and the bundled route modules each import
// it), so the announcer lives on globalThis.
const announcerKey = Symbol.for("prova.invalidationAnnouncer");
/** @type {{ [announcerKey]?: { post(invalidation: Invalidation): void; counter: Int32Array } }} */
const processState = /** @type {any} */ (globalThis);

/** The memory both threads share: make it in the main thread, give it to both sides. */
export function sharedCounter() {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * In Next's thread: announces every invalidation from now on to `port` (the front thread's worker).
 * @param {{ postMessage(message: unknown): void }} port
 * @param {Int32Array} counter
 */
export function announceTo(port, counter) {
  processState[announcerKey] = { counter, post: (invalidation) => port.postMessage({ invalidation }) };
}

/**
 * Called by the cache handlers once an invalidation is recorded (written to Redis, or kept in
 * this process without Redis).
 * @param {Invalidation} invalidation
 */
export function announceInvalidation(invalidation) {
  const announcer = processState[announcerKey];
  if (!announcer) return;
  // Counted before it is sent: the front thread can only be behind, never ahead.
  Atomics.add(announcer.counter, announced, 1);
  announcer.post(invalidation);
}

/**
 * Called by the Redis cache's invalidations when the set of those not yet written changes.
 * @param {boolean} holding
 */
export function announceUnwritten(holding) {
  const announcer = processState[announcerKey];
  if (announcer) Atomics.store(announcer.counter, unwritten, holding ? 1 : 0);
}

/**
 * In the front thread: `clock` (Redis's invalidations, or a copy of Next's thread's), answering
 * null while an announced invalidation has not been applied to it by `receive`.
 * @implements {InvalidationClock}
 */
export class AnnouncedInvalidations {
  /**
   * @param {InvalidationClock} clock
   * @param {Int32Array} counter
   * @param {(invalidation: Invalidation) => void} apply records an invalidation in `clock`
   */
  constructor(clock, counter, apply) {
    this.clock = clock;
    this.counter = counter;
    this.apply = apply;
    this.applied = 0;
  }

  /** @param {Invalidation} invalidation */
  receive(invalidation) {
    this.apply(invalidation);
    this.applied++;
  }

  current() {
    return Atomics.load(this.counter, announced) === this.applied && Atomics.load(this.counter, unwritten) === 0;
  }

  stamp() {
    return this.current() ? this.clock.stamp() : null;
  }

  /** @param {string[]} tags @param {number} stamp */
  unchangedSince(tags, stamp) {
    return this.current() ? this.clock.unchangedSince(tags, stamp) : null;
  }
}
