import { NextResponse, type NextRequest } from "next/server";
import { dynamicPagePattern, dynamicPagePolicy } from "@/lib/security/headers";
import { databaseUp, unavailableResponse } from "@/lib/health";
import { isCrossSite } from "@/lib/security/origin";
import { plainAnswer } from "@/lib/security/plain-page.js";
import { negotiateLocale } from "@/lib/i18n/locales";

const dynamicPage = new RegExp(`^/(?:${dynamicPagePattern})`);
const appOrigin = () => new URL(process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).origin;

/**
 * Runs before dynamic pages, the API and every request a browser sends with an `Origin` (posts
 * from anywhere), never as an auth check (every page and action checks the session itself):
 * - refuses a post from another site (including `Origin: null`) with a 403: a server action
 *   (before Next's own check, which answers such a request with a 500) or a plain form posted
 *   with JavaScript off to any page;
 * - answers 503 "temporarily unavailable" while the database does not (lib/health.ts), since a
 *   page that has started streaming can no longer change its status; cached public pages never
 *   come here and keep being served;
 * - gives each dynamic page a fresh nonce and its Content-Security-Policy (Next reads the nonce
 *   from the request's policy and puts it on its scripts);
 * - sends the bare `/` to the home page in the reader's language (Accept-Language), the one
 *   answer that varies on it: every public page has its language in its address.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/") return languageRedirect(request);
  const api = pathname.startsWith("/api/");
  if (request.method !== "GET" && request.method !== "HEAD" && isCrossSite(request, appOrigin()) && (!api || request.headers.has("next-action"))) {
    console.warn(`[proxy] refused a cross-site ${request.method} to ${pathname} (Origin: ${request.headers.get("origin")})`);
    return plainAnswer(pathname, { status: 403, title: "Not accepted", message: "This form was sent from another site, so it was not accepted. Nothing was changed." });
  }
  if (pathname !== "/api/v1/openapi.json" && (api || dynamicPage.test(pathname)) && !databaseUp()) return unavailableResponse(pathname);
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

/** 307 to `/<language>` (with the query), for this reader only: private, varying on Accept-Language. */
function languageRedirect(request: NextRequest) {
  const locale = negotiateLocale(request.headers.get("accept-language"));
  return new NextResponse(null, {
    status: 307,
    headers: { location: `${appOrigin()}/${locale}${request.nextUrl.search}`, vary: "Accept-Language", "cache-control": "private, no-cache" },
  });
}

// The bare `/`, the dynamic pages of lib/security/headers.js's dynamicPagePattern (a matcher must be a
// literal), the API, every server action call and every request with an Origin (a browser sends
// one with every post, never with a plain GET of a page, so cached pages do not come here).
// Not the import upload (/api/imports): Next hands a proxied request's body on only up to 10 MB;
// the route makes the cross-site and database checks itself.
export const config = {
  matcher: [
    "/",
    "/admin",
    "/admin/:path*",
    "/login",
    "/set-password/:path*",
    "/:locale/search",
    "/:locale/confirm/:path*",
    "/:locale/suggest",
    "/:locale/organisations/:slug/suggest",
    "/api/((?!imports$).*)",
    { source: "/((?!api/imports$).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/imports$).*)", has: [{ type: "header", key: "origin" }] },
  ],
};
