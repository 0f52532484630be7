// @ts-check
// A copy in memory of the invalidations written to Redis since this process subscribed to them,
// so the front cache (lib/front-cache.js) can tell whether an answer's tags changed without a
// round trip to Redis: the invalidate script publishes each invalidation (its Redis time and its
// tags) as it writes it, and a connection of its own receives them.
//
// It answers only what it is sure of: for a stamp later than the moment it was known to be
// subscribed (Redis's time read after the subscription was confirmed), every invalidation at or
// after that stamp has come to it, give or take the moment a message is on the wire (as a
// question sent to Redis at that moment would not have seen it either). It knows nothing (and
// the caller asks Redis) while it is not subscribed, for older stamps, for invalidations it has
// forgotten, and when it has heard nothing from Redis for `silentAfterMs`: a connection that hangs
// without closing delivers nothing, so it is pinged every `pingEveryMs`. This process's own
// invalidations are recorded as soon as Redis has taken them, before their message comes back.

import { once } from "node:events";

/** The subscription is pinged this often... */
const defaultPingEveryMs = 1_000;
/** ...and counts as lost when nothing came from it for this long. */
const defaultSilentAfterMs = 2_500;

export class InvalidationMirror {
  /**
   * @param {import("./connection.js").Connection} connection the cache's connection (its clock, its
   *   client to duplicate for the subscription, and Redis's time)
   * @param {{ channel: string; tagPrefix: string; keepMs: number; pingEveryMs?: number; silentAfterMs?: number }} options
   */
  constructor(connection, { channel, tagPrefix, keepMs, pingEveryMs = defaultPingEveryMs, silentAfterMs = defaultSilentAfterMs }) {
    this.connection = connection;
    this.channel = channel;
    this.tagPrefix = tagPrefix;
    this.keepMs = keepMs;
    this.pingEveryMs = pingEveryMs;
    this.silentAfterMs = silentAfterMs;
    /** By tag, the Redis time of its latest invalidation, oldest first. @type {Map<string, number>} */
    this.tags = new Map();
    /** Stamps after this Redis time are answered (null while not subscribed). @type {number | null} */
    this.since = null;
    /** When something last came from the subscription (this process's clock). */
    this.heardAt = 0;
    /** @type {import("ioredis").Redis | undefined} */
    this.subscriber = undefined;
    /** @type {unknown} */
    this.pingTimer = undefined;
    /** @type {Promise<void> | undefined} */
    this.subscribing = undefined;
    /** Asked to subscribe during an attempt. */
    this.again = false;
    /** Counts the subscriptions lost. */
    this.generation = 0;
  }

  /** Subscribes, once; until that is confirmed (and after it is lost) the mirror knows nothing. */
  start() {
    if (this.subscriber) return;
    const subscriber = this.connection.client.duplicate();
    this.subscriber = subscriber;
    // Errors are the connection's to report (connection.js); here they only mean "not current".
    subscriber.on("error", () => this.lost());
    subscriber.on("close", () => this.lost());
    subscriber.on("ready", () => void this.subscribe());
    subscriber.on("message", (_channel, message) => this.received(message));
    this.ping();
  }

  /**
   * Subscribes (again), one attempt at a time; asked for during an attempt, it makes another once
   * that one ends (an attempt that overlapped a lost connection proves nothing). A failed one is
   * tried again by the next question.
   */
  subscribe() {
    if (this.subscribing) {
      this.again = true;
      return this.subscribing;
    }
    this.again = false;
    this.subscribing = this.trySubscribe().finally(() => {
      this.subscribing = undefined;
      if (this.again && this.subscriber?.status === "ready") void this.subscribe();
    });
    return this.subscribing;
  }

  async trySubscribe() {
    const subscriber = /** @type {import("ioredis").Redis} */ (this.subscriber);
    const { client } = this.connection;
    // Lost meanwhile (the counter moved): this attempt's time says nothing about the new connection.
    const generation = this.generation;
    try {
      await subscriber.subscribe(this.channel);
      // Redis's time read after the subscription was confirmed: any invalidation later than this
      // was published to it. (One in the same millisecond may have come before: stamps must be
      // later.) The cache's connection may still be reconnecting.
      if (client.status !== "ready") await once(client, "ready");
      const [seconds, micros] = await client.time();
      if (subscriber.status !== "ready" || generation !== this.generation) return;
      this.heardAt = this.connection.clock.now();
      this.since = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      this.connection.events.emit("mirrored");
    } catch {
      this.lost();
    }
  }

  lost() {
    this.since = null;
    this.generation++;
  }

  ping() {
    this.pingTimer = this.connection.clock.setTimeout(() => {
      this.subscriber?.ping().then(
        () => {
          this.heardAt = this.connection.clock.now();
        },
        () => {},
      );
      this.ping();
    }, this.pingEveryMs);
  }

  /** A published invalidation: its time, then its tag keys, one per line. @param {string} message */
  received(message) {
    this.heardAt = this.connection.clock.now();
    const [at, ...keys] = message.split("\n");
    this.record(
      Number(at),
      keys.map((key) => key.slice(this.tagPrefix.length)),
    );
    this.connection.events.emit("mirrored");
  }

  /**
   * Records an invalidation of `tags` at `at` (Redis's time, ms); forgets those older than keepMs,
   * after which older stamps are no longer answered.
   * @param {number} at
   * @param {string[]} tags
   */
  record(at, tags) {
    for (const tag of tags) {
      const known = this.tags.get(tag);
      if (known !== undefined && known >= at) continue;
      // Maps iterate in insertion order: an invalidated tag moves to the end.
      this.tags.delete(tag);
      this.tags.set(tag, at);
    }
    for (const [tag, invalidatedAt] of this.tags) {
      if (invalidatedAt > at - this.keepMs) break;
      this.tags.delete(tag);
      if (this.since !== null) this.since = Math.max(this.since, invalidatedAt);
    }
  }

  /**
   * Whether none of `tags` was invalidated at or after `stamp`; undefined when the mirror cannot
   * be sure (the caller asks Redis).
   * @param {string[]} tags
   * @param {number} stamp
   * @returns {boolean | undefined}
   */
  unchangedSince(tags, stamp) {
    if (this.since === null) {
      if (this.subscriber?.status === "ready") void this.subscribe();
      return undefined;
    }
    if (stamp <= this.since) return undefined;
    if (this.connection.clock.now() - this.heardAt > this.silentAfterMs) return undefined;
    return tags.every((tag) => (this.tags.get(tag) ?? 0) < stamp);
  }

  /** Stops the subscription (tests; a process that ends simply exits). */
  close() {
    this.connection.clock.clearTimeout(this.pingTimer);
    this.lost();
    this.subscriber?.disconnect();
  }
}
