// Archived organisations and pending changes never reach a public surface: lists, pages, counts, sitemap or search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchParamsSchema } from "@/lib/validation/search";
import { listCountriesWithOrganisations } from "./countries";
import {
  countPublished,
  countPublishedByKind,
  findPublishedIdBySlug,
  getCountryPage,
  getOrganisationPage,
  listRecentlyUpdated,
  listSitemapEntries,
} from "./organisations";
import { eachApiOrganisation, getApiOrganisation } from "./public-api";
import { searchOrganisations } from "./search";

const name = `Zyxwv Archived ${crypto.randomUUID().slice(0, 8)}`;
const slug = name.toLowerCase().replace(/\W+/g, "-");
let id: string;
let before: { countries: Awaited<ReturnType<typeof listCountriesWithOrganisations.uncached>>; total: number; kinds: Awaited<ReturnType<typeof countPublishedByKind.uncached>> };

/** The ids on every page of a country's list, following its "next" links. */
async function countryPageIds(code: string) {
  const ids: string[] = [];
  let from: string | undefined;
  for (;;) {
    const page = await getCountryPage(code, from);
    if (!page || "movedTo" in page) throw new Error(`No page of ${code} from ${from}`);
    ids.push(...page.organisations.map((organisation) => organisation.id));
    if (!page.next || "first" in page.next) return ids;
    from = page.next.from;
  }
}

beforeAll(async () => {
  before = {
    countries: await listCountriesWithOrganisations.uncached(),
    total: await countPublished.uncached(),
    kinds: await countPublishedByKind.uncached(),
  };
  ({ id } = await db.organisation.create({
    data: {
      slug,
      name,
      kind: "OTHER",
      status: "ARCHIVED",
      description: "Zyxwv archived description",
      countryCodes: ["SM", "BE"],
      countries: { create: [{ countryCode: "SM", position: 0 }, { countryCode: "BE", position: 1 }] },
      contacts: { create: { position: 0, type: "EMAIL", value: "zyxwv@example.org", rawValue: "zyxwv@example.org" } },
    },
    select: { id: true },
  }));
});

afterAll(async () => {
  await db.organisation.delete({ where: { id } });
  await db.$disconnect();
});

describe("an archived organisation", () => {
  it("has no page", async () => {
    expect(await findPublishedIdBySlug(slug)).toBeNull();
    expect(await getOrganisationPage(slug)).toBeNull();
  });

  it("is in no list and no count", async () => {
    expect(await countryPageIds("BE")).not.toContain(id);
    expect(await getCountryPage("SM")).toEqual({ organisations: [], total: 0, next: null, previous: null });
    expect((await listRecentlyUpdated(1000)).map((o) => o.id)).not.toContain(id);
    expect(await listCountriesWithOrganisations.uncached()).toEqual(before.countries);
    expect(await countPublished.uncached()).toBe(before.total);
    expect(await countPublishedByKind.uncached()).toEqual(before.kinds);
  });

  it("is not in the sitemap", async () => {
    const entries = await listSitemapEntries(1, 0);
    expect(entries.map((entry) => entry.slug)).not.toContain(slug);
  });

  it("is not found by search, by name, description or filter", async () => {
    for (const params of [{ q: name }, { q: "zyxwv" }, { q: "", country: "sm" }, { q: "", kind: "other" }]) {
      const result = await searchOrganisations(searchParamsSchema.parse(params));
      expect(result.hits.map((hit) => hit.id), JSON.stringify(params)).not.toContain(id);
      expect(result.facets.countries.map((facet) => facet.code)).not.toContain("SM");
    }
  });
});

describe("pending changes", () => {
  const pendingName = `Qwpending ${crypto.randomUUID().slice(0, 8)}`;
  let authorId: string;
  let allo: { id: string; name: string };

  beforeAll(async () => {
    ({ id: authorId } = await db.user.create({ data: { email: `pending-${crypto.randomUUID().slice(0, 8)}@prova.test`, name: "Pending Author", role: "EDITOR" }, select: { id: true } }));
    allo = (await db.organisation.findFirstOrThrow({ where: { slug: "allo-tolerance" }, select: { id: true, name: true } }));
    const { saveDraft, submitChangeSet, getOrganisationDocument } = await import("./change-sets");
    const actor = { id: authorId, role: "EDITOR" as const };
    const created = await saveDraft(actor, {
      kind: "CREATE",
      document: { slug: "", name: pendingName, acronym: null, kind: "OTHER", description: "Qwpending words", website: null, countries: ["SM"], contacts: [] },
      note: "",
    });
    await submitChangeSet(actor, created.id);
    const current = (await getOrganisationDocument(allo.id))!.document;
    const update = await saveDraft(actor, { kind: "UPDATE", organisationId: allo.id, document: { ...current, name: `${pendingName} Renamed`, countries: ["SM"] }, note: "" });
    await submitChangeSet(actor, update.id);
  });

  afterAll(async () => {
    await db.changeSet.deleteMany({ where: { authorId } });
    await db.user.delete({ where: { id: authorId } });
  });

  it("never reach a page, a list, the sitemap or search, whether new organisations or updates", async () => {
    expect(await getOrganisationPage("allo-tolerance")).toMatchObject({ organisation: { name: allo.name } });
    expect(await getCountryPage("SM")).toEqual({ organisations: [], total: 0, next: null, previous: null });
    expect(await listCountriesWithOrganisations.uncached()).toEqual(before.countries);
    expect(await countPublished.uncached()).toBe(before.total);
    expect((await listSitemapEntries(1, 0)).some((entry) => entry.slug.startsWith("qwpending"))).toBe(false);
    const exported: string[] = [];
    for await (const organisation of eachApiOrganisation()) exported.push(organisation.name);
    expect(exported.some((exportedName) => exportedName.startsWith(pendingName))).toBe(false);
    expect((await getApiOrganisation("allo-tolerance")) as { organisation: { name: string } }).toMatchObject({ organisation: { name: allo.name } });
    for (const params of [{ q: pendingName }, { q: "qwpending" }, { q: "", country: "sm" }]) {
      const result = await searchOrganisations(searchParamsSchema.parse(params));
      expect(result.hits, JSON.stringify(params)).toEqual([]);
    }
  });
});
