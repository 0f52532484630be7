// What each public page depends on, as cache tags, and which tags a change of an organisation
// touches: exactly the pages whose content it changes (docs/architecture.md, "The page cache").
// Names only, no Next.js: the tests and scripts use them as they are.

export const tags = {
  /** Every public page: only for refreshing everything by hand (`/api/revalidate`). */
  public: "public",
  /** The list of countries (names and codes). */
  countries: "countries",
  /**
   * Which organisations are published, in which countries, of which kind: the counts on the home
   * page and in the API, the sitemap index and the sitemap of the site's own pages.
   */
  directory: "directory",
  /** The home page's "recently updated": every published change moves its organisation there. */
  recent: "recent",
  /** An organisation's own page (by id, which survives slug changes). */
  organisation: (id: string) => `organisation:${id}`,
  /** What answers at an address: a page, the redirect of an old address, or nothing. */
  slug: (slug: string) => `slug:${slug}`,
  /** The first page of a country's list: its count, and an organisation arriving first. */
  countryList: (code: string) => `country:${code.toUpperCase()}`,
  /**
   * An organisation's place in a country's list: the list pages that show it or link to it, and
   * the page that would show an organisation arriving right after it.
   */
  countryPlace: (code: string, id: string) => `country:${code.toUpperCase()}:${id}`,
  /** Every page of a country's list: only for refreshing a country by hand. */
  countryPages: (code: string) => `country:${code.toUpperCase()}:pages`,
  /** The sitemap of organisations number `index` of `count` (lib/sitemap.ts). */
  sitemap: (count: number, index: number) => `sitemap:${count}:${index}`,
  /** Search results: what a listing shows, or which organisations are listed, changed. */
  search: "search",
} as const;

/** Sitemap counts an organisation's sitemap is looked up for (lib/sitemap.ts keeps to them). */
export const sitemapCounts = [1, 2, 4, 8, 16, 32, 64, 128, 256] as const;

/** Buckets of organisations (by the last two bytes of their id) the sitemaps divide among them. */
export const sitemapBuckets = 65_536;

/** The bucket of an organisation: the last two bytes of its id, as PostgreSQL's prova_sitemap_bucket. */
export function sitemapBucket(id: string): number {
  return Number.parseInt(id.slice(-4), 16);
}

/** The sitemap (of `count`) that lists an organisation. */
export function sitemapIndexOf(id: string, count: number): number {
  return Math.floor((sitemapBucket(id) * count) / sitemapBuckets);
}

/** The tags of every sitemap that can list an organisation, whatever their number. */
export function sitemapTagsOf(id: string): string[] {
  return sitemapCounts.map((count) => tags.sitemap(count, sitemapIndexOf(id, count)));
}

/** What the public pages show of an organisation; null when it is not published. */
export type PublicListing = {
  slug: string;
  name: string;
  acronym: string | null;
  kind: string;
  website: string | null;
  /** What a list shows of the description (lib/text.ts summarise). */
  summary: string;
  countries: string[];
};

/**
 * The tags a committed change of one organisation touches. `predecessors` gives, for each
 * country it is listed in after the change and whose list it arrived in (or moved within), the
 * organisation now right before it there, or null when it comes first.
 */
export function changedTags(
  id: string,
  before: PublicListing | null,
  after: PublicListing | null,
  predecessors: ReadonlyMap<string, string | null>,
): string[] {
  const changed = new Set<string>([tags.organisation(id)]);
  if (!before && !after) return [...changed];
  const shown = (listing: PublicListing) => [listing.slug, listing.name, listing.acronym, listing.kind, listing.website, listing.summary].join("\u0000");
  const listingChanged = !before || !after || shown(before) !== shown(after);
  for (const slug of new Set([before?.slug, after?.slug])) if (slug && before?.slug !== after?.slug) changed.add(tags.slug(slug));
  // Its new date: on the home page (its "recently updated") and in its sitemap.
  changed.add(tags.recent);
  for (const tag of sitemapTagsOf(id)) changed.add(tag);
  const membership = !before || !after || before.kind !== after.kind || before.countries.join() !== after.countries.join();
  if (membership) changed.add(tags.directory);
  if (membership || listingChanged) changed.add(tags.search);
  for (const code of new Set([...(before?.countries ?? []), ...(after?.countries ?? [])])) {
    const was = before?.countries.includes(code) ?? false;
    const is = after?.countries.includes(code) ?? false;
    const moved = was && is && before!.name !== after!.name;
    if (was && (listingChanged || moved || !is)) changed.add(tags.countryPlace(code, id));
    if (was !== is) changed.add(tags.countryList(code));
    if (is && (!was || moved)) {
      const previous = predecessors.get(code);
      if (previous === undefined) throw new Error(`changedTags: the predecessor in ${code} is missing.`);
      changed.add(previous ? tags.countryPlace(code, previous) : tags.countryList(code));
    }
  }
  return [...changed];
}

/**
 * The addresses of the most read pages among those `changed` (changedTags) refreshes: the
 * organisation's own page (at `slug`, when it is published), the home page, and the first page of
 * each country whose first page changed, in English (the x-default of every page). Rendered again
 * at once after a change (lib/cache.ts); the other languages' pages, refreshed by the same tags,
 * render on their next request.
 */
export function mostReadPages(changed: readonly string[], slug: string | null): string[] {
  const pages = slug && changed.some((tag) => tag.startsWith("organisation:")) ? [`/en/organisations/${slug}`] : [];
  if (changed.includes(tags.recent)) pages.push("/en");
  for (const tag of changed) {
    const country = /^country:([A-Z]{2})$/.exec(tag)?.[1];
    if (country) pages.push(`/en/countries/${country.toLowerCase()}`);
  }
  return pages;
}

/** The countries whose predecessor changedTags needs. */
export function arrivals(before: PublicListing | null, after: PublicListing | null): string[] {
  if (!after) return [];
  return after.countries.filter((code) => !before?.countries.includes(code) || before.name !== after.name);
}

/**
 * Every tag of every page that can show an organisation, whatever its neighbours: for refreshing
 * after a write that did not go through a change set (scripts, tests that insert rows).
 */
export function everyPageOf(id: string, slug: string, countries: string[]): string[] {
  return [tags.organisation(id), tags.slug(slug), ...countries.map(tags.countryPages), tags.directory, tags.recent, tags.search, ...sitemapTagsOf(id)];
}
