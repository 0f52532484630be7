import { z } from "zod";
import { auditDenial, hasBearer, refuseCrossSite } from "@/lib/auth/route";
import { revalidatePublic } from "@/lib/cache";
import { isPublicPath, mostPaths } from "@/lib/render-again.js";
import { revalidateToken } from "@/lib/security/keys";

const bodySchema = z.object({
  tags: z.array(z.string().min(1).max(256)).min(1).max(100),
  // The most read of the pages these tags refresh, rendered again at once (lib/render-again.js).
  pages: z.array(z.string().refine(isPublicPath, "must be the path of a public page, e.g. /organisations/allo-tolerance")).max(mostPaths).default([]),
});

/**
 * Refreshes public pages after data changed outside the app (imports, scripts, operators):
 * POST {"tags": ["organisation:<id>", "public"]} (lib/cache-tags.ts names them), and optionally
 * "pages": ["/organisations/<slug>"] to render again at once, with `Authorization: Bearer <token>`, the
 * token derived from NEXTAUTH_SECRET that `npm run revalidate:token` prints (never the secret itself).
 */
export async function POST(request: Request) {
  const crossSite = await refuseCrossSite(request);
  if (crossSite) return crossSite;
  if (!hasBearer(request, revalidateToken())) {
    await auditDenial(request, "bad token");
    return Response.json({ error: "Unauthorised" }, { status: 401 });
  }
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    return Response.json({ error: "Send a JSON body like {\"tags\": [\"organisations\"]}.", issues: z.flattenError(body.error).fieldErrors }, { status: 400 });
  }
  revalidatePublic(body.data.tags, body.data.pages);
  return Response.json({ revalidated: body.data.tags });
}
