import "server-only";
import { cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";
import type { LinkVerdict } from "@/lib/generated/prisma/enums";
import { addMonths } from "@/lib/verification";

// The directory's health in figures, for the charts on the admin home: listings by time since
// their last check, links by verdict, the review queue by age, and how long decisions took. Each
// reads a whole table or index once (about 0.2 s at a million listings: docs/benchmarks.md), so
// they are taken at most every ten minutes and the page says when.

export type Bar = { label: string; count: number };
export type WeeklyMedian = { week: string; decided: number; medianHours: number | null };
export type HealthFigures = {
  takenAt: string;
  sinceChecked: Bar[];
  links: Bar[];
  queueAge: Bar[];
  decisionTimes: WeeklyMedian[];
};

const verdictLabels: Record<LinkVerdict, string> = {
  OK: "Working",
  MOVED: "Moved",
  FAILING: "Failing",
  BROKEN: "Broken",
  BLOCKED: "Blocked (bot protection)",
  REFUSED: "Refused (unsafe address)",
};

async function readHealthFigures(now = new Date()): Promise<HealthFigures> {
  // Bounds computed once, not per row: the count reads the (status, lastVerifiedAt) index alone.
  const [m3, m6, m12, m24] = [3, 6, 12, 24].map((months) => addMonths(now, -months));
  const [[checked], verdicts, [queue], weeks] = await Promise.all([
    db.$queryRaw<Record<"m3" | "m6" | "m12" | "m24" | "older" | "never", number>[]>`
      SELECT count(*) FILTER (WHERE "lastVerifiedAt" >= ${m3})::int AS m3,
             count(*) FILTER (WHERE "lastVerifiedAt" < ${m3} AND "lastVerifiedAt" >= ${m6})::int AS m6,
             count(*) FILTER (WHERE "lastVerifiedAt" < ${m6} AND "lastVerifiedAt" >= ${m12})::int AS m12,
             count(*) FILTER (WHERE "lastVerifiedAt" < ${m12} AND "lastVerifiedAt" >= ${m24})::int AS m24,
             count(*) FILTER (WHERE "lastVerifiedAt" < ${m24})::int AS older,
             count(*) FILTER (WHERE "lastVerifiedAt" IS NULL)::int AS never
      FROM "Organisation" WHERE status = 'published'`,
    db.$queryRaw<{ verdict: string | null; count: number }[]>`SELECT verdict::text, count(*)::int AS count FROM "Link" GROUP BY verdict`,
    db.$queryRaw<Record<"d1" | "d3" | "d7" | "d28" | "older", number>[]>`
      SELECT count(*) FILTER (WHERE "submittedAt" >= now() - interval '1 day')::int AS d1,
             count(*) FILTER (WHERE "submittedAt" < now() - interval '1 day' AND "submittedAt" >= now() - interval '3 days')::int AS d3,
             count(*) FILTER (WHERE "submittedAt" < now() - interval '3 days' AND "submittedAt" >= now() - interval '7 days')::int AS d7,
             count(*) FILTER (WHERE "submittedAt" < now() - interval '7 days' AND "submittedAt" >= now() - interval '28 days')::int AS d28,
             count(*) FILTER (WHERE "submittedAt" < now() - interval '28 days')::int AS older
      FROM "ChangeSet" WHERE status = 'submitted'`,
    // Weeks begin on Monday (ISO), in UTC; the current week is the last of the twelve.
    db.$queryRaw<{ week: Date; decided: number; median: number | null }[]>`
      SELECT w.week, count(c.id)::int AS decided,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c."decidedAt" - c."submittedAt") / 3600) AS median
      FROM generate_series(date_trunc('week', now() AT TIME ZONE 'UTC') - interval '11 weeks', date_trunc('week', now() AT TIME ZONE 'UTC'), interval '1 week') AS w(week)
      LEFT JOIN "ChangeSet" c ON c."decidedAt" >= w.week AND c."decidedAt" < w.week + interval '1 week' AND c."submittedAt" IS NOT NULL
        AND c.status IN ('approved', 'partly_approved', 'rejected', 'changes_requested')
      GROUP BY w.week ORDER BY w.week`,
  ]);
  const byVerdict = new Map(verdicts.map((row) => [row.verdict?.toUpperCase() ?? null, row.count]));
  return {
    takenAt: now.toISOString(),
    sinceChecked: [
      { label: "Under 3 months", count: checked.m3 },
      { label: "3 to 6 months", count: checked.m6 },
      { label: "6 to 12 months", count: checked.m12 },
      { label: "1 to 2 years", count: checked.m24 },
      { label: "Over 2 years", count: checked.older },
      { label: "Never checked", count: checked.never },
    ],
    links: [
      ...(Object.keys(verdictLabels) as LinkVerdict[]).map((verdict) => ({ label: verdictLabels[verdict], count: byVerdict.get(verdict) ?? 0 })),
      { label: "Not checked yet", count: byVerdict.get(null) ?? 0 },
    ],
    queueAge: [
      { label: "Under a day", count: queue.d1 },
      { label: "1 to 3 days", count: queue.d3 },
      { label: "3 to 7 days", count: queue.d7 },
      { label: "1 to 4 weeks", count: queue.d28 },
      { label: "Over 4 weeks", count: queue.older },
    ],
    decisionTimes: weeks.map((row) => ({
      week: row.week.toISOString().slice(0, 10),
      decided: row.decided,
      medianHours: row.median === null ? null : Math.round(Number(row.median) * 10) / 10,
    })),
  };
}

/** The figures, taken at most every ten minutes (shared by every instance through Next's data cache). */
export const getHealthFigures = cachedRead("health-figures", readHealthFigures, () => [], { revalidate: 600 });
