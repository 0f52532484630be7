import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adminPageSize, findSimilarOrganisations, hostOf, listOrganisationsForAdmin } from "./admin-organisations";

afterAll(() => db.$disconnect());

describe("listOrganisationsForAdmin", () => {
  it("searches names (accents ignored), acronyms, websites and contact values", async () => {
    const names = async (q: string) => (await listOrganisationsForAdmin({ q, sort: "name" })).items.map((item) => item.name);
    expect(await names("tolérance")).toContain("Allo-Tolerance");
    expect(await names("cuta")).toEqual(["Coordination Unit for Threat Assessment"]);
    const [allo] = await db.organisation.findMany({ where: { slug: "allo-tolerance" }, select: { website: true, contacts: { select: { value: true } } } });
    const host = new URL(allo.website!).host;
    expect(await names(host)).toContain("Allo-Tolerance");
    const contact = allo.contacts[0];
    expect(contact).toBeDefined();
    expect(await names(contact.value.slice(-12))).toContain("Allo-Tolerance");
    // Wildcards typed in full width are not wildcards once accents are folded.
    expect(await names("％")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("zzzz-no-such-thing")).toEqual([]);
  });

  it("filters by country, kind and status", async () => {
    const belgian = await listOrganisationsForAdmin({ country: "be", sort: "name" });
    expect(belgian.items.length).toBeGreaterThan(0);
    expect(belgian.items.every((item) => item.countryCodes.includes("BE"))).toBe(true);
    const ngos = await listOrganisationsForAdmin({ kind: "NGO", sort: "name" });
    expect(ngos.items.every((item) => item.kind === "NGO")).toBe(true);
    expect((await listOrganisationsForAdmin({ status: "ARCHIVED", sort: "name" })).items.every((item) => item.status === "ARCHIVED")).toBe(true);
  });

  it("walks every organisation exactly once, page by page, in both orders", async () => {
    const total = await db.organisation.count();
    const stamp = Date.now();
    // Enough rows for three pages.
    const created = await db.organisation.createManyAndReturn({
      data: Array.from({ length: adminPageSize * 2 + 5 }, (_, index) => ({ slug: `walk-${stamp}-${index}`, name: `Walk ${String(index % 7)}`, kind: "OTHER" as const })),
      select: { id: true },
    });
    try {
      for (const sort of ["name", "updated"] as const) {
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await listOrganisationsForAdmin({ sort, after });
          seen.push(...page.items.map((item) => item.id));
          after = page.next ?? undefined;
        } while (after);
        expect(seen).toHaveLength(total + created.length);
        expect(new Set(seen).size).toBe(seen.length);
      }
    } finally {
      await db.organisation.deleteMany({ where: { id: { in: created.map((row) => row.id) } } });
    }
  });
});

describe("findSimilarOrganisations", () => {
  it("finds a very similar name, accents and typos aside, and a website on the same host", async () => {
    const byName = await findSimilarOrganisations({ name: "Allo Tolérence" });
    expect(byName.map((item) => [item.name, item.reason])).toContainEqual(["Allo-Tolerance", "name"]);
    const [allo] = await db.organisation.findMany({ where: { slug: "allo-tolerance" }, select: { id: true, website: true } });
    const byWebsite = await findSimilarOrganisations({ website: `http://${hostOf(allo.website!)}/about` });
    expect(byWebsite.map((item) => item.name)).toContain("Allo-Tolerance");
    // Not itself, when editing it.
    expect((await findSimilarOrganisations({ name: "Allo-Tolerance", excludeId: allo.id })).map((item) => item.id)).not.toContain(allo.id);
    expect(await findSimilarOrganisations({ name: "Qwxz Zzyv Unlike Anything" })).toEqual([]);
  });
});
