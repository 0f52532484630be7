// The read API against its own OpenAPI document: every operation the document lists (a new one is
// covered without a change here), called with parameter values made from its schemas, valid and
// invalid, and unknown parameters. Every answer must be one the document describes: a documented
// status, its required headers, a documented content type and a body that matches the schema
// (lib/api/contract.ts checks, with ajv; its unit test shows what it catches).
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./factories";
import fc from "fast-check";
import { createContract, harvest, requestPath, type Answer, type OpenApiDocument, type Operation } from "../lib/api/contract";
import { openapi } from "../lib/api/openapi";
import { freshAddress, sql } from "./support";

const runs = Number(process.env.CONTRACT_RUNS ?? 25);
const contract = createContract(openapi as unknown as OpenApiDocument);

async function send(request: APIRequestContext, operation: Operation, values: Record<string, string>, headers: Record<string, string> = {}) {
  const url = requestPath(operation, values);
  const response = await request.fetch(url, { method: operation.method, headers: { "x-forwarded-for": freshAddress(), ...headers }, maxRedirects: 0 });
  const answer: Answer = { status: response.status(), headers: response.headers(), body: await response.text() };
  return { url, answer };
}

// An old slug of a published organisation, so that the redirect is exercised too (the seed has none).
const oldSlug = `contract-old-${crypto.randomUUID().slice(0, 8)}`;
test.beforeAll(async () => {
  await sql(`INSERT INTO "SlugRedirect" (slug, "organisationId") SELECT $1, id FROM "Organisation" WHERE status = 'published' ORDER BY id LIMIT 1`, [oldSlug]);
});
test.afterAll(async () => {
  await sql(`DELETE FROM "SlugRedirect" WHERE slug = $1`, [oldSlug]);
});

/** Real values for path parameters: whatever the operations without path parameters answer under the same name (slugs from the list). */
async function knownPathValues(request: APIRequestContext): Promise<Record<string, string[]>> {
  const names = [...new Set(contract.operations.flatMap(({ parameters }) => parameters.filter((parameter) => parameter.in === "path").map(({ name }) => name)))];
  const known: Record<string, string[]> = Object.fromEntries(names.map((name) => [name, name === "slug" ? [oldSlug] : []]));
  for (const operation of contract.operations.filter(({ parameters }) => !parameters.some((parameter) => parameter.in === "path"))) {
    const { answer } = await send(request, operation, {});
    if (!answer.headers["content-type"]?.includes("json")) continue;
    const body = JSON.parse(answer.body);
    for (const name of names) known[name].push(...harvest(body, name).slice(0, 20));
  }
  return known;
}

test("the document the server serves is the one these tests read", async ({ request }) => {
  const served = await request.get("/api/v1/openapi.json", { headers: { "x-forwarded-for": freshAddress() } });
  expect(served.status()).toBe(200);
  expect(await served.json()).toEqual(JSON.parse(JSON.stringify(openapi)));
});

for (const operation of contract.operations) {
  test(`${operation.operationId} (${operation.method} ${operation.path}) answers as its document says, to valid and invalid parameters`, async ({ request }) => {
    test.setTimeout(180_000);
    const known = await knownPathValues(request);
    const names = operation.parameters.map(({ name }) => name);
    // Valid values for every parameter: path parameters from real data or made from the schema, query parameters sometimes left out.
    const pathValues = operation.parameters
      .filter((parameter) => parameter.in === "path")
      .map((parameter) =>
        fc
          .oneof(
            ...(known[parameter.name]?.length ? [fc.record({ value: fc.constantFrom(...known[parameter.name]), known: fc.constant(true) })] : []),
            fc.record({ value: contract.validValue(parameter), known: fc.constant(false) }),
          )
          .map((choice) => ({ name: parameter.name, ...choice })),
      );
    const queryValues = fc.record(Object.fromEntries(operation.parameters.filter((parameter) => parameter.in === "query").map((parameter) => [parameter.name, contract.validValue(parameter)])), {
      requiredKeys: [],
    });
    // Then, maybe, one value made wrong: an invalid value for one parameter, or a parameter the document does not list.
    const invalidOnes = operation.parameters.flatMap((parameter) => {
      const invalid = contract.invalidValue(parameter);
      return invalid ? [invalid.map((value) => ({ kind: "invalid" as const, name: parameter.name, value }))] : [];
    });
    const unknown = fc.record({
      kind: fc.constant("unknown" as const),
      name: fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/).filter((name) => !names.includes(name)),
      value: fc.string({ maxLength: 20 }),
    });
    // About half the requests are valid.
    const change = fc.oneof({ arbitrary: fc.constant({ kind: "valid" as const, name: "", value: "" }), weight: invalidOnes.length + 1 }, unknown, ...invalidOnes);

    await fc.assert(
      fc.asyncProperty(fc.tuple(...pathValues), queryValues, change, async (path, query, { kind, name, value }) => {
        const values: Record<string, string> = { ...(query as Record<string, string>), ...Object.fromEntries(path.map((choice) => [choice.name, choice.value])) };
        if (kind !== "valid") values[name] = value;
        const { url, answer } = await send(request, operation, values);
        expect(contract.check(operation, answer), `${operation.method} ${url}`).toEqual([]);
        if (kind === "valid" && path.every((choice) => choice.known)) expect(answer.status, `${operation.method} ${url}`).toBeLessThan(400);
        if (kind === "invalid") expect(answer.status, `${operation.method} ${url}`).toBeGreaterThanOrEqual(400);
        // A refused parameter is named (docs: "`error.parameter` names it").
        if (kind !== "valid" && answer.status === 400) expect(JSON.parse(answer.body).error.parameter, `${operation.method} ${url}`).toBe(name);
        // The same request with the ETag it got is a documented 304.
        if (answer.status === 200 && answer.headers.etag) {
          const again = await send(request, operation, values, { "if-none-match": answer.headers.etag });
          expect(again.answer.status, `${operation.method} ${url} with If-None-Match`).toBe(304);
          expect(contract.check(operation, again.answer), `${operation.method} ${url} with If-None-Match`).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
  });
}
