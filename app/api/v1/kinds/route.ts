import { getTranslations } from "next-intl/server";
import { apiError, apiJson, apiOptions } from "@/lib/api/http";
import { parseApiQuery } from "@/lib/validation/public-api";
import { countPublishedByKind } from "@/lib/data/organisations";
import type { Locale } from "@/lib/i18n/locales";
import { organisationKindLabels } from "@/lib/validation/labels";

/** GET /api/v1/kinds?lang=: every kind of organisation, with its label (in `lang`, else English) and how many are published. */
export async function GET(request: Request) {
  const query = parseApiQuery(new URL(request.url).searchParams, ["lang"]);
  if ("parameter" in query) return apiError(400, query);
  // parseApiQuery admits the directory's languages only.
  const lang = query.lang as Locale | undefined;
  const [published, translated] = await Promise.all([countPublishedByKind(), lang ? getTranslations({ locale: lang, namespace: "Kinds" }) : null]);
  const counts = new Map(published.map(({ kind, count }) => [kind, count]));
  const kinds = Object.entries(organisationKindLabels) as [keyof typeof organisationKindLabels, string][];
  return apiJson(
    request,
    { data: kinds.map(([kind, label]) => ({ kind: kind.toLowerCase(), label: translated ? translated(kind) : label, organisations: counts.get(kind) ?? 0 })) },
    { headers: lang ? { "Content-Language": lang } : {} },
  );
}

export const OPTIONS = apiOptions;
