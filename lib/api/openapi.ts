// The public read API's description (OpenAPI 3.1), served at /api/v1/openapi.json and rendered
// into docs/api.md by `npm run api:docs`. e2e/api.spec.ts checks real responses against it.

const organisation = {
  type: "object",
  additionalProperties: false,
  required: ["slug", "name", "acronym", "kind", "description", "website", "countries", "contacts", "lastVerifiedAt", "updatedAt"],
  properties: {
    slug: { type: "string", description: "Its address: /organisations/{slug} on the site." },
    name: { type: "string" },
    acronym: { type: ["string", "null"] },
    kind: { $ref: "#/components/schemas/Kind" },
    description: { type: "string", description: "Plain text; paragraphs separated by a blank line." },
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
    lastVerifiedAt: { type: ["string", "null"], format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
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
const notModified = { description: "Unchanged since the ETag given in If-None-Match." };
const filters = [
  { name: "country", in: "query", schema: { type: "string", pattern: "^[A-Za-z]{2}$" }, description: "ISO 3166-1 alpha-2 code, e.g. be." },
  { name: "kind", in: "query", schema: { $ref: "#/components/schemas/Kind" } },
  { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "Words in the name, acronym or description (accents ignored)." },
];

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "PROVA directory API",
    version: "1.0.0",
    description:
      "Read-only access to the published directory of organisations working against radicalisation and violent extremism. Only published organisations appear; archived ones and pending changes never do. Open to every origin (CORS); answers carry an ETag.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/organisations": {
      get: {
        summary: "List published organisations",
        description: "In a stable order, `limit` at a time. Pass the `next` value as `cursor` for the following page; organisations added meanwhile come at the end, so a walk sees each one once.",
        parameters: [
          ...filters,
          { name: "cursor", in: "query", schema: { type: "string", format: "uuid" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
        ],
        responses: {
          "200": {
            description: "A page of organisations.",
            ...json({
              type: "object",
              additionalProperties: false,
              required: ["data", "next", "nextUrl"],
              properties: {
                data: { type: "array", items: { $ref: "#/components/schemas/Organisation" } },
                next: { type: ["string", "null"], description: "The cursor of the next page; null on the last." },
                nextUrl: { type: ["string", "null"] },
              },
            }),
          },
          "304": notModified,
          "400": badRequest,
        },
      },
    },
    "/api/v1/organisations/{slug}": {
      get: {
        summary: "One published organisation",
        parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The organisation.", ...json({ type: "object", additionalProperties: false, required: ["data"], properties: { data: { $ref: "#/components/schemas/Organisation" } } }) },
          "304": notModified,
          "308": { description: "An old slug: `Location` gives the current address." },
          "404": { description: "No published organisation has this slug.", ...json({ $ref: "#/components/schemas/Error" }) },
        },
      },
    },
    "/api/v1/organisations.csv": {
      get: {
        summary: "The published directory as CSV",
        description: "UTF-8 with a BOM, one row per organisation, contacts in typed columns (several joined by ` | `), cells that a spreadsheet would read as a formula prefixed with an apostrophe. Streamed.",
        parameters: filters,
        responses: { "200": { description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } }, "304": notModified, "400": badRequest },
      },
    },
    "/api/v1/countries": {
      get: {
        summary: "Countries with published organisations",
        responses: {
          "200": {
            description: "Countries by name, with how many organisations.",
            ...dataList({ type: "object", additionalProperties: false, required: ["code", "name", "organisations"], properties: { code: { type: "string", pattern: "^[a-z]{2}$" }, name: { type: "string" }, organisations: { type: "integer", minimum: 1 } } }),
          },
          "304": notModified,
          "400": badRequest,
        },
      },
    },
    "/api/v1/kinds": {
      get: {
        summary: "Kinds of organisation",
        responses: {
          "200": {
            description: "Every kind, with its label and how many are published.",
            ...dataList({ type: "object", additionalProperties: false, required: ["kind", "label", "organisations"], properties: { kind: { $ref: "#/components/schemas/Kind" }, label: { type: "string" }, organisations: { type: "integer", minimum: 0 } } }),
          },
          "304": notModified,
          "400": badRequest,
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
  },
} as const;
