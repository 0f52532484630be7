"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { updateNotificationSettings } from "@/lib/data/users";
import { notificationSettingsSchema } from "@/lib/validation/account";

/** Everyone on the staff sets the mail they want, on their own account. */
export const saveNotificationSettings = defineAction(
  { name: "account.notifications", schema: notificationSettingsSchema, roles: ["ADMIN", "EDITOR", "REVIEWER"] },
  async (settings, actor) => {
    await updateNotificationSettings(actor, settings);
    revalidatePath("/admin/account");
    return { ok: true, message: "Your mail settings are saved." };
  },
);
