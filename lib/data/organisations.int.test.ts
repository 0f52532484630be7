import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCountryPage, listRecentlyUpdated, type CountryPage } from "./organisations";
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
    const luxembourg = (await page("lu")).organisations.map((o) => o.name);
    const malta = (await page("MT")).organisations.map((o) => o.name);
    expect(luxembourg).toContain(shared);
    expect(malta).toContain(shared);
    expect(luxembourg).not.toContain(archived);
    expect((await listRecentlyUpdated(50)).map((o) => o.name)).not.toContain(archived);

    const counts = await listCountriesWithOrganisations.uncached();
    expect(counts.find((c) => c.code === "LU")?.organisationCount).toBe(luxembourg.length);
  });

  it("page a country's organisations by name, each page from an organisation, with the way back", async () => {
    const prefix = `Paged ${crypto.randomUUID().slice(0, 6)}`;
    const names = Array.from({ length: 102 }, (_, i) => `${prefix} ${String(i).padStart(3, "0")}`);
    for (const name of names) await createOrganisation(name, ["AD"]);
    const first = await page("AD");
    expect(first.total).toBe(102);
    expect(first.previous).toBeNull();
    expect(first.organisations.map((o) => o.name)).toEqual(names.slice(0, 50));
    expect(first.next).toEqual({ from: slugOf(names[50]) });
    const second = await page("AD", slugOf(names[50]));
    expect(second.total).toBeNull();
    expect(second.organisations.map((o) => o.name)).toEqual(names.slice(50, 100));
    expect(second.previous).toEqual({ first: true });
    const third = await page("AD", slugOf(names[100]));
    expect(third.organisations.map((o) => o.name)).toEqual(names.slice(100));
    expect(third.next).toBeNull();
    expect(third.previous).toEqual({ from: slugOf(names[50]) });

    // An organisation arriving on the first page changes no later page: each starts where it did.
    await createOrganisation(`${prefix} 010a`, ["AD"]);
    expect((await page("AD", slugOf(names[50]))).organisations.map((o) => o.name)).toEqual(names.slice(50, 100));
    expect((await page("AD")).next).toEqual({ from: slugOf(names[49]) });
  });

  it("leads an old start to the renamed organisation's page, and knows no other", async () => {
    const name = unique();
    const { id } = await createOrganisation(name, ["AD"]);
    await db.organisation.update({ where: { id }, data: { slug: `${slugOf(name)}-new`, oldSlugs: { create: { slug: `${slugOf(name)}-old` } } } });
    expect(await getCountryPage("AD", `${slugOf(name)}-old`)).toEqual({ movedTo: `${slugOf(name)}-new` });
    expect(await getCountryPage("AD", "no-such-organisation-anywhere")).toBeNull();
  });
});

const slugOf = (name: string) => name.toLowerCase().replace(/\W+/g, "-");

async function page(code: string, from?: string): Promise<CountryPage> {
  const result = await getCountryPage(code, from);
  if (!result || "movedTo" in result) throw new Error(`No page of ${code} from ${from}`);
  return result;
}
