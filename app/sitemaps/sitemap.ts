import type { MetadataRoute } from "next";
import { listCountriesWithOrganisations } from "@/lib/data/countries";
import { countPublished, listSitemapEntries } from "@/lib/data/organisations";
import { appUrl } from "@/lib/env";

export const revalidate = 3600;

// The protocol allows 50,000 URLs per sitemap: sitemap 0 has the home and country pages and the
// first organisations (up to 100 slots are kept for those pages); each further one 50,000.
const perSitemap = 50_000;

/** How many sitemaps the directory needs; /sitemap.xml is their index. */
export async function sitemapCount() {
  return Math.max(1, Math.ceil(((await countPublished()) + 100) / perSitemap));
}

// Served at /sitemaps/sitemap/<id>.xml.
export async function generateSitemaps() {
  return Array.from({ length: await sitemapCount() }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const index = Number(await id);
  const base = appUrl();
  const head: MetadataRoute.Sitemap = [];
  if (index === 0) {
    head.push({ url: `${base}/`, changeFrequency: "daily" });
    for (const country of await listCountriesWithOrganisations()) {
      head.push({ url: `${base}/countries/${country.code.toLowerCase()}`, changeFrequency: "weekly" });
    }
  }
  const offset = index === 0 ? 0 : index * perSitemap - 100;
  const entries = await listSitemapEntries(offset, index === 0 ? perSitemap - 100 : perSitemap);
  return [
    ...head,
    ...entries.map((entry) => ({ url: `${base}/organisations/${entry.slug}`, lastModified: entry.updatedAt })),
  ];
}
