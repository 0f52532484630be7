"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import * as users from "@/lib/data/users";
import { appUrl } from "@/lib/env";
import { sendPasswordLink } from "@/lib/mail";
import {
  changeRoleSchema,
  inviteUserSchema,
  setDisabledSchema,
  userIdSchema,
} from "@/lib/validation/user";

export type PasswordLinkResult = { email: string; link: string; emailed: boolean };

const admins = ["ADMIN"] as const;
const linkFor = (token: string) => `${appUrl()}/set-password/${token}`;

export const inviteUser = defineAction({ name: "users.invite", schema: inviteUserSchema, roles: admins }, async (input, actor) => {
  const { user, token } = await users.inviteUser(actor, input);
  const link = linkFor(token);
  const emailed = await sendPasswordLink({ to: user.email, name: user.name, link, validHours: users.passwordLinkHours, reason: "invite" });
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
  const emailed = await sendPasswordLink({ to: user.email, name: user.name, link, validHours: users.passwordLinkHours, reason: "reset" });
  revalidatePath("/admin/users");
  return { ok: true, message: `The password of ${user.email} is reset.`, data: { email: user.email, link, emailed } };
});

export const signOutUserEverywhere = defineAction({ name: "users.sign-out-everywhere", schema: userIdSchema, roles: admins }, async ({ userId }, actor) => {
  const count = await users.signOutUserEverywhere(actor, userId);
  revalidatePath("/admin/users");
  return { ok: true, message: count === 1 ? "1 session ended." : `${count} sessions ended.` };
});
