import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getHealthFigures } from "./health";
import { toStored } from "./stored-documents";

const run = crypto.randomUUID().slice(0, 8);
const organisations: string[] = [];
const changeSets: string[] = [];

afterAll(async () => {
  await db.changeSet.deleteMany({ where: { id: { in: changeSets } } });
  await db.organisation.deleteMany({ where: { id: { in: organisations } } });
  await db.link.deleteMany({ where: { url: { startsWith: `https://health-${run}.example/` } } });
  await db.$disconnect();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000);
const count = (bars: { key: string; count: number }[], key: string) => bars.find((bar) => bar.key === key)!.count;

describe("getHealthFigures", () => {
  it("counts listings by time since their last check, links by verdict, the queue by age and the weekly median decision time", async () => {
    const before = await getHealthFigures.uncached();
    for (const [i, lastVerifiedAt] of [daysAgo(10), daysAgo(200), daysAgo(800), null].entries()) {
      const { id } = await db.organisation.create({ data: { slug: `health-${run}-${i}`, name: `Health ${run} ${i}`, kind: "NGO", lastVerifiedAt }, select: { id: true } });
      organisations.push(id);
    }
    await db.link.createMany({
      data: [
        { url: `https://health-${run}.example/a`, host: `health-${run}.example`, verdict: "BROKEN" },
        { url: `https://health-${run}.example/b`, host: `health-${run}.example`, verdict: "OK" },
        { url: `https://health-${run}.example/c`, host: `health-${run}.example` },
      ],
    });
    const proposed = toStored({ slug: "", name: `Health ${run}`, acronym: null, kind: "OTHER", description: "", website: null, countries: ["MT"], contacts: [], archived: false, originalLanguage: "en", translations: {} });
    const waiting = await db.changeSet.create({ data: { kind: "CREATE", status: "SUBMITTED", submittedAt: daysAgo(2), proposed }, select: { id: true } });
    // Decided now, after 10 hours.
    const decided = await db.changeSet.create({
      data: { kind: "CREATE", status: "REJECTED", submittedAt: new Date(Date.now() - 10 * 60 * 60_000), decidedAt: new Date(), proposed },
      select: { id: true },
    });
    changeSets.push(waiting.id, decided.id);

    const after = await getHealthFigures.uncached();
    const grew = (chart: "sinceChecked" | "links" | "queueAge", bar: string) => count(after[chart], bar) - count(before[chart], bar);
    expect(grew("sinceChecked", "checkedUnder3Months")).toBe(1);
    expect(grew("sinceChecked", "checked6To12Months")).toBe(1);
    expect(grew("sinceChecked", "checkedOver2Years")).toBe(1);
    expect(grew("sinceChecked", "checkedNever")).toBe(1);
    expect(grew("links", "linkBroken")).toBe(1);
    expect(grew("links", "linkWorking")).toBe(1);
    expect(grew("links", "linkNotChecked")).toBe(1);
    expect(grew("queueAge", "queue1To3Days")).toBe(1);
    expect(after.decisionTimes).toHaveLength(12);
    const thisWeek = after.decisionTimes.at(-1)!;
    expect(thisWeek.decided - before.decisionTimes.at(-1)!.decided).toBe(1);
    expect(thisWeek.medianHours).not.toBeNull();
  });
});
