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
const count = (bars: { label: string; count: number }[], label: string) => bars.find((bar) => bar.label === label)!.count;

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
    const grew = (key: "sinceChecked" | "links" | "queueAge", label: string) => count(after[key], label) - count(before[key], label);
    expect(grew("sinceChecked", "Under 3 months")).toBe(1);
    expect(grew("sinceChecked", "6 to 12 months")).toBe(1);
    expect(grew("sinceChecked", "Over 2 years")).toBe(1);
    expect(grew("sinceChecked", "Never checked")).toBe(1);
    expect(grew("links", "Broken")).toBe(1);
    expect(grew("links", "Working")).toBe(1);
    expect(grew("links", "Not checked yet")).toBe(1);
    expect(grew("queueAge", "1 to 3 days")).toBe(1);
    expect(after.decisionTimes).toHaveLength(12);
    const thisWeek = after.decisionTimes.at(-1)!;
    expect(thisWeek.decided - before.decisionTimes.at(-1)!.decided).toBe(1);
    expect(thisWeek.medianHours).not.toBeNull();
  });
});
