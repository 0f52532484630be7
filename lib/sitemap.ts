import { isBuildPhase } from "@/lib/build-phase";
import { sitemapCounts } from "@/lib/cache-tags";
import { tagPage, tags } from "@/lib/cache";
import { listCountriesWithOrganisations } from "@/lib/data/countries";
import { countPublished, listSitemapEntries } from "@/lib/data/organisations";
import { appUrl } from "@/lib/env";
import { languageAlternates, locales, localePath } from "@/lib/i18n/locales";

// The protocol allows 50,000 URLs per sitemap. The site's own pages (home, countries) have one;
// organisations are divided among a power of two of others by the last bytes of their id
// (lib/cache-tags.ts), so an organisation stays in the same sitemap as others come and go, and a
// change refreshes its sitemap alone. Each page is listed once per language, each entry naming
// every language's address (hreflang, as on the page): 40,000 URLs on average leaves room for
// uneven buckets. The count is in each sitemap's address: when it changes, the index names new ones.
const averagePerSitemap = Math.floor(40_000 / locales.length);

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const xmlHead = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * How many sitemaps of organisations the directory needs. Counted afresh (not from the data cache,
 * whose tag every arrival refreshes): the index is refreshed by time alone, since any count's
 * sitemaps together list every organisation.
 */
export async function organisationSitemapCount(): Promise<number> {
  // A build prerenders without the database, for no one (lib/build-phase.ts).
  if (isBuildPhase()) return 1;
  const needed = Math.ceil((await countPublished.uncached()) / averagePerSitemap);
  return sitemapCounts.find((count) => count >= needed) ?? sitemapCounts[sitemapCounts.length - 1];
}

/** The address of a sitemap: `pages`, or organisations number `index` of `count`. */
export function sitemapPath(file: "pages" | { index: number; count: number }): string {
  return `/sitemaps/sitemap/${file === "pages" ? "pages" : `organisations-${file.index}-of-${file.count}`}.xml`;
}

/** Reads a sitemap's file name: null when it names none. */
export function parseSitemapFile(file: string): "pages" | { index: number; count: number } | null {
  if (file === "pages.xml") return "pages";
  const match = /^organisations-(0|[1-9]\d{0,2})-of-([1-9]\d{0,2})\.xml$/.exec(file);
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return (sitemapCounts as readonly number[]).includes(count) && index < count ? { index, count } : null;
}

/** /sitemap.xml: the index of the sitemaps. */
export async function sitemapIndexXml(): Promise<string> {
  tagPage();
  const base = appUrl();
  const count = await organisationSitemapCount();
  const paths = [sitemapPath("pages"), ...Array.from({ length: count }, (_, index) => sitemapPath({ index, count }))];
  const entries = paths.map((path) => `  <sitemap><loc>${escapeXml(`${base}${path}`)}</loc></sitemap>`);
  return `${xmlHead}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/** A sitemap (its file name under /sitemaps/sitemap/), or null for a name that is none. */
export async function sitemapXml(file: string): Promise<string | null> {
  if (isBuildPhase()) return null;
  const parsed = parseSitemapFile(file);
  if (!parsed) return null;
  const base = appUrl();
  const pages: { path: string; lastmod?: string; changefreq?: string }[] = [];
  if (parsed === "pages") {
    tagPage(tags.directory);
    pages.push({ path: "/", changefreq: "daily" });
    for (const country of await listCountriesWithOrganisations()) pages.push({ path: `/countries/${country.code.toLowerCase()}`, changefreq: "weekly" });
  } else {
    for (const entry of await listSitemapEntries(parsed.count, parsed.index)) pages.push({ path: `/organisations/${entry.slug}`, lastmod: entry.updatedAt });
  }
  const body = pages
    .flatMap(({ path, lastmod, changefreq }) => {
      const alternates = Object.entries(languageAlternates(path, base))
        .map(([language, href]) => `<xhtml:link rel="alternate" hreflang="${language}" href="${escapeXml(href)}"/>`)
        .join("");
      const rest = `${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}${changefreq ? `<changefreq>${changefreq}</changefreq>` : ""}${alternates}`;
      return locales.map((locale) => `<url><loc>${escapeXml(`${base}${localePath(locale, path)}`)}</loc>${rest}</url>`);
    })
    .join("\n");
  return `${xmlHead}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`;
}
