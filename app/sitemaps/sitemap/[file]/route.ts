import { sitemapXml } from "@/lib/sitemap";

export const revalidate = 3600;

// Every sitemap renders on its first request and is cached from there: a build reads no
// database, so it cannot know how many there are (lib/build-phase.ts).
export async function generateStaticParams() {
  return [];
}

type Context = { params: Promise<{ file: string }> };

/** /sitemaps/sitemap/pages.xml and organisations-<i>-of-<n>.xml (lib/sitemap.ts); /sitemap.xml lists them. */
export async function GET(_request: Request, { params }: Context) {
  const xml = await sitemapXml((await params).file);
  if (xml === null) return new Response("No such sitemap.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
