"use server";

import { signInErrorMessage } from "@/lib/auth/errors";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";

/**
 * What the sign-in form says for the error signIn() reported ("CredentialsSignin",
 * "throttled:14"), in the sign-in page's language: the form has no message formatter (its plural
 * forms), so the server says it. Anyone may call it: it reads nothing but its arguments.
 */
export async function signInErrorText(error: unknown, language: unknown): Promise<string> {
  return signInErrorMessage(typeof error === "string" ? error.slice(0, 100) : "", isLocale(language) ? language : defaultLocale);
}
