// How public reads are cached and tagged (the tags themselves: lib/cache-tags.ts), and the one
// place that refreshes public pages after a change (docs/architecture.md, "The page cache").
import { revalidateTag, unstable_cache } from "next/cache";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { tags } from "@/lib/cache-tags";
import { renderAgain } from "@/lib/render-again.js";

/** How long a public page may be served from cache when nothing invalidates it. */
export const publicRevalidateSeconds = 3600;

export { tags } from "@/lib/cache-tags";

type CachedRead<Args extends unknown[], Result> = ((...args: Args) => Promise<Result>) & {
  /** The same read without Next's data cache, for scripts and tests that run outside Next. */
  uncached: (...args: Args) => Promise<Result>;
};

/**
 * Wraps a read that is costly and shared by pages and API answers (counts over the whole
 * directory) in Next's data cache, refreshed when one of its tags is (pages using it carry them)
 * and at the latest after `revalidate` seconds.
 */
export function cachedRead<Args extends unknown[], Result>(
  key: string,
  fn: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => string[],
  { revalidate = publicRevalidateSeconds }: { revalidate?: number } = {},
): CachedRead<Args, Result> {
  const read = (...args: Args) =>
    unstable_cache(() => fn(...args), [key, JSON.stringify(args)], {
      tags: [tags.public, ...tagsFor(...args)],
      revalidate,
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
 * `pages` (the most read of them: lib/cache-tags.ts mostReadPages) are then rendered again by
 * this instance itself once it has answered (lib/render-again.js), so that readers do not wait.
 * Call it after the change has been committed, from a server action or a route handler.
 */
export function revalidatePublic(changed: Iterable<string>, pages: Iterable<string> = []): void {
  const changedTags = [...new Set(changed)];
  for (const tag of changedTags) revalidateTag(tag, { expire: 0 });
  renderAgain(pages, changedTags);
}
