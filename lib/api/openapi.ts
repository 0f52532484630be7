// The public read API's description (OpenAPI 3.1), served at /api/v1/openapi.json and rendered
// into docs/api.md by `npm run api:docs`. e2e/api.spec.ts checks real responses against it.
import { locales } from "@/i18n/locales";

const language = { type: "string", enum: [...locales] } as const;

const organisation = {
  type: "object",
  additionalProperties: false,
  required: [
    "slug",
    "name",
    "acronym",
    "kind",
    "description",
    "website",
    "countries",
    "contacts",
    "lastVerifiedAt",
    "lastVerifiedSource",
    "updatedAt",
    "originalLanguage",
    "language",
    "translations",
  ],
  properties: {
    slug: { type: "string", description: "Its address: /{language}/organisations/{slug} on the site (/en/organisations/{slug} in English)." },
    name: { type: "string", description: "In the language asked for (`lang`) when it is translated, else as written." },
    acronym: { type: ["string", "null"] },
    kind: { $ref: "#/components/schemas/Kind" },
    description: { type: "string", description: "Plain text; paragraphs separated by a blank line. In the language asked for (`lang`) when it is translated, else as written." },
    website: { type: ["string", "null"], format: "uri" },
    countries: {
      type: "array",
      description: "Where it works, in order: the first is its home country.",
      items: { type: "object", additionalProperties: false, required: ["code", "name"], properties: { code: { type: "string", pattern: "^[A-Z]{2}$" }, name: { type: "string" } } },
    },
    contacts: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["type", "label", "value"],
        properties: {
          type: { type: "string", enum: ["email", "phone", "fax", "address", "contact_form"] },
          label: { type: ["string", "null"] },
          value: { type: "string", description: "E-mail lower-cased, phone and fax in E.164, contact form as a URL, address as lines." },
        },
      },
    },
    lastVerifiedAt: { type: ["string", "null"], format: "date-time", description: "When the listing was last checked; null when it never was." },
    lastVerifiedSource: {
      type: ["string", "null"],
      enum: ["staff", "organisation", "import", null],
      description: "How it was last checked: by PROVA staff, confirmed by the organisation itself, or from an import; null when it never was.",
    },
    updatedAt: { type: "string", format: "date-time", description: "When the listing's content last changed (a check changes none of it)." },
    originalLanguage: { ...language, description: "The language the name and description were written in." },
    language: { ...language, description: "The language `description` is in, as given." },
    translations: {
      type: "object",
      description: "The name and description in other languages, by language code.",
      propertyNames: language,
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: { name: { type: "string" }, description: { type: "string" } },
      },
    },
  },
} as const;

const error = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["message"], properties: { parameter: { type: "string" }, message: { type: "string" } } } },
} as const;

const json = (schema: object) => ({ content: { "application/json": { schema } } });
/** `{ "data": [item, …] }` */
const dataList = (item: object) => json({ type: "object", additionalProperties: false, required: ["data"], properties: { data: { type: "array", items: item } } });
const badRequest = { description: "A parameter is wrong; `error.parameter` names it.", ...json({ $ref: "#/components/schemas/Error" }) };
const etag = { ETag: { $ref: "#/components/headers/ETag" } };
/** A 200 with its body and the ETag it carries. */
const ok = (description: string, content: object) => ({ description, headers: etag, ...content });
const notModified = { description: "Unchanged since the ETag given in If-None-Match.", headers: etag };
/** The proxy's answer while the database does not answer (lib/health.ts). */
const unavailable = {
  description: "The directory is temporarily unavailable; try again after `Retry-After` seconds.",
  headers: { "Retry-After": { required: true, schema: { type: "string" }, description: "Seconds to wait." } },
  ...json({ $ref: "#/components/schemas/Error" }),
};
const filters = [
  { name: "country", in: "query", schema: { type: "string", pattern: "^[A-Za-z]{2}$" }, description: "ISO 3166-1 alpha-2 code, e.g. be." },
  { name: "kind", in: "query", schema: { $ref: "#/components/schemas/Kind" } },
  { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "Words in the name, acronym or description, in any of its languages (accents ignored)." },
];
/** The language of the names and descriptions given, where they are translated; the answer's Content-Language says it. */
const lang = { name: "lang", in: "query", schema: language, description: "Names and descriptions in this language where they are translated (the answer's `Content-Language`); as written otherwise." };
/** The language of the countries' names and the kinds' labels; the answer's Content-Language says it. */
const countryLang = {
  name: "lang",
  in: "query",
  schema: language,
  description: "Country names in this language, sorted as its readers sort them (the answer's `Content-Language`); the directory's English names otherwise.",
};
const kindLang = { name: "lang", in: "query", schema: language, description: "Labels in this language (the answer's `Content-Language`); English otherwise." };

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "PROVA directory API",
    version: "1.0.0",
    description:
      "Read-only access to the published directory of organisations working against radicalisation and violent extremism. Only published organisations appear; archived ones and pending changes never do. Open to every origin (CORS) and to anonymous callers (no authentication); answers carry an ETag.",
    license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/organisations": {
      get: {
        operationId: "listOrganisations",
        summary: "List published organisations",
        security: [],
        description: "In a stable order, `limit` at a time. Pass the `next` value as `cursor` for the following page; organisations added meanwhile come at the end, so a walk sees each one once.",
        parameters: [
          ...filters,
          { name: "cursor", in: "query", schema: { type: "string", format: "uuid" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
          lang,
        ],
        responses: {
          "200": ok(
            "A page of organisations.",
            json({
              type: "object",
              additionalProperties: false,
              required: ["data", "next", "nextUrl"],
              properties: {
                data: { type: "array", items: { $ref: "#/components/schemas/Organisation" } },
                next: { type: ["string", "null"], description: "The cursor of the next page; null on the last." },
                nextUrl: { type: ["string", "null"] },
              },
            }),
          ),
          "304": notModified,
          "400": badRequest,
          "503": unavailable,
        },
      },
    },
    "/api/v1/organisations/{slug}": {
      get: {
        operationId: "getOrganisation",
        summary: "One published organisation",
        security: [],
        parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }, lang],
        responses: {
          "200": ok("The organisation.", json({ type: "object", additionalProperties: false, required: ["data"], properties: { data: { $ref: "#/components/schemas/Organisation" } } })),
          "304": notModified,
          "308": {
            description: "An old slug: `Location` gives the current address.",
            headers: { Location: { required: true, schema: { type: "string" }, description: "/api/v1/organisations/{the current slug}" } },
          },
          "400": badRequest,
          "404": { description: "No published organisation has this slug.", ...json({ $ref: "#/components/schemas/Error" }) },
          "503": unavailable,
        },
      },
    },
    "/api/v1/organisations.csv": {
      get: {
        operationId: "exportOrganisationsCsv",
        summary: "The published directory as CSV",
        security: [],
        description: "UTF-8 with a BOM, one row per organisation, contacts in typed columns (several joined by ` | `), cells that a spreadsheet would read as a formula prefixed with an apostrophe; `last_verified_at` and `last_verified_source` (staff, organisation, import, or empty) say when and how the listing was last checked. Streamed.",
        parameters: filters,
        responses: { "200": ok("The CSV file.", { content: { "text/csv": { schema: { type: "string" } } } }), "304": notModified, "400": badRequest, "503": unavailable },
      },
    },
    "/api/v1/countries": {
      get: {
        operationId: "listCountries",
        summary: "Countries with published organisations",
        security: [],
        description: "Every country with at least one published organisation, with how many. Without `lang`, English names in alphabetical order; with it, the names in that language, in that language's alphabetical order.",
        parameters: [countryLang],
        responses: {
          "200": ok(
            "Countries by name (in `lang`, else English), with how many organisations.",
            dataList({ type: "object", additionalProperties: false, required: ["code", "name", "organisations"], properties: { code: { type: "string", pattern: "^[a-z]{2}$" }, name: { type: "string" }, organisations: { type: "integer", minimum: 1 } } }),
          ),
          "304": notModified,
          "400": badRequest,
          "503": unavailable,
        },
      },
    },
    "/api/v1/kinds": {
      get: {
        operationId: "listKinds",
        summary: "Kinds of organisation",
        security: [],
        description: "Every kind, in a fixed order, with its label and how many organisations of it are published. Labels are in English unless `lang` asks for another language.",
        parameters: [kindLang],
        responses: {
          "200": ok(
            "Every kind, with its label (in `lang`, else English) and how many are published.",
            dataList({ type: "object", additionalProperties: false, required: ["kind", "label", "organisations"], properties: { kind: { $ref: "#/components/schemas/Kind" }, label: { type: "string" }, organisations: { type: "integer", minimum: 0 } } }),
          ),
          "304": notModified,
          "400": badRequest,
          "503": unavailable,
        },
      },
    },
  },
  components: {
    schemas: {
      Organisation: organisation,
      Kind: { type: "string", enum: ["project", "ngo", "government_body", "security_service", "network", "political_group", "research_education", "other"] },
      Error: error,
    },
    headers: {
      ETag: { required: true, schema: { type: "string" }, description: "This answer's version: send it in If-None-Match to get a 304 while it holds." },
    },
  },
} as const;
