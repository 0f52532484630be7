import { apiError, apiJson, apiOptions } from "@/lib/api/http";
import { parseApiQuery } from "@/lib/validation/public-api";
import { listCountriesWithOrganisations } from "@/lib/data/countries";

/** GET /api/v1/countries: countries with published organisations, with how many. */
export async function GET(request: Request) {
  const query = parseApiQuery(new URL(request.url).searchParams, []);
  if ("parameter" in query) return apiError(400, query);
  const countries = await listCountriesWithOrganisations();
  return apiJson(request, { data: countries.map(({ code, name, organisationCount }) => ({ code: code.toLowerCase(), name, organisations: organisationCount })) });
}

export const OPTIONS = apiOptions;
