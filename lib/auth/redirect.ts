const fallback = "/admin";

/**
 * A path on this site to return to after sign-in; anything else becomes /admin. Decided the way
 * a browser reads it (the WHATWG URL parser, which drops tabs and line breaks and reads `//` and
 * `/\` as another host), and returned as that parser writes it, so what a browser follows is
 * exactly what was checked.
 */
export function safeReturnPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length > 2_000) return fallback;
  const base = new URL("http://prova.invalid/");
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  // Only a path: "/x" and nothing the parser would read as a scheme or another host.
  if (url.origin !== base.origin || !raw.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, "").startsWith("/")) return fallback;
  return url.pathname + url.search + url.hash;
}
