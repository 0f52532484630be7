import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { eachApiOrganisation, getApiOrganisation, listApiOrganisations } from "./public-api";

const stamp = crypto.randomUUID().slice(0, 8);
afterAll(async () => {
  await db.organisation.deleteMany({ where: { slug: { startsWith: `api-${stamp}` } } });
  await db.$disconnect();
});

const create = (suffix: string, status: "PUBLISHED" | "ARCHIVED" = "PUBLISHED") =>
  db.organisation.create({ data: { slug: `api-${stamp}-${suffix}`, name: `Api ${stamp} ${suffix}`, kind: "OTHER", status, countryCodes: ["BE"], countries: { create: { countryCode: "BE", position: 0 } } }, select: { id: true, slug: true } });

describe("listApiOrganisations", () => {
  it("walks every organisation exactly once while organisations are added during the walk", async () => {
    const before = (await db.organisation.findMany({ where: { status: "PUBLISHED" }, select: { slug: true } })).map((row) => row.slug);
    const seen: string[] = [];
    let after: string | undefined;
    let added = 0;
    do {
      const page = await listApiOrganisations({}, { after, limit: 2 });
      seen.push(...page.items.map((item) => item.slug));
      after = page.next ?? undefined;
      if (added < 3) await create(`added-${added++}`);
    } while (after);
    for (const slug of before) expect(seen.filter((other) => other === slug), slug).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    // Those added during the walk came at its end.
    expect(seen.filter((slug) => slug.startsWith(`api-${stamp}-added`))).toHaveLength(3);
  });

  it("never gives an archived organisation, by list, filter, slug or export", async () => {
    const archived = await create("archived", "ARCHIVED");
    const everything = [];
    for await (const organisation of eachApiOrganisation({}, 3)) everything.push(organisation.slug);
    expect(everything).not.toContain(archived.slug);
    expect((await listApiOrganisations({ country: "be", kind: "OTHER" }, { limit: 100 })).items.map((item) => item.slug)).not.toContain(archived.slug);
    expect(await getApiOrganisation(archived.slug)).toBeNull();
  });

  it("answers an old slug with the current one", async () => {
    const organisation = await create("renamed");
    await db.slugRedirect.create({ data: { slug: `api-${stamp}-old`, organisationId: organisation.id } });
    expect(await getApiOrganisation(`api-${stamp}-old`)).toEqual({ moved: organisation.slug });
    await db.slugRedirect.delete({ where: { slug: `api-${stamp}-old` } });
  });
});
