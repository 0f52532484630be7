import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchParamsSchema } from "@/lib/validation/search";
import { estimatedShare, lexemeShares, matchCap, searchOrganisations, searchStatements } from "./search";

afterAll(() => db.$disconnect());

const search = (params: Record<string, unknown>) => searchOrganisations(searchParamsSchema.parse(params));
const names = async (q: string) => (await search({ q })).hits.map((hit) => hit.name);

describe("searchOrganisations", () => {
  it.each(["tolerance", "allo tolerance", "tolerence", "Allo-Tolerance", "TOLÉRANCE"])("finds Allo-Tolerance from %j", async (q) => {
    expect((await names(q))[0]).toBe("Allo-Tolerance");
  });

  it.each(["CUTA", "cuta", "threat asessment", "Coordination Unit for Threat Assessment"])(
    "finds the Coordination Unit for Threat Assessment first from %j",
    async (q) => {
      expect((await names(q))[0]).toBe("Coordination Unit for Threat Assessment");
    },
  );

  it("ranks an exact acronym above mentions in descriptions", async () => {
    expect((await names("VSSE"))[0]).toBe("State Security Service");
  });

  it("returns nothing for nonsense", async () => {
    const result = await search({ q: "xqzwv plorkt" });
    expect(result).toMatchObject({ hits: [], total: 0, pageCount: 1 });
  });

  it.each([
    "'",
    '"',
    "%",
    "_",
    "\\",
    "%_\\",
    "' OR 1=1 --",
    "'); DROP TABLE \"Organisation\"; --",
    "a & b | !c <-> d:*",
    "😀🔥",
    "مكافحة التطرف",
    "x".repeat(5000),
    "\u0000\u0001",
    "\ud800 lone surrogate",
  ])("answers %j with results or an empty state, never an error", async (q) => {
    const result = await search({ q });
    expect(Array.isArray(result.hits)).toBe(true);
  });

  it("filters by country and kind, with facet counts", async () => {
    const all = await search({ q: "", country: "be" });
    expect(all.total).toBe(7);
    expect(all.facets.kinds.find((facet) => facet.kind === "GOVERNMENT_BODY")?.count).toBe(2);
    expect(all.facets.countries.find((facet) => facet.code === "BE")?.count).toBeGreaterThanOrEqual(7);

    const government = await search({ q: "", country: "be", kind: "government_body" });
    expect(government.hits.map((hit) => hit.name).sort()).toEqual([
      "Coordination Unit for Threat Assessment",
      "Kingdom of Belgium / Foreign Affairs, Foreign Trade and Development Cooperation",
    ]);
    expect(government.hits[0].countries).toEqual(["Belgium"]);
  });

  it("pages through results and answers past the end", async () => {
    const page = await search({ q: "", country: "be", page: "99" });
    expect(page).toMatchObject({ hits: [], total: 7, page: 99, pageCount: 1 });
  });

  it("never shows an archived organisation", async () => {
    const name = `Archived Tolerance ${crypto.randomUUID().slice(0, 8)}`;
    const { id } = await db.organisation.create({
      data: { slug: name.toLowerCase().replace(/\W+/g, "-"), name, kind: "NGO", status: "ARCHIVED", countryCodes: ["BE"], countries: { create: { countryCode: "BE", position: 0 } } },
      select: { id: true },
    });
    try {
      expect(await names(name)).not.toContain(name);
      expect(await names("tolerance")).not.toContain(name);
    } finally {
      await db.organisation.delete({ where: { id } });
    }
  });

  it("says when it shows names that only resemble the query", async () => {
    expect(await search({ q: "tolerence" })).toMatchObject({ mode: "similar", hits: [expect.objectContaining({ name: "Allo-Tolerance" })] });
    expect(await search({ q: "tolerance" })).toMatchObject({ mode: "words" });
  });

  it("caps what it counts and ranks, yet always puts the exact name first", async () => {
    const word = `capword${crypto.randomUUID().slice(0, 6)}`;
    const ids = Array.from({ length: matchCap + 5 }, () => crypto.randomUUID());
    await db.organisation.createMany({
      // The last one is named exactly as the query: it must come first although all the others match.
      data: ids.map((id, n) => ({ id, slug: `${word}-${n}`, name: n === matchCap + 4 ? word.toUpperCase() : `${word} Centre ${n}`, kind: "NGO" as const, countryCodes: ["LI"] })),
    });
    await db.organisationCountry.createMany({ data: ids.map((id) => ({ organisationId: id, countryCode: "LI", position: 0 })) });
    try {
      const result = await search({ q: word });
      expect(result).toMatchObject({ total: matchCap, capped: true, pageCount: matchCap / 20 });
      expect(result.hits).toHaveLength(20);
      expect(result.facets.countries).toEqual([{ code: "LI", name: "Liechtenstein", count: null }]);
      expect(result.facets.kinds).toEqual([{ kind: "NGO", count: null }]);
      expect(result.hits[0].name).toBe(word.toUpperCase());
      expect((await search({ q: word, page: String(matchCap / 20 + 1) })).hits).toEqual([]);
    } finally {
      await db.organisation.deleteMany({ where: { id: { in: ids } } });
    }
  });

  it("filters by country inside the text index without making country codes searchable words", async () => {
    const word = `qwertz${crypto.randomUUID().slice(0, 6)}`;
    const { id } = await db.organisation.create({
      data: {
        slug: word,
        name: `${word} San Marino`,
        kind: "NGO",
        countryCodes: ["SM"],
        countries: { create: { countryCode: "SM", position: 0 } },
      },
      select: { id: true },
    });
    try {
      expect((await search({ q: word, country: "sm" })).hits.map((hit) => hit.id)).toEqual([id]);
      expect((await search({ q: word, country: "be" })).hits).toEqual([]);
      expect((await search({ q: "SM" })).hits.map((hit) => hit.id)).not.toContain(id);
    } finally {
      await db.organisation.delete({ where: { id } });
    }
  });

  it("estimates the share of organisations that match from the common lexemes' shares", () => {
    const known = new Map([
      ["prevention", 0.08],
      ["extremism", 0.25],
      ["radicalisation", 0.25],
      ["FR", 0.12],
    ]);
    expect(estimatedShare("prevention", undefined, known)).toBeCloseTo(0.08);
    expect(estimatedShare("Radicalisation EXTRÉMISM", undefined, known)).toBeCloseTo(0.0625);
    expect(estimatedShare("prevention", "FR", known)).toBeCloseTo(0.0096);
    expect(estimatedShare("prevention zyxw", undefined, known)).toBe(0);
    // Operators: no estimate, PostgreSQL decides.
    expect(estimatedShare('"prevention network"', undefined, known)).toBeNull();
    expect(estimatedShare("prevention or extremism", undefined, known)).toBeNull();
    expect(estimatedShare("prevention -extremism", undefined, known)).toBeNull();
    expect(estimatedShare("", undefined, known)).toBeNull();
  });

  it("reads common words without the text index and finds the same organisations as with it", async () => {
    const params = searchParamsSchema.parse({ q: "radicalisation prevention" });
    const common = new Map([
      ["radicalisation", 0.5],
      ["prevention", 0.5],
    ]);
    const scan = searchStatements(params, "words", common).search;
    const indexed = searchStatements(params, "words", new Map()).search;
    expect(scan.sql).toContain("coalesce(o.search");
    expect(indexed.sql).not.toContain("coalesce(o.search");
    const run = async (statement: typeof scan) => {
      const [row] = await db.$queryRaw<{ total: bigint; hits: { id: string }[] }[]>(statement);
      return { total: row.total, ids: row.hits.map((hit) => hit.id).sort() };
    };
    const found = await run(indexed);
    expect(found.ids.length).toBeGreaterThan(0);
    expect(await run(scan)).toEqual(found);
  });

  it("reads the lexeme shares from PostgreSQL's statistics", async () => {
    await db.$executeRaw`ANALYZE "Organisation"`;
    const shares = await lexemeShares();
    expect(shares.size).toBeGreaterThan(0);
    for (const share of shares.values()) expect(share).toBeGreaterThan(0);
  });
});
