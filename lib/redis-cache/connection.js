// @ts-check
// The Redis cache's connection (lib/cache-handler.js) and what this process knows of Redis's
// health. Redis unavailable or slow: calls give up after a short timeout and return a fallback
// (reads miss, writes are dropped), then leave Redis alone for a pause; a connection that stops
// answering is dropped and made again. One log line when Redis goes and one when it comes back; a
// reply that came while the event loop was busy past the timeout is not an outage. Redis errors
// that are not an outage (out of memory, a wrong key type) are logged once each.
import { EventEmitter } from "node:events";
import { ReplyError } from "ioredis";
import { cacheClient } from "./scripts.js";

/** No Redis command may hold a request longer than this. */
export const commandTimeoutMs = 300;
/** A connection with commands waiting and nothing received for this long is dropped and made again. */
const socketTimeoutMs = 1_000;
/** After a failure, reads and writes leave Redis alone this long before trying it again. */
export const retryAfterMs = 2_000;
/** The first requests of a starting server wait this long at most for the first connection. */
const firstConnectionMs = 1_000;

/**
 * The time and the timers the cache runs on. Tests pass their own, to decide when a timeout has
 * passed instead of waiting for it.
 * @typedef {{ now(): number; setTimeout(callback: () => void, ms: number): unknown; clearTimeout(timer: unknown): void }} Clock
 */

/** @type {Clock} */
export const systemClock = {
  now: () => Date.now(),
  // The cache's timers never keep the process alive.
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (timer) => clearTimeout(/** @type {NodeJS.Timeout} */ (timer)),
};

/**
 * What happens to the cache, for the parts that react to it and for tests, which wait for the
 * event instead of for time to pass. `sent`: a command went to Redis (its timeout is running).
 * `ready`: connected, or connected again. `unavailable`, `available`: an outage starts, ends (each
 * logged). `written`: invalidations that had to wait were written (invalidations.js). `mirrored`:
 * the copy of the invalidations in memory subscribed, or received one (mirror.js).
 * @typedef {{ sent: []; ready: []; unavailable: [error: unknown]; available: []; written: []; mirrored: [] }} CacheEvents
 */

/**
 * Defaults are production's; tests shorten or replace them.
 * `silent`: logs nothing (the process has another connection that logs; server.js's front thread).
 * @typedef {{ clock?: Clock; commandTimeoutMs?: number; socketTimeoutMs?: number; retryAfterMs?: number; silent?: boolean }} ConnectionOptions
 */

export class Connection {
  /** @param {string} url @param {ConnectionOptions} [options] */
  constructor(url, options = {}) {
    this.clock = options.clock ?? systemClock;
    this.commandTimeoutMs = options.commandTimeoutMs ?? commandTimeoutMs;
    this.retryAfterMs = options.retryAfterMs ?? retryAfterMs;
    this.silent = options.silent ?? false;
    /** @type {EventEmitter<CacheEvents>} */
    this.events = new EventEmitter();
    this.available = true;
    /** While Redis is unavailable: when a request may try it again. */
    this.retryAt = 0;
    /** Commands sent, and the latest of them that Redis answered (see attempt). */
    this.sent = 0;
    this.answered = 0;
    /** Messages of Redis errors already logged (errors that are not an outage). */
    this.loggedErrors = new Set();
    // Commands are given up on after commandTimeoutMs by attempt(), not by ioredis (see there).
    const client = cacheClient(url, {
      socketTimeout: options.socketTimeoutMs ?? socketTimeoutMs,
      connectTimeout: 1_000,
      // Fail at once while disconnected instead of queueing requests behind a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      lazyConnect: false,
    });
    // Connection errors are reported through the commands that fail; one line per outage.
    client.on("error", (error) => this.failed(error));
    // The first requests of a starting server wait (briefly) for the first connection.
    this.connected = false;
    this.firstConnection = new Promise((resolve) => {
      client.once("ready", resolve);
      this.clock.setTimeout(() => resolve(undefined), firstConnectionMs);
    });
    client.on("ready", () => {
      this.connected = true;
      this.retryAt = 0;
      this.events.emit("ready");
    });
    this.client = client;
  }

  /** @param {unknown} error */
  failed(error) {
    this.retryAt = this.clock.now() + this.retryAfterMs;
    if (!this.available) return;
    this.available = false;
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.silent) console.error(`[cache] Redis is unavailable (${reason}): pages are rendered without the shared cache until it returns.`);
    this.events.emit("unavailable", error);
  }

  recovered() {
    if (this.available) return;
    this.available = true;
    if (!this.silent) console.error("[cache] Redis is available again: the shared cache is in use.");
    this.events.emit("available");
  }

  /** False while Redis is known to be unavailable and not yet due for another try. */
  usable() {
    return this.available || this.clock.now() >= this.retryAt;
  }

  /**
   * Runs a Redis call; on failure reports the outage once and returns `fallback`.
   * @template T
   * @param {() => Promise<T>} call
   * @param {T} fallback
   * @returns {Promise<T>}
   */
  async attempt(call, fallback) {
    if (!this.connected) await this.firstConnection;
    const sent = ++this.sent;
    try {
      const answer = this.withinTimeout(call());
      this.events.emit("sent");
      const result = await answer;
      this.answered = Math.max(this.answered, sent);
      this.recovered();
      return result;
    } catch (error) {
      if (error instanceof ReplyError) this.refused(/** @type {Error} */ (error));
      // A command sent before one that Redis has since answered fails late (a timeout across a
      // reconnection): no news of an outage.
      else if (sent > this.answered) this.failed(error);
      return fallback;
    }
  }

  /** Redis answered with an error (out of memory, a wrong type): not an outage. @param {Error} error */
  refused(error) {
    if (this.loggedErrors.has(error.message)) return;
    this.loggedErrors.add(error.message);
    if (!this.silent) console.error(`[cache] Redis refused a command (${error.message}): treated as a miss.`);
  }

  /**
   * A Redis call's answer, or a timeout error after commandTimeoutMs. The timeout is a timer, and
   * when a render held the event loop past it, it fires before the loop reads the reply that came
   * meanwhile: so it is given effect only after that read (setImmediate runs after the loop's poll
   * phase), and a reply already there wins. (ioredis's own commandTimeout rejects at once.)
   * @template T
   * @param {Promise<T>} call
   * @returns {Promise<T>}
   */
  withinTimeout(call) {
    const ms = this.commandTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => setImmediate(() => reject(new Error(`No answer from Redis within ${ms} ms`))), ms);
      call.then(
        (result) => {
          this.clock.clearTimeout(timer);
          resolve(result);
        },
        (error) => {
          this.clock.clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}
