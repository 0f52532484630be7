// Cache tags of the public site, and the one place that refreshes public pages after a change.
import { revalidateTag, unstable_cache } from "next/cache";

/** How long a public page may be served from cache when nothing invalidates it. */
export const publicRevalidateSeconds = 3600;

export const tags = {
  /** The list of countries (names and codes). */
  countries: "countries",
  /** Every list of organisations: home, country pages, search facets, sitemap. */
  organisations: "organisations",
  organisation: (id: string) => `organisation:${id}`,
  country: (code: string) => `country:${code.toUpperCase()}`,
} as const;

type CachedRead<Args extends unknown[], Result> = ((...args: Args) => Promise<Result>) & {
  /** The same read without Next's data cache, for scripts and tests that run outside Next. */
  uncached: (...args: Args) => Promise<Result>;
};

/** Wraps a public read so that pages using it are refreshed when one of its tags is. */
export function cachedRead<Args extends unknown[], Result>(
  key: string,
  fn: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => string[],
): CachedRead<Args, Result> {
  const read = (...args: Args) =>
    unstable_cache(() => fn(...args), [key, JSON.stringify(args)], {
      tags: tagsFor(...args),
      revalidate: publicRevalidateSeconds,
    })();
  return Object.assign(read, { uncached: fn });
}

/**
 * Refreshes the public pages that show the given tags. The very next request renders fresh
 * content (`expire: 0`): serving the stale page once more would be wrong right after an approval.
 * Call it after the change has been committed, from a server action or a route handler.
 */
export function revalidatePublic(changed: Iterable<string>): void {
  for (const tag of new Set(changed)) revalidateTag(tag, { expire: 0 });
}
