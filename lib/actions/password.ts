"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/auth/define-action";
import { setPasswordWithToken } from "@/lib/data/users";
import { setPasswordSchema } from "@/lib/validation/user";

/** Chooses a password through a one-time link (no session: the link is the proof). */
export const setPassword = defineAction(
  { name: "password.set", schema: setPasswordSchema, roles: "anyone", secret: ["password", "confirm", "token"] },
  async ({ token, password }, { address }) => {
    const { email } = await setPasswordWithToken(token, password, address);
    redirect(`/login?passwordSet=1&email=${encodeURIComponent(email)}`);
  },
);
