"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/auth/define-action";
import * as users from "@/lib/data/users";
import { appUrl } from "@/lib/env";
import { queueMail } from "@/lib/jobs";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import {
  changeRoleSchema,
  inviteUserSchema,
  setDisabledSchema,
  userIdSchema,
} from "@/lib/validation/user";

export type PasswordLinkResult = { email: string; link: string; emailed: boolean };

const admins = ["ADMIN"] as const;
const linkFor = (token: string) => `${appUrl()}/set-password/${token}`;
/** The outcome's words, in the admin's language. */
const outcomes = (language: Locale) => getTranslations({ locale: language, namespace: "Outcomes" });

/**
 * Queues the link for the worker to e-mail (lib/jobs/mail.ts); the admin is shown it either way.
 * The account is saved: a failure to queue is logged, and the admin passes the link on.
 */
async function emailLink(message: { to: string; name: string; link: string; reason: "invite" | "reset"; language: string }): Promise<boolean> {
  try {
    const language = isLocale(message.language) ? message.language : defaultLocale;
    return await queueMail({ kind: "password-link", ...message, language, validHours: users.passwordLinkHours });
  } catch (error) {
    console.error(`[users] could not queue the password link for ${message.to}; the admin is shown it:`, error);
    return false;
  }
}

export const inviteUser = defineAction({ name: "users.invite", schema: inviteUserSchema, roles: admins }, async (input, actor) => {
  const { user, token } = await users.inviteUser(actor, input);
  const link = linkFor(token);
  const emailed = await emailLink({ to: user.email, name: user.name, link, reason: "invite", language: user.language });
  revalidatePath("/admin/users");
  const t = await outcomes(actor.language);
  return { ok: true, message: t("accountCreated", { email: user.email }), data: { email: user.email, link, emailed } };
});

export const changeRole = defineAction({ name: "users.change-role", schema: changeRoleSchema, roles: admins }, async ({ userId, role }, actor) => {
  const user = await users.changeRole(actor, userId, role);
  revalidatePath("/admin/users");
  const t = await outcomes(actor.language);
  return { ok: true, message: t("roleChanged", { name: user.name, role }) };
});

export const setDisabled = defineAction({ name: "users.set-disabled", schema: setDisabledSchema, roles: admins }, async ({ userId, disabled }, actor) => {
  const user = await users.setDisabled(actor, userId, disabled);
  revalidatePath("/admin/users");
  const t = await outcomes(actor.language);
  return { ok: true, message: t(disabled ? "disabled" : "enabled", { name: user.name }) };
});

export const resetPassword = defineAction({ name: "users.reset-password", schema: userIdSchema, roles: admins }, async ({ userId }, actor) => {
  const { user, token } = await users.resetPassword(actor, userId);
  const link = linkFor(token);
  const emailed = await emailLink({ to: user.email, name: user.name, link, reason: "reset", language: user.language });
  revalidatePath("/admin/users");
  const t = await outcomes(actor.language);
  return { ok: true, message: t("passwordReset", { email: user.email }), data: { email: user.email, link, emailed } };
});

export const signOutUserEverywhere = defineAction({ name: "users.sign-out-everywhere", schema: userIdSchema, roles: admins }, async ({ userId }, actor) => {
  const count = await users.signOutUserEverywhere(actor, userId);
  revalidatePath("/admin/users");
  const t = await outcomes(actor.language);
  return { ok: true, message: t("sessionsEnded", { count }) };
});
