import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPublishedByCountry, listRecentlyUpdated } from "./organisations";
import { listCountriesWithOrganisations } from "./countries";

const created: string[] = [];

afterAll(async () => {
  await db.organisation.deleteMany({ where: { id: { in: created } } });
  await db.$disconnect();
});

const unique = () => `Test ${crypto.randomUUID().slice(0, 8)}`;

async function createOrganisation(name: string, countries: string[], status: "PUBLISHED" | "ARCHIVED" = "PUBLISHED") {
  const organisation = await db.organisation.create({
    data: {
      slug: name.toLowerCase().replace(/\W+/g, "-"),
      name,
      kind: "NGO",
      status,
      countryCodes: countries,
      countries: { create: countries.map((countryCode, position) => ({ countryCode, position })) },
    },
    select: { id: true },
  });
  created.push(organisation.id);
  return organisation;
}

describe("countryCodes", () => {
  it("mirrors the ordered OrganisationCountry rows of every organisation", async () => {
    const drift = await db.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM "Organisation" o
      WHERE o."countryCodes" IS DISTINCT FROM COALESCE(
        (SELECT array_agg(oc."countryCode"::text ORDER BY oc.position) FROM "OrganisationCountry" oc WHERE oc."organisationId" = o.id),
        ARRAY[]::text[])`;
    expect(drift).toEqual([]);
  });
});

describe("public organisation lists", () => {
  it("list an organisation under each of its countries, and never an archived one", async () => {
    const shared = unique();
    const archived = unique();
    await createOrganisation(shared, ["LU", "MT"]);
    await createOrganisation(archived, ["LU"], "ARCHIVED");
    const luxembourg = (await listPublishedByCountry.uncached("lu", 1)).organisations.map((o) => o.name);
    const malta = (await listPublishedByCountry.uncached("MT", 1)).organisations.map((o) => o.name);
    expect(luxembourg).toContain(shared);
    expect(malta).toContain(shared);
    expect(luxembourg).not.toContain(archived);
    expect((await listRecentlyUpdated.uncached(50)).map((o) => o.name)).not.toContain(archived);

    const counts = await listCountriesWithOrganisations.uncached();
    expect(counts.find((c) => c.code === "LU")?.organisationCount).toBe(luxembourg.length);
  });

  it("page a country's organisations by name", async () => {
    const prefix = `Paged ${crypto.randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 52; i++) await createOrganisation(`${prefix} ${String(i).padStart(2, "0")}`, ["AD"]);
    const first = await listPublishedByCountry.uncached("AD", 1);
    const second = await listPublishedByCountry.uncached("AD", 2);
    expect(first.total).toBe(52);
    expect(first.organisations).toHaveLength(50);
    expect(second.organisations.map((o) => o.name)).toEqual([`${prefix} 50`, `${prefix} 51`]);
  });
});

