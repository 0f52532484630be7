import "server-only";
import { db } from "@/lib/db";

export type ThrottleSettings = { maxFailures: number; windowMinutes: number };

/**
 * Whether another sign-in may be tried for this account and from this address: fewer than
 * `maxFailures` failures for each within the window. Counted in PostgreSQL, so the limit holds
 * across instances. A success does not erase failures: the window has to pass.
 */
export async function mayAttemptSignIn(email: string, address: string, settings: ThrottleSettings, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - settings.windowMinutes * 60 * 1000);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email: email.trim().toLowerCase(), succeeded: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { address, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return byAccount < settings.maxFailures && byAddress < settings.maxFailures;
}

export async function recordSignInAttempt(email: string, address: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email: email.trim().toLowerCase().slice(0, 320), address, succeeded } });
}
