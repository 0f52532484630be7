import { sitemapIndexXml } from "@/lib/sitemap";

export const revalidate = 3600;

/** The sitemap index: one entry per sitemap of at most 50,000 URLs. */
export async function GET() {
  return new Response(await sitemapIndexXml(), { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
