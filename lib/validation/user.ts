import "./zod-config";
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { normaliseEmail } from "./normalise";
import { passwordSchema } from "./password";

const email = z.string("Enter an e-mail address.").transform((value, ctx) => {
  const result = normaliseEmail(value);
  if (result.ok) return result.value;
  ctx.addIssue({ code: "custom", message: result.message });
  return z.NEVER;
});
const name = z.string("Enter the person's name.").trim().min(1, "Enter the person's name.").max(200, "Keep the name under 200 characters.");
const role = z.enum(Role, { error: "Choose a role: admin, editor or reviewer." });
const userId = z.uuid({ error: "This account does not exist." });

/** An account with a password (npm run user:create). */
export const userSchema = z.object({ email, name, role, password: passwordSchema });

/** A new account made by an admin: the person sets their own password through a one-time link. */
export const inviteUserSchema = z.object({ email, name, role });

export const userIdSchema = z.object({ userId });
export const changeRoleSchema = z.object({ userId, role });
export const setDisabledSchema = z.object({ userId, disabled: z.enum(["true", "false"]).transform((value) => value === "true") });

/** Choosing a password through a set-password link. */
export const setPasswordSchema = z
  .object({
    token: z.string().min(20).max(100),
    password: passwordSchema,
    confirm: z.string("Type the password again."),
  })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "The two passwords are not the same." });
