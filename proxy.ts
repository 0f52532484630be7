import { NextResponse, type NextRequest } from "next/server";
import { dynamicPagePattern, dynamicPagePolicy } from "@/lib/security/headers";
import { databaseUp, unavailableResponse } from "@/lib/health";
import { isCrossSite } from "@/lib/security/origin";

const dynamicPage = new RegExp(`^/(?:${dynamicPagePattern})`);
const appOrigin = () => (process.env.APP_URL ? new URL(process.env.APP_URL).origin : "");

/**
 * Runs before dynamic pages and server actions, never as an auth check (every page and action
 * checks the session itself):
 * - refuses a server action posted from another site (including `Origin: null`) with a 403,
 *   before Next's own check, which answers such a request with a 500;
 * - answers 503 "temporarily unavailable" while the database does not (lib/health.ts), since a
 *   page that has started streaming can no longer change its status; cached public pages never
 *   come here and keep being served;
 * - gives each dynamic page a fresh nonce and its Content-Security-Policy (Next reads the nonce
 *   from the request's policy and puts it on its scripts).
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && isCrossSite(request, appOrigin())) {
    console.warn(`[proxy] refused a cross-site server action on ${request.nextUrl.pathname} (Origin: ${request.headers.get("origin")})`);
    return new NextResponse("Cross-site requests are not accepted.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { pathname } = request.nextUrl;
  if (pathname !== "/api/v1/openapi.json" && !databaseUp()) {
    if (pathname.startsWith("/api/")) return unavailableResponse(true);
    const response = unavailableResponse(false);
    response.headers.set("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
    return response;
  }
  if (!dynamicPage.test(pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = dynamicPagePolicy(nonce, appOrigin().startsWith("https:"));
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // Lets a sign-in redirect from the admin layout come back to the page asked for (always overwritten here).
  headers.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// The dynamic pages of lib/security/headers.js's dynamicPagePattern (a matcher must be a
// literal), the API, and every server action call wherever it is posted.
export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/login",
    "/search",
    "/set-password/:path*",
    "/suggest",
    "/organisations/:slug/suggest",
    "/api/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
