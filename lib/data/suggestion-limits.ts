import "server-only";
import { db } from "@/lib/db";

export type SuggestionLimit = { maxPerHour: number };

/**
 * Counts a suggestion from a client address against its hourly limit, in PostgreSQL so the limit
 * holds across instances; the check and the record happen under a lock on the address, so a
 * scripted flood cannot slip several through one check. Returns false when over the limit.
 */
export async function takeSuggestionSlot(address: string, { maxPerHour }: SuggestionLimit): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`suggestion:${address}`}))`;
    const recent = await tx.suggestionAttempt.count({ where: { address, createdAt: { gte: new Date(Date.now() - 60 * 60 * 1000) } } });
    if (recent >= maxPerHour) return false;
    await tx.suggestionAttempt.create({ data: { address } });
    return true;
  });
}
