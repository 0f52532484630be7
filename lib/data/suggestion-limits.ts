import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type SuggestionLimits = {
  /** Posts of the form per hour, valid or not: high enough for someone who mistypes. */
  maxAttemptsPerHour: number;
  /** Suggestions accepted (valid and stored) per hour. */
  maxPerHour: number;
};

const hourAgo = () => new Date(Date.now() - 60 * 60 * 1000);

/**
 * Both limits are counted per client address in PostgreSQL, so they hold across instances, and
 * under a lock on the address, so that parallel posts are counted one after another instead of
 * all passing one check.
 */
function underLock<T>(address: string, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`suggestion:${address}`}))`;
    return fn(tx);
  });
}

/** Records a post of the suggestion form; returns its id, or null when the address is over its attempts per hour. */
export async function recordSuggestionAttempt(address: string, { maxAttemptsPerHour }: Pick<SuggestionLimits, "maxAttemptsPerHour">): Promise<string | null> {
  return underLock(address, async (tx) => {
    const recent = await tx.suggestionAttempt.count({ where: { address, createdAt: { gte: hourAgo() } } });
    if (recent >= maxAttemptsPerHour) return null;
    const { id } = await tx.suggestionAttempt.create({ data: { address }, select: { id: true } });
    return id;
  });
}

/**
 * Stores a valid suggestion with `store` when the address has had fewer than `maxPerHour`
 * accepted in the last hour; returns what `store` returned, or "over-limit".
 * The attempt is marked accepted under the lock before `store` runs, so a flood cannot pass
 * the count between check and insert; if `store` fails, the mark is taken back (at worst, when
 * that fails too, the address has one suggestion fewer this hour).
 */
export async function acceptSuggestion<T>(
  address: string,
  attemptId: string,
  { maxPerHour }: Pick<SuggestionLimits, "maxPerHour">,
  store: () => Promise<T>,
): Promise<T | "over-limit"> {
  const taken = await underLock(address, async (tx) => {
    const accepted = await tx.suggestionAttempt.count({ where: { address, accepted: true, createdAt: { gte: hourAgo() } } });
    if (accepted >= maxPerHour) return false;
    await tx.suggestionAttempt.update({ where: { id: attemptId }, data: { accepted: true } });
    return true;
  });
  if (!taken) return "over-limit";
  try {
    return await store();
  } catch (error) {
    await db.suggestionAttempt.update({ where: { id: attemptId }, data: { accepted: false } }).catch(() => {});
    throw error;
  }
}
