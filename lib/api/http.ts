import { createHash } from "node:crypto";

/** Open to every origin: the API is read-only and public. */
export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag",
};

const cacheControl = "public, max-age=60, stale-while-revalidate=300";

/** A JSON answer with an ETag: a request that already has this version gets a 304 and no body. */
export function apiJson(request: Request, body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = { ...corsHeaders, "Cache-Control": cacheControl, ETag: etag, "Content-Type": "application/json; charset=utf-8", ...init.headers };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: init.status ?? 200, headers });
}

/** A 400 that names the parameter at fault. */
export function apiError(status: number, error: { parameter?: string; message: string }): Response {
  return Response.json({ error }, { status, headers: { ...corsHeaders, "Cache-Control": "no-store" } });
}

/** The answer to a CORS preflight. */
export function apiOptions(): Response {
  return new Response(null, { status: 204, headers: { ...corsHeaders, "Access-Control-Max-Age": "86400" } });
}
