import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ThrottleSettings = { maxFailures: number; windowMinutes: number };

/** Failures older than this are forgotten, so the delay never locks anyone out for good. */
const lookbackMs = 24 * 60 * 60 * 1000;

/**
 * When another sign-in may be tried after `failures` failures, the last at `last`: at once below
 * the limit; then `windowMinutes` after the last failure, doubling with each further failure
 * (15, 30, 60 minutes…), at most a day.
 */
export function retryAt(failures: number, last: Date | null, settings: ThrottleSettings): Date | null {
  if (failures < settings.maxFailures || !last) return null;
  const delay = Math.min(settings.windowMinutes * 60 * 1000 * 2 ** (failures - settings.maxFailures), lookbackMs);
  return new Date(last.getTime() + delay);
}

/**
 * Whether another sign-in may be tried for this account and from this address (see retryAt).
 * Counted in PostgreSQL, so the limit holds across instances. A success does not erase failures,
 * and refused attempts are not counted: waiting is always enough.
 */
export async function mayAttemptSignIn(email: string, address: string, settings: ThrottleSettings, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - lookbackMs);
  const failures = (where: Prisma.LoginAttemptWhereInput) =>
    db.loginAttempt.aggregate({ where: { ...where, succeeded: false, createdAt: { gte: since, lte: now } }, _count: true, _max: { createdAt: true } });
  const results = await Promise.all([failures({ email: email.trim().toLowerCase() }), failures({ address })]);
  return results.every((result) => {
    const until = retryAt(result._count, result._max.createdAt, settings);
    return !until || until <= now;
  });
}

export async function recordSignInAttempt(email: string, address: string, succeeded: boolean, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { email: email.trim().toLowerCase().slice(0, 320), address, succeeded, createdAt: now } });
}
