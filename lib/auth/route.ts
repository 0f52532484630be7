import "server-only";
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
