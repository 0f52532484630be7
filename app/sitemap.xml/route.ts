import { sitemapCount } from "@/app/sitemaps/sitemap";
import { appUrl } from "@/lib/env";

export const revalidate = 3600;

/** The sitemap index: one entry per sitemap of at most 50,000 URLs. */
export async function GET() {
  const base = appUrl();
  const count = await sitemapCount();
  const entries = Array.from({ length: count }, (_, id) => `  <sitemap><loc>${base}/sitemaps/sitemap/${id}.xml</loc></sitemap>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
