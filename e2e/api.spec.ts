import type { APIResponse } from "@playwright/test";
import { expect, test } from "./factories";
import Ajv2020Module from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import type english from "../messages/en.json";
import { sql } from "./support";

// ajv is CommonJS: under ESM its class is the default export's `default`.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;

const french = JSON.parse(readFileSync(new URL("../messages/fr.json", import.meta.url), "utf8")) as typeof english;

/** The slugs of the published organisations, in id order. */
const publishedSlugs = async () => (await sql<{ slug: string }>(`SELECT slug FROM "Organisation" WHERE status = 'published' ORDER BY id`)).map((row) => row.slug);

/**
 * Runs `read` and returns the organisations published both before and after it, in id order:
 * those it must have seen, whatever other tests added and removed meanwhile.
 */
async function publishedThroughout<T>(read: () => Promise<T>): Promise<[T, string[]]> {
  const before = await publishedSlugs();
  const result = await read();
  const after = new Set(await publishedSlugs());
  return [result, before.filter((slug) => after.has(slug))];
}

test("the list gives published organisations with countries and typed contacts, page by page, each exactly once", async ({ request }) => {
  const [seen, published] = await publishedThroughout(async () => {
    const slugs: string[] = [];
    let url: string | null = "/api/v1/organisations?limit=2";
    while (url) {
      const response: APIResponse = await request.get(url);
      expect(response.status()).toBe(200);
      expect(response.headers()["access-control-allow-origin"]).toBe("*");
      const body: { data: { slug: string }[]; nextUrl: string | null } = await response.json();
      slugs.push(...body.data.map((organisation) => organisation.slug));
      url = body.nextUrl;
    }
    return slugs;
  });
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.filter((slug) => published.includes(slug))).toEqual(published);
  const allo = await (await request.get("/api/v1/organisations/allo-tolerance")).json();
  expect(allo.data).toMatchObject({ slug: "allo-tolerance", name: "Allo-Tolerance", kind: "project", countries: [{ code: "BE", name: "Belgium" }] });
  expect(allo.data.contacts[0]).toEqual({ type: "contact_form", label: null, value: "https://www.allo-tolerance.eu/en/contact" });
});

test("a bad parameter is a 400 that names it, never a 500", async ({ request }) => {
  for (const [query, parameter] of [
    ["kind=spaceship", "kind"],
    ["cursor=not-a-cursor", "cursor"],
    ["limit=0", "limit"],
    ["limit=1000", "limit"],
    ["limit=2&limit=3", "limit"],
    ["colour=blue", "colour"],
    ["country=belgium", "country"],
  ]) {
    const response = await request.get(`/api/v1/organisations?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error.parameter, query).toBe(parameter);
  }
  expect((await request.get("/api/v1/organisations/no-such-organisation")).status()).toBe(404);
});

test("answers carry an ETag, and a repeat with If-None-Match is a 304", async ({ request }) => {
  const first = await request.get("/api/v1/countries");
  const etag = first.headers().etag;
  expect(etag).toBeTruthy();
  expect(first.headers()["cache-control"]).toContain("max-age");
  const again = await request.get("/api/v1/countries", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  const kinds = await (await request.get("/api/v1/kinds")).json();
  expect(kinds.data.map((kind: { kind: string }) => kind.kind)).toContain("government_body");
});

test("the kinds and the countries in a language: ?lang= gives their labels and names in it and says so in Content-Language", async ({ request }) => {
  type Kind = { kind: string; label: string; organisations: number };
  type Country = { code: string; name: string; organisations: number };
  // Without `lang`: English, and no Content-Language, as before the parameter existed.
  const kindsInEnglish = await request.get("/api/v1/kinds");
  expect(kindsInEnglish.status()).toBe(200);
  expect(kindsInEnglish.headers()["content-language"]).toBeUndefined();
  const englishKinds: Kind[] = (await kindsInEnglish.json()).data;
  expect(englishKinds).toContainEqual(expect.objectContaining({ kind: "ngo", label: "Non-governmental organisation" }));

  const kindsInFrench = await request.get("/api/v1/kinds?lang=fr");
  expect(kindsInFrench.status()).toBe(200);
  expect(kindsInFrench.headers()["content-language"]).toBe("fr");
  const frenchKinds: Kind[] = (await kindsInFrench.json()).data;
  // The same kinds in the same order, every label the French message of its kind.
  expect(frenchKinds.map(({ kind }) => kind)).toEqual(englishKinds.map(({ kind }) => kind));
  for (const { kind, label } of frenchKinds) expect(label, kind).toBe(french.Kinds[kind.toUpperCase() as keyof typeof french.Kinds]);
  expect(frenchKinds).toContainEqual(expect.objectContaining({ kind: "ngo", label: "Organisation non gouvernementale" }));
  // Another body, another ETag: the English one does not make the French answer a 304.
  expect(kindsInFrench.headers().etag).not.toBe(kindsInEnglish.headers().etag);
  expect((await request.get("/api/v1/kinds?lang=fr", { headers: { "If-None-Match": kindsInEnglish.headers().etag } })).status()).toBe(200);

  const countriesInEnglish = await request.get("/api/v1/countries");
  expect(countriesInEnglish.headers()["content-language"]).toBeUndefined();
  expect((await countriesInEnglish.json()).data).toContainEqual(expect.objectContaining({ code: "be", name: "Belgium" }));
  const countriesInFrench = await request.get("/api/v1/countries?lang=fr");
  expect(countriesInFrench.status()).toBe(200);
  expect(countriesInFrench.headers()["content-language"]).toBe("fr");
  const frenchCountries: Country[] = (await countriesInFrench.json()).data;
  expect(frenchCountries).toContainEqual(expect.objectContaining({ code: "be", name: "Belgique" }));
  // In French alphabetical order.
  const names = frenchCountries.map(({ name }) => name);
  expect(names).toEqual([...names].sort(new Intl.Collator("fr").compare));
  const etag = countriesInFrench.headers().etag;
  expect(etag).not.toBe(countriesInEnglish.headers().etag);
  expect((await request.get("/api/v1/countries?lang=fr", { headers: { "If-None-Match": etag } })).status()).toBe(304);

  // A language the directory does not have, or one given twice, is a 400 naming `lang`; other parameters are still refused.
  for (const path of ["/api/v1/kinds", "/api/v1/countries"]) {
    for (const [query, parameter] of [
      ["lang=xx", "lang"],
      ["lang=FR", "lang"],
      ["lang=fr&lang=nl", "lang"],
      ["country=be", "country"],
    ]) {
      const response = await request.get(`${path}?${query}`);
      expect(response.status(), `${path}?${query}`).toBe(400);
      expect((await response.json()).error.parameter, `${path}?${query}`).toBe(parameter);
    }
  }
});

test("the CSV is UTF-8 with a BOM and parses back to the published organisations and their contacts", async ({ request }) => {
  const [response, published] = await publishedThroughout(() => request.get("/api/v1/organisations.csv"));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
  const slugs = rows.map((row) => row.slug);
  expect(new Set(slugs).size).toBe(slugs.length);
  expect(slugs.filter((slug) => published.includes(slug))).toEqual(published);
  // Every contact comes back, in its typed column (checked on the seeded Belgian directory, which
  // no test changes; other tests change their own organisations' contacts meanwhile).
  const contacts = await sql<{ slug: string; type: string; n: number }>(
    `SELECT o.slug, c.type::text AS type, count(*)::int AS n FROM "Contact" c JOIN "Organisation" o ON o.id = c."organisationId"
     WHERE o.status = 'published' AND 'BE' = ANY(o."countryCodes") GROUP BY 1, 2`,
  );
  expect(contacts.length).toBeGreaterThan(0);
  const column: Record<string, string> = { email: "emails", phone: "phones", fax: "faxes", address: "addresses", contact_form: "contact_forms" };
  for (const { slug, type, n } of contacts) {
    const row = rows.find((candidate) => candidate.slug === slug)!;
    expect(row[column[type]].split(" | ").filter(Boolean), `${slug} ${type}`).toHaveLength(n);
  }
  const save = rows.find((row) => row.slug === "save-belgium")!;
  expect(save.countries).toBe("be");
  // The export has an ETag too.
  const etag = response.headers().etag;
  expect(etag).toMatch(/^W\//);
  expect((await request.get("/api/v1/organisations.csv", { headers: { "If-None-Match": etag } })).status()).toBe(304);
});

test("every endpoint's real answers match the OpenAPI description it serves", async ({ request }) => {
  const spec = await (await request.get("/api/v1/openapi.json")).json();
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const check = async (path: string, url: string, status: number) => {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(status);
    const schema = spec.paths[path].get.responses[String(status)].content?.["application/json"]?.schema;
    if (!schema) return;
    const validate = ajv.compile({ ...schema, components: spec.components });
    const body = await response.json();
    expect(validate(body) ? [] : validate.errors, url).toEqual([]);
  };
  await check("/api/v1/organisations", "/api/v1/organisations?limit=3", 200);
  await check("/api/v1/organisations", "/api/v1/organisations?country=be&kind=ngo", 200);
  await check("/api/v1/organisations", "/api/v1/organisations?q=tolerance", 200);
  await check("/api/v1/organisations", "/api/v1/organisations?limit=500", 400);
  await check("/api/v1/organisations/{slug}", "/api/v1/organisations/save-belgium", 200);
  await check("/api/v1/organisations/{slug}", "/api/v1/organisations/nothing-here", 404);
  await check("/api/v1/countries", "/api/v1/countries", 200);
  await check("/api/v1/countries", "/api/v1/countries?lang=de", 200);
  await check("/api/v1/countries", "/api/v1/countries?lang=xx", 400);
  await check("/api/v1/kinds", "/api/v1/kinds", 200);
  await check("/api/v1/kinds", "/api/v1/kinds?lang=ro", 200);
  await check("/api/v1/kinds", "/api/v1/kinds?lang=xx", 400);
  await check("/api/v1/organisations.csv", "/api/v1/organisations.csv", 200);
  // Every path of the description was exercised above.
  expect(Object.keys(spec.paths).sort()).toEqual(["/api/v1/countries", "/api/v1/kinds", "/api/v1/organisations", "/api/v1/organisations.csv", "/api/v1/organisations/{slug}"]);
});
