import "server-only";
import { tags } from "@/lib/cache-tags";
import { appUrl } from "@/lib/env";
import { revalidateToken } from "@/lib/security/keys";

/** Tags the revalidation endpoint takes at once; more than that refreshes every public page. */
const mostTags = 100;

/**
 * Refreshes public pages from the worker, which runs outside Next: through the app's own
 * revalidation endpoint (POST /api/revalidate), as scripts do.
 */
export async function refreshPublicPages(changed: string[]): Promise<void> {
  if (changed.length === 0) return;
  const response = await fetch(`${appUrl()}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidateToken()}`, "content-type": "application/json" },
    body: JSON.stringify({ tags: changed.length > mostTags ? [tags.public] : changed }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Refreshing pages failed: ${response.status}`);
}
