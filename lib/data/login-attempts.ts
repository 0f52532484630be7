import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ThrottleSettings = { maxFailures: number; windowMinutes: number };
type Client = Pick<Prisma.TransactionClient, "loginAttempt">;

/** Failures older than this are forgotten, so the delay never locks anyone out for good. */
const lookbackMs = 24 * 60 * 60 * 1000;
const minutes = (n: number) => n * 60 * 1000;

/**
 * When another sign-in may be tried after `failures` failures, the last at `last`: at once below
 * the limit; then `windowMinutes` after the last failure, doubling with each further failure
 * (15, 30, 60 minutes…), at most a day.
 */
export function retryAt(failures: number, last: Date | null, settings: ThrottleSettings): Date | null {
  if (failures < settings.maxFailures || !last) return null;
  const delay = Math.min(minutes(settings.windowMinutes) * 2 ** (failures - settings.maxFailures), lookbackMs);
  return new Date(last.getTime() + delay);
}

/**
 * Whether another sign-in may be tried, counted in PostgreSQL so limits hold across instances:
 * - for the account, at most `maxFailures` failures within the window (a flat limit: someone who
 *   knows an e-mail address can slow its owner down, not shut them out for a day);
 * - from the address, and for the account from that address, a growing delay (see retryAt).
 * A success does not erase failures.
 */
export async function mayAttemptSignIn(email: string, address: string, settings: ThrottleSettings, now = new Date(), client: Client = db): Promise<boolean> {
  const account = email.trim().toLowerCase();
  const failures = (where: Prisma.LoginAttemptWhereInput, since: Date) =>
    client.loginAttempt.aggregate({
      where: { ...where, succeeded: false, createdAt: { gte: since, lte: now } },
      _count: true,
      _max: { createdAt: true },
    });
  const lookback = new Date(now.getTime() - lookbackMs);
  const [byAccount, byAddress, byPair] = await Promise.all([
    failures({ email: account }, new Date(now.getTime() - minutes(settings.windowMinutes))),
    failures({ address }, lookback),
    failures({ email: account, address }, lookback),
  ]);
  if (byAccount._count >= settings.maxFailures) return false;
  return [byAddress, byPair].every((result) => {
    const until = retryAt(result._count, result._max.createdAt, settings);
    return !until || until <= now;
  });
}

/**
 * Starts a sign-in attempt: checks the limits and records the attempt (as a failure until
 * finished) in one transaction that holds a lock on the account and on the address, so that
 * parallel guesses are counted one after another instead of all passing one check. Returns the
 * attempt's id, or null when refused (a refused attempt is not recorded: waiting is always enough).
 */
export async function beginSignInAttempt(email: string, address: string, settings: ThrottleSettings): Promise<string | null> {
  const account = email.trim().toLowerCase().slice(0, 320);
  return db.$transaction(async (tx) => {
    // Always in the same order, so two attempts never wait for each other's second lock.
    for (const key of [`sign-in:account:${account}`, `sign-in:address:${address}`].sort()) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    }
    if (!(await mayAttemptSignIn(account, address, settings, new Date(), tx))) return null;
    const { id } = await tx.loginAttempt.create({ data: { email: account, address, succeeded: false }, select: { id: true } });
    return id;
  });
}

/** Marks a started attempt as a success (it stays a failure otherwise). */
export async function finishSignInAttempt(id: string, succeeded: boolean): Promise<void> {
  if (succeeded) await db.loginAttempt.update({ where: { id }, data: { succeeded: true } });
}
