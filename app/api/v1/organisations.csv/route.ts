import { csvStream } from "@/lib/api/csv";
import { apiError, apiOptions, corsHeaders } from "@/lib/api/http";
import { eachApiOrganisation } from "@/lib/data/public-api";
import { parseApiQuery } from "@/lib/validation/public-api";

/**
 * GET /api/v1/organisations.csv: the whole published directory (or a filtered part) as CSV,
 * streamed a thousand organisations at a time, so a million never sit in memory at once.
 */
export async function GET(request: Request) {
  const query = parseApiQuery(new URL(request.url).searchParams, ["country", "kind", "q"]);
  if ("parameter" in query) return apiError(400, query);
  return new Response(csvStream(eachApiOrganisation(query)), {
    headers: {
      ...corsHeaders,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="prova-directory.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}

export const OPTIONS = apiOptions;
