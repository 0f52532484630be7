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
 * When another sign-in may be tried (null: now), counted in PostgreSQL so limits hold across
 * instances:
 * - for the account, at most `maxFailures` failures within the window (a flat limit: someone who
 *   knows an e-mail address can slow its owner down, not shut them out for a day);
 * - from the address, and for the account from that address, a growing delay (see retryAt).
 * A success does not erase failures. Failures are counted by the e-mail address typed, so the
 * answer is the same whether an account exists or not.
 */
export async function signInRetryAt(email: string, address: string, settings: ThrottleSettings, now = new Date(), client: Client = db): Promise<Date | null> {
  const account = email.trim().toLowerCase();
  const failures = (where: Prisma.LoginAttemptWhereInput, since: Date) =>
    client.loginAttempt.aggregate({
      where: { ...where, succeeded: false, createdAt: { gte: since, lte: now } },
      _count: true,
      _max: { createdAt: true },
    });
  const windowStart = new Date(now.getTime() - minutes(settings.windowMinutes));
  const lookback = new Date(now.getTime() - lookbackMs);
  const [byAccount, byAddress, byPair] = await Promise.all([failures({ email: account }, windowStart), failures({ address }, lookback), failures({ email: account, address }, lookback)]);
  const waits = [byAddress, byPair].map((result) => retryAt(result._count, result._max.createdAt, settings)).filter((until): until is Date => until !== null && until > now);
  if (byAccount._count >= settings.maxFailures) {
    // The flat limit lifts when the limit-th latest failure leaves the window.
    const [oldest] = await client.loginAttempt.findMany({
      where: { email: account, succeeded: false, createdAt: { gte: windowStart, lte: now } },
      orderBy: { createdAt: "desc" },
      skip: settings.maxFailures - 1,
      take: 1,
      select: { createdAt: true },
    });
    waits.push(new Date((oldest?.createdAt ?? now).getTime() + minutes(settings.windowMinutes)));
  }
  return waits.length ? new Date(Math.max(...waits.map((until) => until.getTime()))) : null;
}

/** Whether another sign-in may be tried now (see signInRetryAt). */
export async function mayAttemptSignIn(email: string, address: string, settings: ThrottleSettings, now = new Date(), client: Client = db): Promise<boolean> {
  return (await signInRetryAt(email, address, settings, now, client)) === null;
}

/**
 * Starts a sign-in attempt: checks the limits and records the attempt (as a failure until
 * finished) in one transaction that holds a lock on the account and on the address, so that
 * parallel guesses are counted one after another instead of all passing one check. Returns the
 * attempt's id, or when to try again if refused (a refused attempt is not recorded: waiting is
 * always enough).
 */
export async function beginSignInAttempt(email: string, address: string, settings: ThrottleSettings): Promise<{ attempt: string } | { retryAt: Date }> {
  const account = email.trim().toLowerCase().slice(0, 320);
  return db.$transaction(async (tx) => {
    // Always in the same order, so two attempts never wait for each other's second lock.
    for (const key of [`sign-in:account:${account}`, `sign-in:address:${address}`].sort()) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    }
    const until = await signInRetryAt(account, address, settings, new Date(), tx);
    if (until) return { retryAt: until };
    const { id } = await tx.loginAttempt.create({ data: { email: account, address, succeeded: false }, select: { id: true } });
    return { attempt: id };
  });
}

/** Marks a started attempt as a success (it stays a failure otherwise). */
export async function finishSignInAttempt(id: string, succeeded: boolean): Promise<void> {
  if (succeeded) await db.loginAttempt.update({ where: { id }, data: { succeeded: true } });
}
