/**
 * Whether a state-changing request comes from another site: an `Origin` (or, failing that,
 * `Sec-Fetch-Site`) that is not this site's, the scheme, host and port of APP_URL. No header a
 * client can set (Host, X-Forwarded-Host or -Proto) takes part. `Origin: null` (sandboxed frames,
 * some redirects) is never trusted. A request with neither header is not from a browser form or
 * script of another site (browsers send `Origin` with every cross-origin POST), so it is let
 * through to its own checks.
 */
export function isCrossSite(request: Request, appOrigin: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    try {
      return new URL(origin).origin !== new URL(appOrigin).origin;
    } catch {
      return true;
    }
  }
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
