import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/auth/redirect";
import { requestAddress } from "@/lib/auth/request";
import { recordAudit } from "@/lib/data/audit";
import { loadActiveSession, type ActiveSession } from "@/lib/data/sessions";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The signed-in user's session, checked against the database once per request (the admin layout
 * and its page both ask); null when signed out.
 */
export const currentSession = cache(async (): Promise<ActiveSession | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  return session?.sid ? loadActiveSession(session.sid) : null;
});

/** For pages: the session, or a redirect to sign-in that comes back to `returnTo` (by default the page asked for). */
export async function requireUser(returnTo?: string): Promise<ActiveSession> {
  const session = await currentSession();
  if (!session) {
    const back = safeReturnPath(returnTo ?? (await headers()).get("x-request-path") ?? undefined);
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  return session;
}

/** For pages: the session of a user with one of `roles`; others get the 403 page (and an audit event). */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<ActiveSession> {
  const session = await requireUser(returnTo);
  if (!roles.includes(session.user.role)) {
    await recordAudit({ action: "access.denied", actorId: session.user.id, subject: `page:${returnTo}`, address: await requestAddress(), details: { role: session.user.role } });
    forbidden();
  }
  return session;
}
