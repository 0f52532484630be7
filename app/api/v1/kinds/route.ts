import { apiError, apiJson, apiOptions } from "@/lib/api/http";
import { countPublishedByKind } from "@/lib/data/organisations";
import { organisationKindLabels } from "@/lib/validation/organisation";

/** GET /api/v1/kinds: every kind of organisation, with its label and how many are published. */
export async function GET(request: Request) {
  const extra = [...new URL(request.url).searchParams.keys()][0];
  if (extra) return apiError(400, { parameter: extra, message: `Unknown parameter "${extra}".` });
  const counts = new Map((await countPublishedByKind()).map(({ kind, count }) => [kind, count]));
  return apiJson(request, {
    data: Object.entries(organisationKindLabels).map(([kind, label]) => ({ kind: kind.toLowerCase(), label, organisations: counts.get(kind as keyof typeof organisationKindLabels) ?? 0 })),
  });
}

export const OPTIONS = apiOptions;
