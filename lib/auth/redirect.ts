/** A same-site path to return to after sign-in; anything else (other hosts, `//x`, `javascript:`) becomes /admin. */
export function safeReturnPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/admin";
  return path;
}
