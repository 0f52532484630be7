import { apiError, apiJson, apiOptions, corsHeaders } from "@/lib/api/http";
import { getApiOrganisation } from "@/lib/data/public-api";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/organisations/{slug}: one published organisation; an old slug redirects (308). */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return apiError(404, { message: "No published organisation has this slug." });
  const found = await getApiOrganisation(slug);
  if (!found) return apiError(404, { message: "No published organisation has this slug." });
  if ("moved" in found) {
    return new Response(null, { status: 308, headers: { ...corsHeaders, Location: `/api/v1/organisations/${found.moved}` } });
  }
  return apiJson(request, { data: found.organisation });
}

export const OPTIONS = apiOptions;
