"use server";

import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { recordAudit } from "@/lib/data/audit";
import { revokeAllSessions } from "@/lib/data/sessions";

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const session = await currentSession();
  if (!session) redirect("/login");
  const count = await revokeAllSessions(session.user.id);
  await recordAudit({ action: "sign-out.everywhere", actorId: session.user.id, subject: session.user.email, details: { sessions: count } });
  redirect("/login");
}
