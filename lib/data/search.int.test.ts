import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchParamsSchema } from "@/lib/validation/search";
import { matchCap, scanIsCheaper, searchOrganisations, searchStatements, tableStats } from "./search";

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

  it("ranks names holding the words above descriptions that mention them", async () => {
    const word = `rankword${crypto.randomUUID().slice(0, 6)}`;
    const data = [
      { name: "Aaa Centre Studies", description: `Works on ${word} in schools.` },
      { name: `Zzz ${word} Network`, description: "A network." },
    ].map((organisation, n) => ({ ...organisation, slug: `${word}-${n}`, kind: "NGO" as const, countryCodes: ["BE"] }));
    await db.organisation.createMany({ data });
    try {
      expect(await names(word)).toEqual([`Zzz ${word} Network`, "Aaa Centre Studies"]);
    } finally {
      await db.organisation.deleteMany({ where: { slug: { startsWith: word } } });
    }
  });

  it("reads the table from its start every time, so a capped search finds the same candidates", async () => {
    // Synchronised scans would start where the last scan of a large table stopped.
    const [{ synchronize_seqscans }] = await db.$queryRaw<{ synchronize_seqscans: string }[]>`SHOW synchronize_seqscans`;
    expect(synchronize_seqscans).toBe("off");
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

  it("reads the table in order where the index would decode long lists of common words", () => {
    const shares = new Map([
      ["prevention", 0.08],
      ["extremism", 0.25],
      ["radicalisation", 0.25],
      ["tolerance", 0.0126],
      ["FR", 0.12],
    ]);
    const million = { rows: 1_000_000, shares };
    expect(scanIsCheaper("prevention", undefined, million)).toBe(true);
    expect(scanIsCheaper("Radicalisation EXTRÉMISM", undefined, million)).toBe(true);
    // Both lists are long, their intersection is not: the index still decodes them whole.
    expect(scanIsCheaper("prevention", "FR", million)).toBe(true);
    // About 12,600 matches: the index's bitmap is cheaper than reading 8,000 rows.
    expect(scanIsCheaper("tolerance", undefined, million)).toBe(false);
    // A word missing from the statistics is rare; a country missing from them is small, and its own list reads best.
    expect(scanIsCheaper("prevention zyxw", undefined, million)).toBe(false);
    expect(scanIsCheaper("prevention", "MT", million)).toBe(true);
    // A small table: the index's lists are short.
    expect(scanIsCheaper("tolerance", undefined, { rows: 1_000, shares })).toBe(false);
    expect(scanIsCheaper("prevention", undefined, { rows: 1_000, shares })).toBe(false);
    // Operators: PostgreSQL decides.
    expect(scanIsCheaper('"prevention network"', undefined, million)).toBeNull();
    expect(scanIsCheaper("prevention or extremism", undefined, million)).toBeNull();
    expect(scanIsCheaper("prevention -extremism", undefined, million)).toBeNull();
    expect(scanIsCheaper("", undefined, million)).toBeNull();
  });

  it.each([{ q: "radicalisation prevention" }, { q: "radicalisation prevention", country: "be" }])(
    "reads common words without the text index and finds the same organisations as with it: %j",
    async (query) => {
      const params = searchParamsSchema.parse(query);
      const common = {
        rows: 1_000_000,
        shares: new Map([
          ["radicalisation", 0.5],
          ["prevention", 0.5],
          ["BE", 0.5],
        ]),
      };
      const scan = searchStatements(params, "words", common).search;
      const indexed = searchStatements(params, "words", { rows: 1_000_000, shares: new Map() }).search;
      expect(scan.sql).toContain("coalesce(o.search");
      expect(indexed.sql).not.toContain("coalesce(o.search");
      // With a country, the candidates come from its list of organisations.
      expect(scan.sql.includes(`FROM "OrganisationCountry" oc`)).toBe(Boolean(query.country));
      const run = async (statement: typeof scan) => {
        const [row] = await db.$queryRaw<{ total: bigint; hits: { id: string }[] }[]>(statement);
        return { total: row.total, ids: row.hits.map((hit) => hit.id).sort() };
      };
      const found = await run(indexed);
      expect(found.ids.length).toBeGreaterThan(0);
      expect(await run(scan)).toEqual(found);
    },
  );

  it("reads the table's size and lexeme shares from PostgreSQL's statistics", async () => {
    await db.$executeRaw`ANALYZE "Organisation"`;
    const { rows, shares } = await tableStats();
    const count = await db.organisation.count();
    expect(rows).toBeGreaterThan(count / 2);
    expect(shares.size).toBeGreaterThan(0);
    for (const share of shares.values()) expect(share).toBeGreaterThan(0);
  });
});
