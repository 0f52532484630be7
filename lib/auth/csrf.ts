import "server-only";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/env";

/**
 * next-auth's CSRF token, read from its cookie, for the sign-in form posted without JavaScript
 * (the script fetches its own from /api/auth/csrf). The cookie holds "<token>|<hash>"; next-auth
 * checks both when the form comes back. Null when there is no such cookie yet.
 */
export async function signInCsrfToken(): Promise<string | null> {
  const name = `${appUrl().startsWith("https://") ? "__Host-" : ""}next-auth.csrf-token`;
  const token = (await cookies()).get(name)?.value.split("|")[0];
  return token && /^[0-9a-f]{64}$/.test(token) ? token : null;
}
