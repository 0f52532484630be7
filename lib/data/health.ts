import "server-only";
import { cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";
import type { LinkVerdict } from "@/lib/generated/prisma/enums";
import { addMonths } from "@/lib/verification";

// The directory's health in figures, for the charts on the admin home: listings by time since
// their last check, links by verdict, the review queue by age, and how long decisions took. Each
// reads a whole table or index once (about 0.2 s at a million listings: docs/benchmarks.md), so
// they are taken at most every ten minutes and the page says when.

/** A bar: its message in the "Dashboard" namespace (what the chart shows) and its count. */
export type Bar = { key: HealthBarKey; count: number };
export type HealthBarKey =
  | "checkedUnder3Months"
  | "checked3To6Months"
  | "checked6To12Months"
  | "checked1To2Years"
  | "checkedOver2Years"
  | "checkedNever"
  | "linkWorking"
  | "linkMoved"
  | "linkFailing"
  | "linkBroken"
  | "linkBlocked"
  | "linkRefused"
  | "linkNotChecked"
  | "queueUnderADay"
  | "queue1To3Days"
  | "queue3To7Days"
  | "queue1To4Weeks"
  | "queueOver4Weeks";
export type WeeklyMedian = { week: string; decided: number; medianHours: number | null };
export type HealthFigures = {
  takenAt: string;
  sinceChecked: Bar[];
  links: Bar[];
  queueAge: Bar[];
  decisionTimes: WeeklyMedian[];
};

const verdictBars: Record<LinkVerdict, Omit<Bar, "count">> = {
  OK: { key: "linkWorking" },
  MOVED: { key: "linkMoved" },
  FAILING: { key: "linkFailing" },
  BROKEN: { key: "linkBroken" },
  BLOCKED: { key: "linkBlocked" },
  REFUSED: { key: "linkRefused" },
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
      { key: "checkedUnder3Months", count: checked.m3 },
      { key: "checked3To6Months", count: checked.m6 },
      { key: "checked6To12Months", count: checked.m12 },
      { key: "checked1To2Years", count: checked.m24 },
      { key: "checkedOver2Years", count: checked.older },
      { key: "checkedNever", count: checked.never },
    ],
    links: [
      ...(Object.keys(verdictBars) as LinkVerdict[]).map((verdict) => ({ ...verdictBars[verdict], count: byVerdict.get(verdict) ?? 0 })),
      { key: "linkNotChecked", count: byVerdict.get(null) ?? 0 },
    ],
    queueAge: [
      { key: "queueUnderADay", count: queue.d1 },
      { key: "queue1To3Days", count: queue.d3 },
      { key: "queue3To7Days", count: queue.d7 },
      { key: "queue1To4Weeks", count: queue.d28 },
      { key: "queueOver4Weeks", count: queue.older },
    ],
    decisionTimes: weeks.map((row) => ({
      week: row.week.toISOString().slice(0, 10),
      decided: row.decided,
      medianHours: row.median === null ? null : Math.round(Number(row.median) * 10) / 10,
    })),
  };
}

/**
 * The figures, taken at most every ten minutes (shared by every instance through Next's data cache;
 * the cache's name changes with the figures' shape, so that none cached before is read as the new).
 */
export const getHealthFigures = cachedRead("health-figures-keyed", readHealthFigures, () => [], { revalidate: 600 });
