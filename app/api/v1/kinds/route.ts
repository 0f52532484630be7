import { apiError, apiJson, apiOptions } from "@/lib/api/http";
import { parseApiQuery } from "@/lib/validation/public-api";
import { countPublishedByKind } from "@/lib/data/organisations";
import { organisationKindLabels } from "@/lib/validation/labels";

/** GET /api/v1/kinds: every kind of organisation, with its label and how many are published. */
export async function GET(request: Request) {
  const query = parseApiQuery(new URL(request.url).searchParams, []);
  if ("parameter" in query) return apiError(400, query);
  const counts = new Map((await countPublishedByKind()).map(({ kind, count }) => [kind, count]));
  return apiJson(request, {
    data: Object.entries(organisationKindLabels).map(([kind, label]) => ({ kind: kind.toLowerCase(), label, organisations: counts.get(kind as keyof typeof organisationKindLabels) ?? 0 })),
  });
}

export const OPTIONS = apiOptions;
