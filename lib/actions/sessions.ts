"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { recordAudit } from "@/lib/data/audit";
import { revokeAllSessions } from "@/lib/data/sessions";

/** Ends every session of the signed-in user, on every device, this one included. */
export const signOutEverywhere = defineAction(
  { name: "sign-out.everywhere", schema: z.object({}), roles: ["ADMIN", "EDITOR", "REVIEWER"] },
  async (_input, actor) => {
    const count = await revokeAllSessions(actor.id);
    await recordAudit({ action: "sign-out.everywhere", actorId: actor.id, subject: actor.email, address: actor.address, details: { sessions: count } });
    redirect("/login");
  },
);
