// One key per purpose, derived from NEXTAUTH_SECRET with HKDF (RFC 5869), so that what one
// purpose hands out (a form stamp, the revalidation token) says nothing about the others or
// about the secret. Sessions keep NEXTAUTH_SECRET itself: next-auth derives its own key from it
// ("NextAuth.js Generated Encryption Key").
import { hkdfSync } from "node:crypto";
// Relative, not "@/": the end-to-end specs import this file too.
import { serverEnv } from "../env";

export type KeyPurpose = "form-stamp" | "revalidate" | "job-data" | "confirmation" | "bounces";

/** The key for `purpose`, derived from `secret` (32 bytes). */
export function deriveKey(secret: string, purpose: KeyPurpose): Buffer {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: there is no key to derive.");
  return Buffer.from(hkdfSync("sha256", secret, "", `prova/${purpose}`, 32));
}

const appSecret = () => serverEnv().NEXTAUTH_SECRET ?? "";

/** The key for `purpose` from the running app's NEXTAUTH_SECRET. */
export function appKey(purpose: KeyPurpose): Buffer {
  return deriveKey(appSecret(), purpose);
}

/** The bearer token of POST /api/revalidate (printed by `npm run revalidate:token`). */
export function revalidateToken(secret = appSecret()): string {
  return deriveKey(secret, "revalidate").toString("base64url");
}

/** The bearer token of POST /api/bounces (printed by `npm run bounces:token`). */
export function bouncesToken(secret = appSecret()): string {
  return deriveKey(secret, "bounces").toString("base64url");
}
