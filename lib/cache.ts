// How public reads are cached and tagged (the tags themselves: lib/cache-tags.ts), and the one
// place that refreshes public pages after a change (docs/architecture.md, "The page cache").
import { revalidateTag, unstable_cache } from "next/cache";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { tags } from "@/lib/cache-tags";

/** How long a public page may be served from cache when nothing invalidates it. */
export const publicRevalidateSeconds = 3600;

export { tags } from "@/lib/cache-tags";

type CachedRead<Args extends unknown[], Result> = ((...args: Args) => Promise<Result>) & {
  /** The same read without Next's data cache, for scripts and tests that run outside Next. */
  uncached: (...args: Args) => Promise<Result>;
};

/**
 * Wraps a read that is costly and shared by pages and API answers (counts over the whole
 * directory) in Next's data cache, refreshed when one of its tags is; pages using it carry them.
 */
export function cachedRead<Args extends unknown[], Result>(
  key: string,
  fn: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => string[],
): CachedRead<Args, Result> {
  const read = (...args: Args) =>
    unstable_cache(() => fn(...args), [key, JSON.stringify(args)], {
      tags: [tags.public, ...tagsFor(...args)],
      revalidate: publicRevalidateSeconds,
    })();
  return Object.assign(read, { uncached: fn });
}

/**
 * Declares what the page (or route response) being rendered for Next's ISR cache depends on:
 * it is refreshed when one of these tags is. Reads whose tags depend on what they found (the
 * organisations on a list page) call it with them. Outside an ISR render it does nothing.
 */
export function tagPage(...pageTags: string[]): void {
  const store = workUnitAsyncStorage.getStore();
  switch (store?.type) {
    case "prerender":
    case "prerender-runtime":
    case "prerender-legacy":
    case "cache":
    case "private-cache": {
      const collected = (store.tags ??= []);
      for (const tag of [tags.public, ...pageTags]) if (!collected.includes(tag)) collected.push(tag);
      break;
    }
    default:
  }
}

/**
 * Refreshes the public pages that show the given tags. The very next request renders fresh
 * content (`expire: 0`): serving the stale page once more would be wrong right after an approval.
 * Call it after the change has been committed, from a server action or a route handler.
 */
export function revalidatePublic(changed: Iterable<string>): void {
  for (const tag of new Set(changed)) revalidateTag(tag, { expire: 0 });
}
