"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/auth/define-action";
import { updateLanguage, updateNotificationSettings } from "@/lib/data/users";
import { languageNameIn } from "@/lib/i18n/locales";
import { languageSettingSchema, notificationSettingsSchema } from "@/lib/validation/account";

const staff = ["ADMIN", "EDITOR", "REVIEWER"] as const;

/** Everyone on the staff sets the mail they want, on their own account. */
export const saveNotificationSettings = defineAction({ name: "account.notifications", schema: notificationSettingsSchema, roles: staff }, async (settings, actor) => {
  await updateNotificationSettings(actor, settings);
  revalidatePath("/admin/account");
  const t = await getTranslations({ locale: actor.language, namespace: "Account" });
  return { ok: true, message: t("mailSaved") };
});

/** Everyone on the staff chooses the language of the admin and of their e-mail; the whole admin is rendered again in it. */
export const saveLanguage = defineAction({ name: "account.language", schema: languageSettingSchema, roles: staff }, async ({ language }, actor) => {
  await updateLanguage(actor, language);
  revalidatePath("/admin", "layout");
  const t = await getTranslations({ locale: language, namespace: "Account" });
  return { ok: true, message: t("languageSaved", { language: languageNameIn(language, language) }) };
});
