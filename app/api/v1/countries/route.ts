import { apiError, apiJson, apiOptions } from "@/lib/api/http";
import { listCountriesWithOrganisations } from "@/lib/data/countries";

/** GET /api/v1/countries: countries with published organisations, with how many. */
export async function GET(request: Request) {
  const extra = [...new URL(request.url).searchParams.keys()][0];
  if (extra) return apiError(400, { parameter: extra, message: `Unknown parameter "${extra}".` });
  const countries = await listCountriesWithOrganisations();
  return apiJson(request, { data: countries.map(({ code, name, organisationCount }) => ({ code: code.toLowerCase(), name, organisations: organisationCount })) });
}

export const OPTIONS = apiOptions;
