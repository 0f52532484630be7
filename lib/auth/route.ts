import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { clientAddressOf } from "@/lib/auth/client-address";
import { recordAudit } from "@/lib/data/audit";
import { appUrl } from "@/lib/env";
import { isCrossSite } from "@/lib/security/origin";

/** Records a refused request to a route handler in the audit log. */
export async function auditDenial(request: Request, reason: string): Promise<void> {
  const address = clientAddressOf(request.headers);
  await recordAudit({ action: "access.denied", subject: `route:${new URL(request.url).pathname}`, address, details: { reason } });
}

/** For route handlers that change anything: a 403 for a request from another site, else null. */
export async function refuseCrossSite(request: Request): Promise<Response | null> {
  if (!isCrossSite(request, new URL(appUrl()).origin)) return null;
  await auditDenial(request, "cross-site");
  return Response.json({ error: "Cross-site requests are not accepted." }, { status: 403 });
}

/** Whether the request carries `Authorization: Bearer <token>` (compared as digests: in constant time, whatever its length). */
export function hasBearer(request: Request, token: string): boolean {
  const given = request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  if (!given) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
