import { createHmac, timingSafeEqual } from "node:crypto";

/** A form must be on screen this long before it is sent (people read and type; scripts do not). */
export const minimumFillMs = 3000;
const maximumAgeMs = 24 * 60 * 60 * 1000;

const sign = (issuedAt: number, key: Uint8Array) => createHmac("sha256", key).update(`form:${issuedAt}`).digest("base64url");

/** A signed "issued at" stamp, rendered per request into a public form; `key` is the "form-stamp" key (lib/security/keys.ts). */
export function issueFormToken(key: Uint8Array, now = Date.now()): string {
  return `${now}.${sign(now, key)}`;
}

/** Whether a form's stamp is genuine and old enough (and not stale). */
export function checkFormToken(token: unknown, key: Uint8Array, now = Date.now()): "ok" | "too-fast" | "invalid" {
  if (typeof token !== "string" || token.length > 100) return "invalid";
  const [stamp, signature] = token.split(".");
  const issuedAt = Number(stamp);
  if (!Number.isSafeInteger(issuedAt) || !signature) return "invalid";
  const expected = Buffer.from(sign(issuedAt, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const age = now - issuedAt;
  if (age < 0 || age > maximumAgeMs) return "invalid";
  return age < minimumFillMs ? "too-fast" : "ok";
}

const confirmationOf = (token: string, key: Uint8Array) => createHmac("sha256", key).update(`confirm:${token}`).digest("base64url");

/**
 * What a sender answers "yes, send it" with, after their form came back too fast: tied to that
 * form's stamp, so it confirms that one form (the honeypot and the stamp still apply).
 */
export function issueConfirmation(token: string, key: Uint8Array): string {
  return confirmationOf(token, key);
}

/** Whether `confirmation` confirms the form stamped `token`. */
export function checkConfirmation(token: unknown, confirmation: unknown, key: Uint8Array): boolean {
  if (typeof token !== "string" || typeof confirmation !== "string" || confirmation.length > 100) return false;
  const expected = Buffer.from(confirmationOf(token, key));
  const given = Buffer.from(confirmation);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
