"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import * as users from "@/lib/data/users";
import { appUrl } from "@/lib/env";
import { queueMail } from "@/lib/jobs";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import {
  changeRoleSchema,
  inviteUserSchema,
  setDisabledSchema,
  userIdSchema,
} from "@/lib/validation/user";

export type PasswordLinkResult = { email: string; link: string; emailed: boolean };

const admins = ["ADMIN"] as const;
const linkFor = (token: string) => `${appUrl()}/set-password/${token}`;

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
  return { ok: true, message: `Account created for ${user.email}.`, data: { email: user.email, link, emailed } };
});

export const changeRole = defineAction({ name: "users.change-role", schema: changeRoleSchema, roles: admins }, async ({ userId, role }, actor) => {
  const user = await users.changeRole(actor, userId, role);
  revalidatePath("/admin/users");
  return { ok: true, message: `${user.name} is now ${role.toLowerCase()}.` };
});

export const setDisabled = defineAction({ name: "users.set-disabled", schema: setDisabledSchema, roles: admins }, async ({ userId, disabled }, actor) => {
  const user = await users.setDisabled(actor, userId, disabled);
  revalidatePath("/admin/users");
  return { ok: true, message: disabled ? `${user.name} is disabled and signed out.` : `${user.name} can sign in again.` };
});

export const resetPassword = defineAction({ name: "users.reset-password", schema: userIdSchema, roles: admins }, async ({ userId }, actor) => {
  const { user, token } = await users.resetPassword(actor, userId);
  const link = linkFor(token);
  const emailed = await emailLink({ to: user.email, name: user.name, link, reason: "reset", language: user.language });
  revalidatePath("/admin/users");
  return { ok: true, message: `The password of ${user.email} is reset.`, data: { email: user.email, link, emailed } };
});

export const signOutUserEverywhere = defineAction({ name: "users.sign-out-everywhere", schema: userIdSchema, roles: admins }, async ({ userId }, actor) => {
  const count = await users.signOutUserEverywhere(actor, userId);
  revalidatePath("/admin/users");
  return { ok: true, message: count === 1 ? "1 session ended." : `${count} sessions ended.` };
});
