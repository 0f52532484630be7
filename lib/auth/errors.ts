// The errors signIn() reports (throttled, a disabled account): made by the server check, said by the sign-in page.
// next-auth 4 passes an error thrown in authorize() on as its message (signIn()'s `error`, or the
// `error` query parameter without JavaScript), so the wait travels in it: "throttled:14".
// The wait depends only on the e-mail address typed and the client address, never on whether
// an account exists.

import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

const prefix = "throttled:";

/** The error for a sign-in refused until `retryAt`: the whole minutes to wait, at least 1. */
export function throttledError(retryAt: Date, now = new Date()): string {
  return `${prefix}${Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000))}`;
}

/** The minutes to wait that a sign-in error names, or null when it is not a throttling error. */
export function throttledMinutes(error: string | null | undefined): number | null {
  if (!error?.startsWith(prefix)) return null;
  const minutes = Number(error.slice(prefix.length));
  // At most a day (lib/data/login-attempts.ts): anything else did not come from the server.
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
}

/**
 * The error for the right password of a disabled account. Only that: a wrong password for a
 * disabled account is "CredentialsSignin", as for an unknown e-mail.
 */
export const disabledError = "disabled";

/**
 * What the sign-in form says for a sign-in error, in the page's language (messages/*.json "Auth").
 * The form itself has no message formatter: the page says it for an error in its address, and the
 * server action signInErrorText (lib/actions/sign-in.ts) for one signIn() reports.
 */
export async function signInErrorMessage(error: string, locale: Locale): Promise<string> {
  const t = await translator(locale, "Auth");
  if (error === "CredentialsSignin") return t("wrongCredentials");
  if (error === disabledError) return t("accountDisabled");
  const minutes = throttledMinutes(error);
  // Anything else is the server's trouble (or a made-up link), not the visitor's.
  if (minutes === null) return t("signInFailed");
  return minutes <= 90 ? t("throttledMinutes", { minutes }) : t("throttledHours", { hours: Math.ceil(minutes / 60) });
}
