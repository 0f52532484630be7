// Property-based tests (fast-check): arbitrary input at every public route, the search, the API,
// the suggestion endpoint and every server action. Never a 5xx, never a stack trace; a refusal is
// a 4xx (or, for a form, the form again) with a message, and nothing is stored by a refusal.
import { readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test, type TestUser } from "./factories";
import fc from "fast-check";
import { issueFormToken } from "../lib/security/form-token";
import { deriveKey } from "../lib/security/keys";
import { freshAddress, postCredentials, sql } from "./support";

const runs = Number(process.env.HOSTILE_RUNS ?? 40);

/** Strings people and scripts send: control characters, lone surrogates, markup, SQL, long runs, right-to-left text. */
const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\u202eevil",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "' OR 1=1 --",
    "%_\\",
    "=HYPERLINK(\"http://evil\")",
    "😀".repeat(500),
    "a".repeat(70_000),
  ),
);

/** Any bytes, percent-encoded: invalid UTF-8 and encoded surrogates included. */
const encodedBytes = fc.uint8Array({ maxLength: 60 }).map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join(""));
/**
 * A path segment: any text, NUL and control characters included, percent-encoded as UTF-8, or
 * escapes that are no UTF-8 at all (server.js escapes those again before Next's router, which
 * answers them with a bare 500).
 */
const pathSegment = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 60 }).map((value) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "")) || "x"),
  encodedBytes.filter(Boolean),
  fc.constantFrom("%", "%ZZ", "%C3%28", "%ED%A0%80", "%00", "..", "%2e%2e", "%2F", "a%2Fb"),
);
const queryValue = fc.oneof(encodedBytes, hostileString.filter((value) => value.length < 2_000).map((value) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ""))));

/** What every answer carries, whatever was asked (next.config.js, proxy.ts, server.js). */
function expectSecurityHeaders(headers: Record<string, string>, label: string) {
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["content-security-policy"], label).toMatch(/frame-ancestors 'none'/);
}

const stackTrace = /\bat .+\.(js|ts):\d+|PrismaClient|DriverAdapterError|invalid byte sequence|TypeError:/;

async function expectClean(response: { status(): number; text(): Promise<string> }, label: string) {
  const status = response.status();
  const body = await response.text();
  expect(status, label).toBeLessThan(500);
  expect(body, label).not.toMatch(stackTrace);
  return { status, body };
}

test("public pages, the search and the read API answer any parameters and paths without an error", async ({ request }) => {
  test.setTimeout(240_000);
  await fc.assert(
    fc.asyncProperty(queryValue, queryValue, queryValue, queryValue, pathSegment, encodedBytes, async (q, country, kind, page, segment, cursor) => {
      const address = { "x-forwarded-for": freshAddress() };
      const urls = [
        `/en/search?q=${q}&country=${country}&kind=${kind}&page=${page}`,
        `/en/search?q=${q}&q=${country}`,
        `/en/organisations/${segment}`,
        `/en/countries/${segment}`,
        `/en/countries/be/page/${segment}`,
        `/en/countries/be/from/${segment}`,
        `/api/v1/organisations?q=${q}&country=${country}&kind=${kind}&limit=${page}&cursor=${cursor}`,
        `/api/v1/organisations/${segment}`,
        `/api/v1/organisations.csv?country=${country}&kind=${kind}`,
      ];
      for (const url of urls) {
        const { status, body } = await expectClean(await request.get(url, { headers: address, maxRedirects: 0 }), url);
        // The API names what is wrong.
        if (url.startsWith("/api/") && status >= 400) expect(JSON.parse(body).error.message, url).toBeTruthy();
      }
    }),
    { numRuns: runs },
  );
});

test("the suggestion endpoint refuses anything malformed with a message, and stores nothing when it refuses", async ({ request }) => {
  test.setTimeout(240_000);
  const secret = process.env.NEXTAUTH_SECRET!;
  const fieldNames = fc.constantFrom("name", "acronym", "kind", "description", "website", "countries", "contacts", "note", "organisationId", "suggesterName", "suggesterEmail", "status", "__proto__", "contacts.0.type", "contacts.0.value", "countries.0");
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fieldNames, hostileString, { maxKeys: 8 }), fc.boolean(), async (fields, stamped) => {
      // Each post from an address of its own: what it stored is what carries that address.
      const address = freshAddress();
      const multipart: Record<string, string> = { ...fields };
      if (stamped) multipart.issued = issueFormToken(deriveKey(secret, "form-stamp"), Date.now() - 10_000);
      const response = await request.post("/api/suggestions", { headers: { "x-forwarded-for": address }, multipart });
      const { status, body } = await expectClean(response, JSON.stringify(Object.keys(fields)));
      expect([201, 400, 404, 409, 413, 422, 429], body).toContain(status);
      const answer = JSON.parse(body) as { message?: string; errors?: Record<string, string[]> };
      if (status >= 400) {
        expect(answer.message ?? Object.values(answer.errors ?? {}).flat()[0], body).toBeTruthy();
        expect(await sql(`SELECT 1 FROM "ChangeSet" WHERE "suggesterAddress" = $1`, [address])).toHaveLength(0);
      }
    }),
    { numRuns: runs },
  );
  // Bodies that are not a form at all, and a megabyte.
  for (const data of ["{", "\u0000\u0001", "a=%ZZ", "x".repeat(1_000_000)]) {
    const { status } = await expectClean(
      await request.post("/api/suggestions", { headers: { "x-forwarded-for": freshAddress(), "content-type": "application/x-www-form-urlencoded" }, data }),
      `body ${data.slice(0, 10)}`,
    );
    expect(status).toBeGreaterThanOrEqual(400);
  }
});

/**
 * What `admin` and the given addresses did: audit events beyond signing in or out and refusals, and change
 * sets they wrote, proposed or decided. Every write of lib/data is audited or is a change set.
 */
async function writtenBy(admin: TestUser, addresses: string[]) {
  const events = await sql<{ action: string }>(
    `SELECT DISTINCT action FROM "AuditEvent" WHERE ("actorId" = $1 OR address = ANY($2)) AND action NOT LIKE 'sign-%' AND action <> 'access.denied'`,
    [admin.id, addresses],
  );
  const changes = await sql(`SELECT id FROM "ChangeSet" WHERE "authorId" = $1 OR "decidedById" = $1 OR "suggesterAddress" = ANY($2)`, [admin.id, addresses]);
  return { events: events.map((event) => event.action), changes: changes.length };
}

test("every server action, given arbitrary fields by a signed-in admin, answers without an error and stores nothing", async ({ make }) => {
  test.setTimeout(300_000);
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  const address = freshAddress();
  const admin = await make.user("admin");
  const context: APIRequestContext = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  expect(await postCredentials(context, admin.email, admin.password, address)).toBeNull();
  const origin = new URL(test.info().project.use.baseURL!).origin;
  // signOutEverywhere takes no input at all: posting it would only sign this test out.
  const actions = Object.entries(manifest.node).filter(([, action]) => action.exportedName !== "signOutEverywhere");
  const refusedWithMessage = new Set<string>();
  try {
    for (const [id, action] of actions) {
      const route = Object.keys(action.workers)[0].replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "").replace(/\[[^\]]+\]/g, "00000000-0000-7000-8000-000000000000");
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.stringMatching(/^[\w.[\]-]{0,20}$/), hostileString, { maxKeys: 6 }), async (fields) => {
          // The encoding React uses for a form posted to an action: fields prefixed "1_", "$K1" in the arguments.
          const multipart: Record<string, string> = { "0": '["$K1"]' };
          for (const [name, value] of Object.entries(fields)) multipart[`1_${name}`] = value;
          const response = await context.post(route, { headers: { "Next-Action": id, Origin: origin }, multipart, maxRedirects: 0 });
          const { body } = await expectClean(response, `${action.exportedName} ${JSON.stringify(Object.keys(fields))}`);
          if (/cannot be set here|Check the|is not|must|Nothing was saved/i.test(body)) refusedWithMessage.add(action.exportedName);
        }),
        { numRuns: Math.max(5, Math.round(runs / 4)) },
      );
    }
  } finally {
    await context.dispose();
  }
  expect(await writtenBy(admin, [address])).toEqual({ events: [], changes: 0 });
  // The input reached the actions, which said what was wrong.
  expect(refusedWithMessage.size).toBeGreaterThanOrEqual(Math.ceil(actions.length / 2));
});

test("every route of the build, signed in or not, answers any method, path and query below 500, with the security headers, and stores nothing", async ({ make }) => {
  test.setTimeout(300_000);
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const routes = [...new Set(Object.values(manifest))];
  expect(routes).toContain("/admin/organisations/[id]/edit");
  const baseURL = test.info().project.use.baseURL!;
  const addresses = [freshAddress(), freshAddress()];
  const account = await make.user("admin");
  const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": addresses[0] } });
  const admin = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": addresses[1] } });
  expect(await postCredentials(admin, account.email, account.password, addresses[1])).toBeNull();
  const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
  const body = fc.oneof(fc.constant(undefined), hostileString, fc.constant("x".repeat(100_000)));
  const field = fc.dictionary(fc.oneof(fc.stringMatching(/^[\w.[\]-]{0,20}$/), fc.constantFrom("__proto__", "constructor", "$ACTION_ID_x", "q", "q")), hostileString, { maxKeys: 4 });
  try {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), method, pathSegment, pathSegment, queryValue, body, field, fc.boolean(), async (route, verb, segment, rest, query, data, fields, signedIn) => {
        // Dynamic segments get hostile values; a catch-all gets two segments.
        const pathname = route.replace(/\[\.\.\.[^\]]+\]/g, `${segment}/${rest}`).replace(/\[[^\]]+\]/g, segment);
        const url = `${pathname}?q=${query}&${query}=1&q=${segment}`;
        const context = signedIn ? admin : anonymous;
        const options = data === undefined ? (Object.keys(fields).length ? { form: fields } : {}) : { data, headers: { "content-type": "application/x-www-form-urlencoded" } };
        const response = await context.fetch(url, { method: verb, maxRedirects: 0, ...options });
        const label = `${verb} ${url.slice(0, 200)}`;
        await expectClean(response, label);
        expectSecurityHeaders(response.headers(), label);
        if (response.status() === 405) expect(response.headers()["allow"], label).toBeTruthy();
      }),
      { numRuns: runs * 8 },
    );
  } finally {
    await Promise.all([anonymous.dispose(), admin.dispose()]);
  }
  expect(await writtenBy(account, addresses)).toEqual({ events: [], changes: 0 });
});
