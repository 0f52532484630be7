/**
 * Whether a state-changing request comes from another site: an `Origin` (or, failing that,
 * `Sec-Fetch-Site`) that is not this site's. `Origin: null` (sandboxed frames, some redirects) is
 * never trusted. A request with neither header is not from a browser form or script of another
 * site (browsers send `Origin` with every cross-origin POST), so it is let through to its own checks.
 */
export function isCrossSite(request: Request, appOrigin: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return true;
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    try {
      const parsed = new URL(origin);
      return parsed.origin !== appOrigin && parsed.host !== host;
    } catch {
      return true;
    }
  }
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
