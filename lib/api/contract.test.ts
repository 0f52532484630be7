import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseApiQuery } from "@/lib/validation/public-api";
import { createContract, harvest, requestPath, type Answer, type OpenApiDocument } from "./contract";
import { openapi } from "./openapi";

const contract = createContract(openapi as unknown as OpenApiDocument);
const operation = (operationId: string) => contract.operations.find((candidate) => candidate.operationId === operationId)!;

const organisation = {
  slug: "save-belgium",
  name: "SAVE Belgium",
  acronym: null,
  kind: "ngo",
  description: "Parents of young people who left for Syria.",
  website: "https://save-belgium.org/",
  countries: [{ code: "BE", name: "Belgium" }],
  contacts: [{ type: "email", label: null, value: "info@save-belgium.org" }],
  lastVerifiedAt: null,
  lastVerifiedSource: null,
  updatedAt: "2025-05-01T10:00:00.000Z",
  originalLanguage: "en",
  language: "en",
  translations: { nl: { description: "Ouders van jongeren die naar Syrië vertrokken." } },
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: JSON.stringify(body),
});

describe("the operations of the document", () => {
  it("are every method of every path, with their parameters", () => {
    expect(contract.operations.map(({ method, path, operationId }) => `${method} ${path} ${operationId}`)).toEqual([
      "GET /api/v1/organisations listOrganisations",
      "GET /api/v1/organisations/{slug} getOrganisation",
      "GET /api/v1/organisations.csv exportOrganisationsCsv",
      "GET /api/v1/countries listCountries",
      "GET /api/v1/kinds listKinds",
    ]);
    expect(operation("listOrganisations").parameters.map(({ name }) => name)).toEqual(["country", "kind", "q", "cursor", "limit", "lang"]);
    expect(operation("getOrganisation").parameters).toEqual([expect.objectContaining({ name: "slug", in: "path" }), expect.objectContaining({ name: "lang", in: "query" })]);
    // The lists of countries and kinds take the language of their names and labels, and nothing else.
    for (const operationId of ["listCountries", "listKinds"]) {
      expect(operation(operationId).parameters, operationId).toEqual([expect.objectContaining({ name: "lang", in: "query", schema: expect.objectContaining({ enum: ["en", "fr", "nl", "de", "it", "es", "ro"] }) })]);
    }
  });
});

describe("an answer the document describes", () => {
  it.each<[string, string, Answer]>([
    ["listOrganisations", "a page", json(200, { data: [organisation], next: null, nextUrl: null }, { etag: '"abc"' })],
    ["listOrganisations", "a refusal naming the parameter", json(400, { error: { parameter: "limit", message: "Use a whole number from 1 to 100." } })],
    ["listOrganisations", "not modified", { status: 304, headers: { etag: '"abc"' }, body: "" }],
    ["listOrganisations", "the database away", json(503, { error: { message: "Temporarily unavailable." } }, { "retry-after": "5" })],
    ["getOrganisation", "one organisation", json(200, { data: organisation }, { etag: '"abc"' })],
    ["getOrganisation", "an old slug", { status: 308, headers: { location: "/api/v1/organisations/save-belgium" }, body: "" }],
    ["getOrganisation", "no such slug", json(404, { error: { message: "No published organisation has this slug." } })],
    ["exportOrganisationsCsv", "the CSV", { status: 200, headers: { "content-type": "text/csv; charset=utf-8", etag: 'W/"abc"' }, body: "\ufeffslug,name\r\n" }],
    ["listKinds", "the kinds", json(200, { data: [{ kind: "ngo", label: "NGO", organisations: 0 }] }, { etag: '"abc"' })],
    ["listKinds", "the kinds in French", json(200, { data: [{ kind: "ngo", label: "Organisation non gouvernementale", organisations: 0 }] }, { etag: '"abc"', "content-language": "fr" })],
    ["listCountries", "the countries", json(200, { data: [{ code: "be", name: "Belgium", organisations: 3 }] }, { etag: '"abc"' })],
    ["listCountries", "the countries in German", json(200, { data: [{ code: "be", name: "Belgien", organisations: 3 }] }, { etag: '"abc"', "content-language": "de" })],
  ])("%s: %s passes", (operationId, _, answer) => {
    expect(contract.check(operation(operationId), answer)).toEqual([]);
  });
});

describe("an answer the document does not describe", () => {
  it.each<[string, string, Answer, string]>([
    ["listOrganisations", "a 500", json(500, { error: { message: "boom" } }), "status 500 is not documented"],
    ["getOrganisation", "a 401 it does not list", json(401, { error: { message: "who?" } }), "status 401 is not documented"],
    ["listOrganisations", "a 200 without its ETag", json(200, { data: [], next: null, nextUrl: null }), "header ETag is missing"],
    ["getOrganisation", "a redirect without Location", { status: 308, headers: {}, body: "" }, "header Location is missing"],
    ["listOrganisations", "a 503 without Retry-After", json(503, { error: { message: "later" } }), "header Retry-After is missing"],
    ["getOrganisation", "an HTML 404", { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: "<p>Not found</p>" }, "Content-Type text/html is not documented"],
    ["getOrganisation", "a 404 with no Content-Type", { status: 404, headers: {}, body: "Not found" }, "no Content-Type"],
    ["listOrganisations", "a 304 with a body", { status: 304, headers: { etag: '"abc"' }, body: "{}" }, "a body (2 characters) where the document has none"],
    ["listOrganisations", "a body that is not JSON", { status: 200, headers: { "content-type": "application/json", etag: '"abc"' }, body: "{data:" }, "the body is not JSON"],
    ["listOrganisations", "a missing field", json(200, { data: [organisation], next: null }, { etag: '"e"' }), "body (root) must have required property 'nextUrl'"],
    ["listOrganisations", "a field of the wrong type", json(200, { data: [{ ...organisation, name: 42 }], next: null, nextUrl: null }, { etag: '"e"' }), "body /data/0/name must be string"],
    ["getOrganisation", "a field the document lacks", json(200, { data: { ...organisation, status: "published" } }, { etag: '"e"' }), "body /data must NOT have additional properties"],
    [
      "getOrganisation",
      "a kind outside the enum",
      json(200, { data: { ...organisation, kind: "spaceship" } }, { etag: '"e"' }),
      "body /data/kind must be equal to one of the allowed values (project, ngo,",
    ],
    ["getOrganisation", "a date that is not a date-time", json(200, { data: { ...organisation, updatedAt: "yesterday" } }, { etag: '"e"' }), 'body /data/updatedAt must match format "date-time"'],
    ["getOrganisation", "a website that is not a URI", json(200, { data: { ...organisation, website: "not a uri" } }, { etag: '"e"' }), 'body /data/website must match format "uri"'],
    ["listCountries", "a country code in capitals", json(200, { data: [{ code: "BE", name: "Belgium", organisations: 1 }] }, { etag: '"e"' }), 'body /data/0/code must match pattern "^[a-z]{2}$"'],
    ["exportOrganisationsCsv", "JSON instead of CSV", json(200, [], { etag: '"e"' }), "Content-Type application/json is not documented"],
  ])("%s: %s is a problem", (operationId, _, answer, problem) => {
    const problems = contract.check(operation(operationId), answer);
    expect(
      problems.some((message) => message.includes(problem)),
      problems.join("\n"),
    ).toBe(true);
  });
});

describe("parameter values made from the document", () => {
  const parameters = contract.operations.flatMap(({ operationId, parameters }) => parameters.map((parameter) => [`${operationId} ${parameter.name}`, parameter] as const));

  it.each(parameters)("%s: the valid ones conform, the invalid ones do not", (_, parameter) => {
    fc.assert(
      fc.property(contract.validValue(parameter), (value) => {
        expect(contract.checkParameter(parameter, value)).toEqual([]);
      }),
    );
    const invalid = contract.invalidValue(parameter);
    if (invalid)
      fc.assert(
        fc.property(invalid, (value) => {
          expect(contract.checkParameter(parameter, value)).not.toEqual([]);
        }),
      );
  });

  it("never give a path segment that a URL resolves away", () => {
    fc.assert(
      fc.property(contract.validValue(operation("getOrganisation").parameters[0]), (slug) => {
        expect(["", ".", ".."]).not.toContain(slug);
      }),
    );
  });

  it("a string without constraints has no invalid values", () => {
    expect(contract.invalidValue(operation("getOrganisation").parameters[0])).toBeNull();
  });
});

// The route handlers read their query with parseApiQuery, given the names the document lists:
// what the document allows it takes, and what the document refuses it refuses, naming the parameter.
describe("the API's query parser agrees with the document", () => {
  const queryOperations = contract.operations.filter((candidate) => candidate.parameters.every((parameter) => parameter.in === "query"));

  it.each(queryOperations.map((candidate) => [candidate.operationId, candidate] as const))("%s", (_, queryOperation) => {
    const names = queryOperation.parameters.map(({ name }) => name);
    const valid = fc.record(Object.fromEntries(queryOperation.parameters.map((parameter) => [parameter.name, contract.validValue(parameter)])), { requiredKeys: [] });
    fc.assert(
      fc.property(valid, (values) => {
        const parsed = parseApiQuery(new URLSearchParams(values as Record<string, string>), names);
        expect("parameter" in parsed ? parsed : null).toBeNull();
      }),
      { numRuns: 300 },
    );
    for (const parameter of queryOperation.parameters) {
      const invalid = contract.invalidValue(parameter);
      if (!invalid) continue;
      fc.assert(
        fc.property(valid, invalid, (values, value) => {
          const parsed = parseApiQuery(new URLSearchParams({ ...(values as Record<string, string>), [parameter.name]: value }), names);
          expect("parameter" in parsed && parsed.parameter).toBe(parameter.name);
        }),
      );
    }
  });

  it.each(["listCountries", "listKinds"])("%s: takes a language of the directory and refuses any other, naming `lang`", (operationId) => {
    const names = operation(operationId).parameters.map(({ name }) => name);
    expect(parseApiQuery(new URLSearchParams({ lang: "fr" }), names)).toMatchObject({ lang: "fr" });
    expect(parseApiQuery(new URLSearchParams(), names)).not.toHaveProperty("lang");
    for (const lang of ["xx", "FR", "fr-BE", "zz", ""]) expect(parseApiQuery(new URLSearchParams({ lang }), names), lang).toMatchObject({ parameter: "lang" });
    expect(parseApiQuery(new URLSearchParams({ lang: "fr", country: "be" }), names)).toMatchObject({ parameter: "country" });
  });
});

describe("harvest", () => {
  it("finds every string under a key, at any depth", () => {
    expect(harvest({ data: [{ slug: "a", countries: [{ slug: "b" }] }, { slug: 3 }], next: { slug: "c" } }, "slug")).toEqual(["a", "b", "c"]);
    expect(harvest("slug", "slug")).toEqual([]);
  });
});

describe("requestPath", () => {
  it("fills path parameters percent-encoded and puts the rest in the query", () => {
    expect(requestPath(operation("getOrganisation"), { slug: "a b/ç" })).toBe("/api/v1/organisations/a%20b%2F%C3%A7");
    expect(requestPath(operation("listOrganisations"), { q: "a&b", limit: "5" })).toBe("/api/v1/organisations?q=a%26b&limit=5");
    expect(requestPath(operation("listCountries"), {})).toBe("/api/v1/countries");
    expect(requestPath(operation("listKinds"), { lang: "fr" })).toBe("/api/v1/kinds?lang=fr");
  });
});
