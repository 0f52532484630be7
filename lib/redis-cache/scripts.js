// @ts-check
// The Redis cache's commands (lib/cache-handler.js), each a Lua script: one round trip, and the
// times they store come from Redis's clock (`TIME`), so instances on different machines agree.
import { Redis } from "ioredis";

// KEYS[1] is the entry; ARGV: the tag key prefix, the version this instance holds, then the tags
// of the read itself. Always Redis's time of the read first (ms): a render that follows a miss
// began after it. Then nothing more when there is no entry or one of its tags was invalidated at
// or after the entry's time (when its render began); the version and time when the instance holds
// that version; otherwise the value too.
const readScript = `
local clock = redis.call('TIME')
local now = string.format('%.0f', clock[1] * 1000 + math.floor(clock[2] / 1000))
local e = redis.call('HMGET', KEYS[1], 'id', 't', 'tags')
if not e[1] then return {now} end
local stored = tonumber(e[2])
local newest = 0
local function check(tag)
  local at = redis.call('GET', ARGV[1] .. tag)
  if at and tonumber(at) > newest then newest = tonumber(at) end
end
if e[3] then for tag in string.gmatch(e[3], '[^,]+') do check(tag) end end
for i = 3, #ARGV do check(ARGV[i]) end
if newest > 0 and stored <= newest then return {now} end
if e[1] == ARGV[2] then return {now, e[1], e[2]} end
return {now, e[1], e[2], redis.call('HGET', KEYS[1], 'v')}`;

// KEYS[1] is the entry; ARGV: the serialized value, its version, its tags (comma-separated), the
// time to live (s), when its render began (Redis's time of the read before it, ms) or -1 when
// unknown, and then how long before now to take instead (ms). Returns its time.
const writeScript = `
local clock = redis.call('TIME')
local began = tonumber(ARGV[5])
local t
if began >= 0 then t = string.format('%.0f', began) else t = string.format('%.0f', clock[1] * 1000 + math.floor(clock[2] / 1000) - tonumber(ARGV[6])) end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'id', ARGV[2], 't', t, 'tags', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return t`;

// KEYS[1] is the index of invalidations (a sorted set by time); the others are tags, given the
// time, and published on the channel ARGV[2] (the time, then the tags, one per line) for the
// instances' copies (mirror.js). Invalidations older than ARGV[1] ms are forgotten, a hundred at a
// time: every entry stored before them has expired.
const invalidateScript = `
local now = redis.call('TIME')
local t = now[1] * 1000 + math.floor(now[2] / 1000)
local ts = string.format('%.0f', t)
local message = {ts}
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], ts)
  redis.call('ZADD', KEYS[1], ts, KEYS[i])
  message[i] = KEYS[i]
end
redis.call('PUBLISH', ARGV[2], table.concat(message, '\\n'))
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', t - tonumber(ARGV[1])), 'LIMIT', 0, 100)
if #old > 0 then
  redis.call('DEL', unpack(old))
  redis.call('ZREM', KEYS[1], unpack(old))
end
return ts`;

// ARGV: the tag key prefix, then tags. The time (ms) of the latest invalidation of any of them, 0
// when none was invalidated.
const newestScript = `
local newest = 0
for i = 2, #ARGV do
  local at = redis.call('GET', ARGV[1] .. ARGV[i])
  if at and tonumber(at) > newest then newest = tonumber(at) end
end
return string.format('%.0f', newest)`;

/**
 * @typedef {Redis & {
 *   readEntryBuffer(key: string, tagPrefix: string, version: string, ...tags: string[]): Promise<[Buffer, Buffer?, Buffer?, Buffer?]>;
 *   writeEntry(key: string, value: Buffer, version: string, tags: string, ttl: number, beganAt: number, unknownAgeMs: number): Promise<string>;
 *   invalidateTags(count: number, ...keysAndArguments: (string | number)[]): Promise<string>;
 *   newestInvalidation(tagPrefix: string, ...tags: string[]): Promise<string>;
 * }} CacheClient
 */

/**
 * A Redis connection with the cache's commands defined on it.
 * @param {string} url
 * @param {import("ioredis").RedisOptions} options
 * @returns {CacheClient}
 */
export function cacheClient(url, options) {
  const client = new Redis(url, options);
  client.defineCommand("readEntry", { numberOfKeys: 1, lua: readScript });
  client.defineCommand("writeEntry", { numberOfKeys: 1, lua: writeScript });
  client.defineCommand("invalidateTags", { lua: invalidateScript });
  client.defineCommand("newestInvalidation", { numberOfKeys: 0, lua: newestScript });
  return /** @type {CacheClient} */ (client);
}
