import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/validation/ids";
import { cleanQuery } from "@/lib/validation/search";
import { locales } from "@/lib/i18n/locales";

export const apiLimits = { default: 50, max: 100 };
const kinds = Object.values(OrganisationKind).map((kind) => kind.toLowerCase());

export type ApiQuery = { country?: string; kind?: OrganisationKind; q?: string; cursor?: string; limit: number; lang?: string };
export type ApiQueryError = { parameter: string; message: string };

/**
 * The list endpoint's query: every problem names its parameter (an unknown one, a repeated one,
 * an unknown kind, a malformed cursor, a limit out of range), so the caller gets a 400, never a 500.
 */
export function parseApiQuery(params: URLSearchParams, allowed = ["country", "kind", "q", "cursor", "limit", "lang"]): ApiQuery | ApiQueryError {
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) {
      return { parameter: name, message: allowed.length ? `Unknown parameter "${name}". Known: ${allowed.join(", ")}.` : `Unknown parameter "${name}": this endpoint takes none.` };
    }
    if (params.getAll(name).length > 1) return { parameter: name, message: `Give "${name}" once.` };
  }
  const query: ApiQuery = { limit: apiLimits.default };
  const country = params.get("country");
  if (country !== null) {
    if (!/^[a-z]{2}$/i.test(country)) return { parameter: "country", message: "Use a two-letter country code, e.g. be." };
    query.country = country.toLowerCase();
  }
  const kind = params.get("kind");
  if (kind !== null) {
    if (!kinds.includes(kind)) return { parameter: "kind", message: `Unknown kind. Use one of: ${kinds.join(", ")}.` };
    query.kind = kind.toUpperCase() as OrganisationKind;
  }
  const q = params.get("q");
  if (q !== null) {
    // Counted in code points, as the OpenAPI document's maxLength counts (an emoji is one).
    if ([...q].length > 200) return { parameter: "q", message: "Keep the search under 200 characters." };
    if (cleanQuery(q)) query.q = cleanQuery(q);
  }
  const cursor = params.get("cursor");
  if (cursor !== null) {
    if (!isId(cursor)) return { parameter: "cursor", message: "Malformed cursor: pass the `next` value of the previous page." };
    query.cursor = cursor.toLowerCase();
  }
  const lang = params.get("lang");
  if (lang !== null) {
    // The directory's languages only (not the tests' pseudo-language, which pages alone serve).
    if (!(locales as readonly string[]).includes(lang)) return { parameter: "lang", message: `Unknown language. Use one of: ${locales.join(", ")}.` };
    query.lang = lang;
  }
  const limit = params.get("limit");
  if (limit !== null) {
    const value = Number(limit);
    if (!/^\d+$/.test(limit) || value < 1 || value > apiLimits.max) return { parameter: "limit", message: `Use a whole number from 1 to ${apiLimits.max}.` };
    query.limit = value;
  }
  return query;
}
