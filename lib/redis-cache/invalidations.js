// @ts-check
// Invalidations of the Redis cache (lib/cache-handler.js): `revalidateTag` stores, per tag, the
// time it was invalidated (plain keys without expiry, so no eviction policy that spares keys
// without one can drop them; forgotten by the script itself once older than any entry). The
// front cache of every instance (lib/front-cache.js) asks whether the tags of an answer it keeps were
// invalidated since it kept it. They are never paused after a failure. One that Redis cannot take is
// tried again half a second after each failed try and on reconnection, and until it is written
// this instance serves nothing from the cache (other instances cannot know of it: see README).
// The front cache's question is answered from a copy of the invalidations kept current by Redis
// pub/sub (mirror.js) when that copy can be sure, so that a cached answer needs no round trip.
import { announceInvalidation, announceUnwritten } from "../invalidation-bridge.js";
import { InvalidationMirror } from "./mirror.js";

/** Invalidations that could not be written are tried again this often. */
export const pendingRetryMs = 500;

export class Invalidations {
  /**
   * @param {import("./connection.js").Connection} connection
   * @param {{ tagPrefix: string; indexKey: string; channel: string; keepMs: number; mirrorKeepMs: number; pendingRetryMs?: number }} options
   */
  constructor(connection, options) {
    this.connection = connection;
    this.tagPrefix = options.tagPrefix;
    this.indexKey = options.indexKey;
    this.channel = options.channel;
    this.keepMs = options.keepMs;
    this.retryMs = options.pendingRetryMs ?? pendingRetryMs;
    this.mirror = new InvalidationMirror(connection, { channel: options.channel, tagPrefix: options.tagPrefix, keepMs: options.mirrorKeepMs });
    /** Tags invalidated while Redis could not take it, written as soon as it can. */
    this.pending = new Set();
    /** @type {unknown} */
    this.retryTimer = undefined;
    /** The write of the pending invalidations under way, if any. @type {Promise<void> | undefined} */
    this.flushing = undefined;
    connection.events.on("ready", () => void this.flush());
    connection.events.on("available", () => void this.flush());
  }

  /**
   * Writes the invalidation of `tags`; when Redis cannot take it, keeps it to be written later.
   * @param {string[]} tags
   */
  async write(tags) {
    const { connection } = this;
    const written = await connection.attempt(
      () =>
        connection.client
          .invalidateTags(tags.length + 1, this.indexKey, ...tags.map((tag) => this.tagPrefix + tag), this.keepMs, this.channel)
          .then((at) => {
            // Known here at once, before its message comes back (and in the front thread: server.js).
            this.mirror.record(Number(at), tags);
            announceInvalidation({ at: Number(at), tags });
            return true;
          }),
      false,
    );
    if (!written) {
      for (const tag of tags) this.pending.add(tag);
      announceUnwritten(true);
      this.retryLater();
    }
    return written;
  }

  /**
   * Writes the invalidations that could not be written yet; true when none is left. Tried on a
   * timer whatever the pause after a failure, on reconnection, when Redis answers again, and on
   * reads outside that pause (within it a read serves nothing without waiting for Redis). One write
   * at a time.
   */
  async flush() {
    if (this.pending.size === 0) return true;
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
    return this.pending.size === 0;
  }

  async writePending() {
    const tags = [...this.pending];
    if (!(await this.write(tags))) return;
    for (const tag of tags) this.pending.delete(tag);
    announceUnwritten(this.pending.size > 0);
    this.connection.events.emit("written");
  }

  retryLater() {
    if (this.retryTimer !== undefined) return;
    this.retryTimer = this.connection.clock.setTimeout(() => {
      this.retryTimer = undefined;
      // A flush that fails asks for the next try itself (write).
      void this.flush();
    }, this.retryMs);
  }

  /**
   * Whether a read may go to Redis: not in the pause after a failure, and no invalidation of this
   * instance left unwritten (until it is, nothing cached may be served).
   */
  async readable() {
    if (!this.connection.usable()) return false;
    return this.pending.size === 0 || this.flush();
  }

  /**
   * The front cache's stamp (lib/front-cache.js): Redis's time (ms) before Next reads its cache.
   * Null while nothing may be served: Redis unavailable, or an invalidation of this instance not
   * written yet.
   * @returns {Promise<number | null>}
   */
  async stamp() {
    if (!(await this.readable())) return null;
    const { connection } = this;
    return connection.attempt(async () => {
      const [seconds, micros] = await connection.client.time();
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    }, null);
  }

  /**
   * Whether none of `tags` was invalidated at or after `stamp`, on any instance. Null while it
   * cannot be known (as for stamp). At once, without a promise, when the mirror is sure.
   * @param {string[]} tags
   * @param {number} stamp
   * @returns {boolean | Promise<boolean | null>}
   */
  unchangedSince(tags, stamp) {
    this.mirror.start();
    if (this.connection.usable() && this.pending.size === 0) {
      const known = this.mirror.unchangedSince(tags, stamp);
      if (known !== undefined) return known;
    }
    return this.askRedis(tags, stamp);
  }

  /** @param {string[]} tags @param {number} stamp @returns {Promise<boolean | null>} */
  async askRedis(tags, stamp) {
    if (!(await this.readable())) return null;
    if (tags.length === 0) return true;
    const { connection } = this;
    const newest = await connection.attempt(() => connection.client.newestInvalidation(this.tagPrefix, ...tags), null);
    return newest === null ? null : Number(newest) < stamp;
  }
}
