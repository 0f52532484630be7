import { apiError, apiJson, apiOptions } from "@/lib/api/http";
import { listApiOrganisations } from "@/lib/data/public-api";
import { parseApiQuery } from "@/lib/validation/public-api";

/** GET /api/v1/organisations?country=&kind=&q=&cursor=&limit=&lang= (docs/api.md). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const query = parseApiQuery(url.searchParams);
  if ("parameter" in query) return apiError(400, query);
  const { items, next } = await listApiOrganisations(query, { after: query.cursor, limit: query.limit, lang: query.lang });
  const nextUrl = next ? `${url.pathname}?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), cursor: next })}` : null;
  return apiJson(request, { data: items, next, nextUrl }, { headers: query.lang ? { "Content-Language": query.lang } : {} });
}

export const OPTIONS = apiOptions;
