// @ts-check
// A copy of what a handler sends on a response as it sends it, for the two caches in front of
// Next (lib/front-cache.js, lib/search-pages.js): Next writes to the response itself, so the only
// way to keep an answer is to copy its writes.

/**
 * @typedef {object} ResponseCopy
 * @property {() => boolean} kept Whether the whole answer was copied (nothing refused, no more than the limit).
 * @property {() => Record<string, string | string[] | number>} headers Its headers, names in lower case.
 * @property {() => Buffer} body The bytes written.
 */

/**
 * Starts copying `res`: its headers (those set and those given to writeHead) and its body, up to
 * `limit` bytes. Past the limit, or when `accept` refuses the answer at its first write (its
 * status and headers are known then), nothing more is copied.
 * @param {import("node:http").ServerResponse} res
 * @param {{ limit: number; accept?: (header: (name: string) => unknown) => boolean }} options
 * @returns {ResponseCopy}
 */
export function copyResponse(res, { limit, accept }) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let keep = true;
  let started = false;
  /** @type {import("node:http").OutgoingHttpHeaders} */
  let passedHeaders = {};
  /** @param {string} name */
  const header = (name) => res.getHeader(name) ?? passedHeaders[name];
  /** @param {unknown} chunk @param {unknown} encoding */
  const collect = (chunk, encoding) => {
    if (!started) {
      started = true;
      if (accept && !accept(header)) keep = false;
    }
    if (!keep || chunk == null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : null;
    if (!buffer) return void (keep = false);
    size += buffer.length;
    if (size > limit) keep = false;
    else chunks.push(Buffer.from(buffer));
  };
  const { writeHead, write, end } = res;
  // Headers given to writeHead itself are not in getHeaders() when none was set before.
  res.writeHead = /** @type {any} */ (
    function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
      const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
      if (Array.isArray(headers)) keep = false;
      else if (headers) passedHeaders = headers;
      return writeHead.call(res, statusCode, ...rest);
    }
  );
  res.write = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {any[]} */ ...rest) {
      collect(chunk, encoding);
      return write.call(res, /** @type {any} */ (chunk), /** @type {any} */ (encoding), ...rest);
    }
  );
  res.end = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {any[]} */ ...rest) {
      collect(chunk, encoding);
      return end.call(res, /** @type {any} */ (chunk), /** @type {any} */ (encoding), ...rest);
    }
  );
  return {
    kept: () => keep,
    headers() {
      /** @type {Record<string, string | string[] | number>} */
      const result = {};
      for (const [name, value] of Object.entries({ ...res.getHeaders(), ...passedHeaders })) if (value !== undefined) result[name.toLowerCase()] = value;
      return result;
    },
    body: () => Buffer.concat(chunks, size),
  };
}
