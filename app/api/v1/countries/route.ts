import { apiError, apiJson, apiOptions } from "@/lib/api/http";
import { parseApiQuery } from "@/lib/validation/public-api";
import { listCountriesWithOrganisations } from "@/lib/data/countries";
import { compareIn, countryNameIn, type Locale } from "@/lib/i18n/locales";

/**
 * GET /api/v1/countries?lang=: countries with published organisations, with how many. Without `lang`,
 * the directory's own (English) names in its order; with it, the names in that language (English
 * is the directory's), sorted as readers of that language sort them.
 */
export async function GET(request: Request) {
  const query = parseApiQuery(new URL(request.url).searchParams, ["lang"]);
  if ("parameter" in query) return apiError(400, query);
  // parseApiQuery admits the directory's languages only.
  const lang = query.lang as Locale | undefined;
  const countries = (await listCountriesWithOrganisations()).map(({ code, name, organisationCount }) => ({
    code: code.toLowerCase(),
    name: lang ? countryNameIn(lang, code, name) : name,
    organisations: organisationCount,
  }));
  if (lang) countries.sort((a, b) => compareIn(lang)(a.name, b.name));
  return apiJson(request, { data: countries }, { headers: lang ? { "Content-Language": lang } : {} });
}

export const OPTIONS = apiOptions;
