import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { clientAddressOf } from "@/lib/auth/client-address";
import { currentSession } from "@/lib/auth/session";
import type { ActiveSession } from "@/lib/data/sessions";
import type { Role } from "@/lib/generated/prisma/enums";
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

/**
 * For route handlers staff use from their browser: the signed-in user of one of `roles`, or the
 * answer to give instead (401 signed out, 403 for another role), audited as the pages are.
 */
export async function staffSession(request: Request, roles: readonly Role[]): Promise<ActiveSession | Response> {
  const session = await currentSession();
  if (!session) {
    await auditDenial(request, "signed out");
    return Response.json({ error: "Sign in first." }, { status: 401 });
  }
  if (!roles.includes(session.user.role)) {
    await auditDenial(request, `role ${session.user.role.toLowerCase()}`);
    return Response.json({ error: "Your role does not allow this." }, { status: 403 });
  }
  return session;
}
