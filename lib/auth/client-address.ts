/**
 * The client's address from X-Forwarded-For, counting `trustedHops` proxies from the right: each
 * trusted proxy appends the address it received the request from, so the entry just before them
 * is the client. With no trusted proxy the last entry is used (which a client can forge).
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const index = entries.length - 1 - Math.max(0, trustedHops - 1);
  return entries[Math.max(0, index)].slice(0, 100);
}
