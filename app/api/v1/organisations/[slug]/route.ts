import { apiError, apiJson, apiOptions, corsHeaders } from "@/lib/api/http";
import { getApiOrganisation } from "@/lib/data/public-api";
import { parseApiQuery } from "@/lib/validation/public-api";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/organisations/{slug}?lang=: one published organisation; an old slug redirects (308). */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const url = new URL(request.url);
  const query = parseApiQuery(url.searchParams, ["lang"]);
  if ("parameter" in query) return apiError(400, query);
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return apiError(404, { message: "No published organisation has this slug." });
  const found = await getApiOrganisation(slug, { lang: query.lang });
  if (!found) return apiError(404, { message: "No published organisation has this slug." });
  if ("moved" in found) {
    return new Response(null, { status: 308, headers: { ...corsHeaders, Location: `/api/v1/organisations/${found.moved}${url.search}` } });
  }
  return apiJson(request, { data: found.organisation }, { headers: query.lang ? { "Content-Language": query.lang } : {} });
}

export const OPTIONS = apiOptions;
