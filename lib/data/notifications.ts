import "server-only";
import { db } from "@/lib/db";
import { parseStored } from "@/lib/data/stored-documents";
import { digestRoles } from "@/lib/data/users";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";

// What staff are told by e-mail beyond their own actions: the daily review digest (the mail of a
// decision is queued by the deciding transaction, lib/data/change-sets/decisions.ts).

export type ReviewDigest = { userId: string; to: string; name: string; language: Locale; count: number; oldest: { name: string; days: number }[] };

/**
 * The digests due today: for each active reviewer and admin who asked for one, the submitted
 * changes they may decide (not their own) that have waited more than a day, the oldest first.
 * Nobody gets a digest of nothing.
 */
export async function reviewDigests(now = new Date(), shown = 10): Promise<ReviewDigest[]> {
  const recipients = await db.user.findMany({
    where: { notifyReviewDigest: true, disabledAt: null, role: { in: [...digestRoles] } },
    select: { id: true, email: true, name: true, language: true },
  });
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  const digests: ReviewDigest[] = [];
  for (const user of recipients) {
    const where = { status: "SUBMITTED" as const, submittedAt: { lt: dayAgo }, OR: [{ authorId: null }, { authorId: { not: user.id } }] };
    const [count, oldest] = await Promise.all([
      db.changeSet.count({ where }),
      db.changeSet.findMany({ where, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: shown, select: { id: true, proposed: true, submittedAt: true } }),
    ]);
    if (count === 0) continue;
    digests.push({
      userId: user.id,
      to: user.email,
      name: user.name,
      language: isLocale(user.language) ? user.language : defaultLocale,
      count,
      oldest: oldest.map((row) => ({
        name: parseStored(row.proposed, "ChangeSet.proposed", row.id).name,
        days: Math.floor((now.getTime() - row.submittedAt!.getTime()) / (24 * 60 * 60_000)),
      })),
    });
  }
  return digests;
}
