import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { auditDenial, refuseCrossSite } from "@/lib/auth/route";
import { revalidatePublic } from "@/lib/cache";
import { serverEnv } from "@/lib/env";

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(100) });

function authorised(request: Request) {
  const secret = serverEnv().NEXTAUTH_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  if (!secret || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/**
 * Refreshes public pages after data changed outside the app (imports, scripts, operators):
 * POST {"tags": ["organisation:<id>", "organisations"]} with `Authorization: Bearer $NEXTAUTH_SECRET`.
 */
export async function POST(request: Request) {
  const crossSite = await refuseCrossSite(request);
  if (crossSite) return crossSite;
  if (!authorised(request)) {
    await auditDenial(request, "bad token");
    return Response.json({ error: "Unauthorised" }, { status: 401 });
  }
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    return Response.json({ error: "Send a JSON body like {\"tags\": [\"organisations\"]}.", issues: z.flattenError(body.error).fieldErrors }, { status: 400 });
  }
  revalidatePublic(body.data.tags);
  return Response.json({ revalidated: body.data.tags });
}
