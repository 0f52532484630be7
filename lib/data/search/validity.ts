// What a stored search result was read under, and whether it still holds: the same invalidations
// of cache tags the front cache asks (architecture.md, "The page cache"), on this instance
// (lib/local-cache-handler.js) or with Redis on every instance (lib/cache-handler.js), read as
// server.js reads them. Both modules keep their state on globalThis, so the copies Next bundles
// with the page answer as server.js's do.
import { sharedInvalidations } from "@/lib/cache-handler.js";
import { tags } from "@/lib/cache-tags";
import { serverEnv } from "@/lib/env";
import { localInvalidations } from "@/lib/local-cache-handler.js";

/**
 * What a page of search results shows: which organisations are listed and what their listing
 * says (`search`), the countries' names (`countries`), and everything refreshed by hand (`public`).
 */
export const searchResultTags = [tags.public, tags.search, tags.countries];

const clock = () => (serverEnv().REDIS_URL ? sharedInvalidations : localInvalidations);

/** A stamp taken before a search reads the database; null while invalidations cannot be known (Redis away, one not yet written). */
export async function searchStamp(): Promise<number | null> {
  return (await clock().stamp()) ?? null;
}

/** Whether none of the tags search results depend on was invalidated since `stamp`. */
export async function searchUnchangedSince(stamp: number): Promise<boolean> {
  return (await clock().unchangedSince(searchResultTags, stamp)) === true;
}
