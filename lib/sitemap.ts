import { isBuildPhase } from "@/lib/build-phase";
import { listCountriesWithOrganisations } from "@/lib/data/countries";
import { countPublished, listSitemapEntries } from "@/lib/data/organisations";
import { appUrl } from "@/lib/env";

// The protocol allows 50,000 URLs per sitemap: sitemap 0 has the home and country pages and the
// first organisations (up to 100 slots are kept for those pages); each further one 50,000.
const perSitemap = 50_000;
const keptForPages = 100;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const xmlHead = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** How many sitemaps the directory needs. */
export async function sitemapCount(): Promise<number> {
  // A build prerenders without the database, for no one (lib/build-phase.ts).
  if (isBuildPhase()) return 1;
  return Math.max(1, Math.ceil(((await countPublished()) + keptForPages) / perSitemap));
}

/** /sitemap.xml: the index of the sitemaps. */
export async function sitemapIndexXml(): Promise<string> {
  const base = appUrl();
  const entries = Array.from({ length: await sitemapCount() }, (_, id) => `  <sitemap><loc>${escapeXml(`${base}/sitemaps/sitemap/${id}.xml`)}</loc></sitemap>`);
  return `${xmlHead}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/** /sitemaps/sitemap/<index>.xml, or null for an index past the last sitemap. */
export async function sitemapXml(index: number): Promise<string | null> {
  if (isBuildPhase()) return null;
  if (index >= (await sitemapCount())) return null;
  const base = appUrl();
  const urls: { loc: string; lastmod?: string; changefreq?: string }[] = [];
  if (index === 0) {
    urls.push({ loc: `${base}/`, changefreq: "daily" });
    for (const country of await listCountriesWithOrganisations()) urls.push({ loc: `${base}/countries/${country.code.toLowerCase()}`, changefreq: "weekly" });
  }
  const offset = index === 0 ? 0 : index * perSitemap - keptForPages;
  for (const entry of await listSitemapEntries(offset, index === 0 ? perSitemap - keptForPages : perSitemap)) {
    urls.push({ loc: `${base}/organisations/${entry.slug}`, lastmod: entry.updatedAt });
  }
  const body = urls
    .map(({ loc, lastmod, changefreq }) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}${changefreq ? `<changefreq>${changefreq}</changefreq>` : ""}</url>`)
    .join("\n");
  return `${xmlHead}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}
