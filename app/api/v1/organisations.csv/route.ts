import { csvStream } from "@/lib/api/csv";
import { apiError, apiOptions, corsHeaders } from "@/lib/api/http";
import { createHash } from "node:crypto";
import { eachApiOrganisation, exportVersion } from "@/lib/data/public-api";
import { parseApiQuery } from "@/lib/validation/public-api";

/**
 * GET /api/v1/organisations.csv: the whole published directory (or a filtered part) as CSV,
 * streamed a thousand organisations at a time, so a million never sit in memory at once.
 */
export async function GET(request: Request) {
  const query = parseApiQuery(new URL(request.url).searchParams, ["country", "kind", "q"]);
  if ("parameter" in query) return apiError(400, query);
  // A weak ETag from what the export holds (the rows are streamed, so no hash of the body).
  const etag = `W/"${createHash("sha256").update(JSON.stringify([query, await exportVersion(query)])).digest("base64url").slice(0, 27)}"`;
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers: { ...corsHeaders, ETag: etag } });
  return new Response(csvStream(eachApiOrganisation(query)), {
    headers: {
      ...corsHeaders,
      ETag: etag,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="prova-directory.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}

export const OPTIONS = apiOptions;
