// Every admin page, server action and route handler against every role, with the expected
// outcome written down here. The pages, actions and route handlers are read from the build, so
// a new one that is missing from these tables fails the suite.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test, type Factory, type TestUser } from "./factories";
import { readFileSync } from "node:fs";
import path from "node:path";
import { demoUsers, freshAddress, postCredentials, sql } from "./support";

const roles = ["anonymous", "editor", "reviewer", "admin"] as const;
type Role = (typeof roles)[number];
/** allow: served; login: sent to sign in; forbidden: the 403 page; denied: a form error, nothing done; notfound: a 404 that does not confirm it exists. */
type Outcome = "allow" | "login" | "forbidden" | "denied" | "notfound";
type Row = Record<Role, Outcome>;

const signedIn: Row = { anonymous: "login", editor: "allow", reviewer: "allow", admin: "allow" };
const adminOnlyPage: Row = { anonymous: "login", editor: "forbidden", reviewer: "forbidden", admin: "allow" };
const adminOnlyAction: Row = { anonymous: "login", editor: "denied", reviewer: "denied", admin: "allow" };
const reviewersPage: Row = { anonymous: "login", editor: "forbidden", reviewer: "allow", admin: "allow" };
const reviewersAction: Row = { anonymous: "login", editor: "denied", reviewer: "allow", admin: "allow" };
const anyone: Row = { anonymous: "allow", editor: "allow", reviewer: "allow", admin: "allow" };
/** A change set is seen by its author only (the editor's, here). */
const authorOnly: Row = { anonymous: "login", editor: "allow", reviewer: "notfound", admin: "notfound" };

/** Admin pages by route, with the address to fetch and text only an allowed viewer may see. */
const pages: Record<string, Row & { url: (editor: TestUser) => Promise<string>; shows: string }> = {
  "/admin": { ...signedIn, url: async () => "/admin", shows: "Welcome," },
  "/admin/users": { ...adminOnlyPage, url: async () => "/admin/users", shows: "reviewer@prova.test" },
  "/admin/audit": { ...adminOnlyPage, url: async () => "/admin/audit", shows: "sign-in.success" },
  "/admin/jobs": { ...adminOnlyPage, url: async () => "/admin/jobs", shows: "Mail that could not be delivered" },
  "/admin/signed-in": { ...signedIn, url: async () => "/admin/signed-in", shows: "You are signed in again" },
  "/admin/organisations": { ...signedIn, url: async () => "/admin/organisations", shows: "Allo-Tolerance" },
  "/admin/contacts": { ...signedIn, url: async () => "/admin/contacts?q=allo-tolerance", shows: "allo-tolerance.eu" },
  "/admin/links": { ...signedIn, url: async () => "/admin/links", shows: "Every website and contact form the directory publishes is checked" },
  "/admin/duplicates": { ...signedIn, url: async () => "/admin/duplicates", shows: "The list is refreshed every night." },
  "/admin/due": { ...signedIn, url: async () => "/admin/due", shows: "Overdue listings come first" },
  "/admin/account": { ...signedIn, url: async () => "/admin/account", shows: "the mail you want from the directory" },
  "/admin/organisations/new": { ...signedIn, url: async () => "/admin/organisations/new", shows: "It is listed once a reviewer approves it." },
  "/admin/organisations/[id]/edit": {
    ...signedIn,
    url: async () => `/admin/organisations/${(await sql(`SELECT id FROM "Organisation" WHERE slug = 'allo-tolerance'`))[0].id}/edit`,
    shows: "Your changes are saved as a draft",
  },
  "/admin/organisations/[id]/history": {
    ...signedIn,
    url: async () => `/admin/organisations/${(await sql(`SELECT id FROM "Organisation" WHERE slug = 'allo-tolerance'`))[0].id}/history`,
    shows: "Loaded with the directory",
  },
  "/admin/changes/[id]": { ...authorOnly, url: (editor) => editorsChangeSet(editor), shows: "Matrix Draft Organisation" },
  // A change waiting for review is previewed by all staff (a draft only by its author).
  "/admin/changes/[id]/preview": { ...signedIn, url: async (editor) => `${await editorsChangeSet(editor)}/preview`, shows: "This is how the page will look once the change is approved." },
  // With a change of the test's own in the queue (other tests empty theirs at any moment).
  "/admin/reviews": { ...reviewersPage, url: async (editor) => (await editorsChangeSet(editor), "/admin/reviews"), shows: "Changes waiting for review" },
  "/admin/imports": { ...signedIn, url: async () => "/admin/imports", shows: "Import a spreadsheet" },
  "/admin/imports/[id]": { ...signedIn, url: (editor) => editorsImport(editor), shows: "matrix-import.csv" },
  "/admin/reviews/[id]": { ...reviewersPage, url: async (editor) => (await editorsChangeSet(editor)).replace("/admin/changes/", "/admin/reviews/"), shows: "Matrix Draft Organisation" },
};

/** A submitted change set of the test's editor. */
async function editorsChangeSet(editor: TestUser) {
  const [{ id }] = await sql(
    `INSERT INTO "ChangeSet" (id, kind, status, "authorId", proposed, "updatedAt", "submittedAt")
     VALUES (gen_random_uuid(), 'create', 'submitted', $2, $1::jsonb, now(), now()) RETURNING id`,
    [
      JSON.stringify({ slug: "matrix-draft", name: "Matrix Draft Organisation", acronym: null, kind: "OTHER", description: "", website: null, countries: ["MT"], contacts: [], archived: false }),
      editor.id,
    ],
  );
  return `/admin/changes/${id}`;
}

/** A checked import of the test's editor. */
async function editorsImport(editor: TestUser) {
  const [{ id }] = await sql(
    `INSERT INTO "ImportBatch" (id, "authorId", "fileName", "fileSize", settings, status, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'matrix-import.csv', 10, '{}', 'checked', now()) RETURNING id`,
    [editor.id],
  );
  return `/admin/imports/${id}`;
}

/** Server actions, by file and export. */
const actions: Record<string, Row> = {
  "lib/actions/users.ts#inviteUser": adminOnlyAction,
  "lib/actions/users.ts#changeRole": adminOnlyAction,
  "lib/actions/users.ts#setDisabled": adminOnlyAction,
  "lib/actions/users.ts#resetPassword": adminOnlyAction,
  "lib/actions/users.ts#signOutUserEverywhere": adminOnlyAction,
  "lib/actions/jobs.ts#retryJob": adminOnlyAction,
  "lib/actions/password.ts#setPassword": anyone,
  "lib/actions/organisations.ts#saveOrganisation": signedIn,
  "lib/actions/organisations.ts#withdrawChange": signedIn,
  "lib/actions/organisations.ts#proposeArchiving": signedIn,
  "lib/actions/organisations.ts#verifyOrganisation": signedIn,
  "lib/actions/organisations.ts#findSimilar": signedIn,
  "lib/actions/organisations.ts#previewValues": signedIn,
  "lib/actions/organisations.ts#autosaveOrganisation": signedIn,
  "lib/actions/organisations.ts#discardChange": signedIn,
  "lib/actions/reviews.ts#decide": reviewersAction,
  "lib/actions/reviews.ts#adopt": reviewersAction,
  "lib/actions/imports.ts#changeImportSettingsAction": signedIn,
  "lib/actions/imports.ts#sendImportAction": signedIn,
  "lib/actions/imports.ts#decideImportAction": reviewersAction,
  "lib/actions/organisations.ts#restoreRevision": signedIn,
  "lib/actions/links.ts#draftLinkChange": signedIn,
  "lib/actions/duplicates.ts#dismissDuplicate": signedIn,
  "lib/actions/confirmations.ts#requestConfirmationAction": signedIn,
  "lib/actions/confirmations.ts#requestDueConfirmationsAction": signedIn,
  // The link in the organisation's message is the proof, not a session.
  "lib/actions/confirmations.ts#confirmListingAction": anyone,
  "lib/actions/confirmations.ts#unsubscribeAction": anyone,
  "lib/actions/confirmations.ts#askForNewLinkAction": anyone,
  "lib/actions/confirmations.ts#askForNewLinkByEmailAction": anyone,
  // Says a sign-in refusal in the sign-in page's language: reads and changes nothing.
  "lib/actions/sign-in.ts#signInErrorText": anyone,
  "lib/actions/confirmations.ts#liftSuppressionAction": signedIn,
  "lib/actions/account.ts#saveNotificationSettings": signedIn,
  "lib/actions/account.ts#saveLanguage": signedIn,
  // Posted last for each role: it ends that role's session.
  "lib/actions/sessions.ts#signOutEverywhere": signedIn,
};

/** Route handlers: the status each role gets for a plain request (the same for all, or by role). */
const staffRoute = (staff: number) => ({ anonymous: 401, editor: staff, reviewer: staff, admin: staff });
const routes: Record<string, { method: "GET" | "POST"; path: string; status: number | Record<Role, number> }[]> = {
  "/api/auth/[...nextauth]": [
    { method: "GET", path: "/api/auth/csrf", status: 200 },
    { method: "GET", path: "/api/auth/session", status: 200 },
    { method: "GET", path: "/api/auth/providers", status: 200 },
  ],
  // A bearer token, never a session: signed-in staff get 401 like everyone else.
  "/api/revalidate": [{ method: "POST", path: "/api/revalidate", status: 401 }],
  "/sitemap.xml": [{ method: "GET", path: "/sitemap.xml", status: 200 }],
  "/sitemaps/sitemap/[file]": [{ method: "GET", path: "/sitemaps/sitemap/pages.xml", status: 200 }],
  // Public by design; a JSON body is not a form.
  "/api/suggestions": [{ method: "POST", path: "/api/suggestions", status: 400 }],
  // One-click unsubscription from a mail client: the link is the proof; a made-up one is not found.
  "/api/unsubscribe/[token]": [{ method: "POST", path: "/api/unsubscribe/not-a-token", status: 404 }],
  // Bounces from the mail system: a bearer token, never a session.
  "/api/bounces": [{ method: "POST", path: "/api/bounces", status: 401 }],
  // The public read API: the same for everyone, signed in or not.
  "/api/v1/organisations": [{ method: "GET", path: "/api/v1/organisations", status: 200 }],
  "/api/v1/organisations/[slug]": [{ method: "GET", path: "/api/v1/organisations/allo-tolerance", status: 200 }],
  "/api/v1/organisations.csv": [{ method: "GET", path: "/api/v1/organisations.csv", status: 200 }],
  "/api/v1/countries": [{ method: "GET", path: "/api/v1/countries", status: 200 }],
  "/api/v1/kinds": [{ method: "GET", path: "/api/v1/kinds", status: 200 }],
  "/api/v1/openapi.json": [{ method: "GET", path: "/api/v1/openapi.json", status: 200 }],
  // Staff only, by session. A body without a file goes back to the upload form (a plain form's
  // answer; a script asking for JSON gets a 400); a made-up import is not found.
  "/api/imports": [{ method: "POST", path: "/api/imports", status: staffRoute(303) }],
  "/api/imports/[id]/errors": [{ method: "GET", path: "/api/imports/00000000-0000-4000-8000-000000000000/errors", status: staffRoute(404) }],
  "/api/export": [{ method: "GET", path: "/api/export?format=csv", status: staffRoute(200) }],
};

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const manifest = (name: string) => JSON.parse(readFileSync(path.join(distDir, "server", name), "utf8"));
/** "/(admin)/admin/users/page" → "/admin/users" */
const routePath = (entry: string) => entry.replace(/\/\([^)]+\)/g, "").replace(/\/(page|route)$/, "") || "/";

const contexts = new Map<Role, APIRequestContext>();
// Accounts of the test's own, one per role: the server-action test signs each of them out everywhere.
const users = new Map<Role, TestUser>();
const addresses = new Map<Role, string>();

async function signInEveryRole(make: Factory) {
  for (const role of roles) {
    addresses.set(role, freshAddress());
    const context = await playwrightRequest.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { "x-forwarded-for": addresses.get(role)! },
    });
    contexts.set(role, context);
    if (role !== "anonymous") {
      const user = await make.user(role);
      users.set(role, user);
      expect(await postCredentials(context, user.email, user.password)).toBeNull();
    }
  }
}

test.afterEach(async () => {
  for (const context of contexts.values()) await context.dispose();
  contexts.clear();
  users.clear();
  addresses.clear();
});

test("the tables name every admin page, server action and route handler of the build", () => {
  const appPaths = Object.keys(manifest("app-paths-manifest.json"));
  const adminPages = appPaths.filter((entry) => entry.startsWith("/(admin)/") && entry.endsWith("/page")).map(routePath);
  expect(adminPages.sort()).toEqual(Object.keys(pages).sort());
  const handlers = appPaths.filter((entry) => entry.endsWith("/route")).map(routePath);
  const expectedHandlers = [...Object.keys(routes), "/robots.txt", "/favicon.ico"];
  expect(handlers.sort()).toEqual(expectedHandlers.sort());
  const built = Object.values(manifest("server-reference-manifest.json").node as Record<string, { filename: string; exportedName: string }>);
  expect(built.map((action) => `${action.filename}#${action.exportedName}`).sort()).toEqual(Object.keys(actions).sort());
});

for (const [route, expected] of Object.entries(pages)) {
  test(`page ${route}: as a document and as an RSC request`, async ({ make }) => {
    await signInEveryRole(make);
    const pagePath = await expected.url(users.get("editor")!);
    for (const role of roles) {
      const context = contexts.get(role)!;
      const document = await context.get(pagePath, { maxRedirects: 0 });
      const rsc = await context.get(`${pagePath}${pagePath.includes("?") ? "&" : "?"}_rsc=`, { headers: { RSC: "1" }, maxRedirects: 0 });
      const documentBody = await document.text();
      const rscBody = await rsc.text();
      const outcome = expected[role];
      const label = `${pagePath} as ${role}`;
      if (outcome === "allow") {
        expect(document.status(), label).toBe(200);
        expect(documentBody, label).toContain(expected.shows);
        expect(rscBody, label).toContain(expected.shows);
      } else {
        if (outcome === "login") {
          expect(document.status(), label).toBe(307);
          expect(document.headers().location, label).toMatch(/^\/login\?callbackUrl=/);
          expect(rscBody, label).toContain("NEXT_REDIRECT;replace;/login?callbackUrl=");
        } else if (outcome === "forbidden") {
          expect(document.status(), label).toBe(403);
          expect(documentBody, label).toContain("You do not have access to this page");
          expect(rscBody, label).toContain("NEXT_HTTP_ERROR_FALLBACK;403");
        } else {
          expect(document.status(), label).toBe(404);
          expect(rscBody, label).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
        }
        expect(documentBody, label).not.toContain(expected.shows);
        expect(rscBody, label).not.toContain(expected.shows);
      }
      // x-middleware-subrequest (CVE-2025-29927) changes nothing.
      const bypass = await context.get(pagePath, { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }, maxRedirects: 0 });
      expect(bypass.status(), `${label} with x-middleware-subrequest`).toBe(document.status());
    }
  });
}

test("route handlers answer each role as the table says", async ({ make }) => {
  await signInEveryRole(make);
  for (const role of roles) {
    const context = contexts.get(role)!;
    if (role !== "anonymous") expect((await context.get("/admin", { maxRedirects: 0 })).status(), `${role} is signed in`).toBe(200);
    for (const entries of Object.values(routes)) {
      for (const { method, path: routePathname, status } of entries) {
        const response = method === "GET" ? await context.get(routePathname, { maxRedirects: 0 }) : await context.post(routePathname, { data: { tags: ["organisations"] }, maxRedirects: 0 });
        expect(response.status(), `${method} ${routePathname} as ${role}`).toBe(typeof status === "number" ? status : status[role]);
      }
    }
  }
});

test("server actions: each role gets what the table says, and nothing changes on a refusal", async ({ make }) => {
  await signInEveryRole(make);
  const built = Object.entries(manifest("server-reference-manifest.json").node as Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>);
  // signOutEverywhere ends the session it is posted with: last.
  built.sort(([, a], [, b]) => Number(a.exportedName === "signOutEverywhere") - Number(b.exportedName === "signOutEverywhere"));
  const ours = [...users.values()].map((user) => user.id);
  const accounts = () => sql(`SELECT email, role, "disabledAt", "sessionVersion" FROM "User" WHERE id = ANY($1::uuid[]) ORDER BY email`, [ours]);
  const before = await accounts();
  for (const role of roles) {
    const context = contexts.get(role)!;
    for (const [id, action] of built) {
      const key = `${action.filename}#${action.exportedName}`;
      // Posted where a user would post it: the shortest page that renders it.
      const route = Object.keys(action.workers)
        .map((worker) => routePath(worker.replace(/^app/, "")))
        .sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")) || a.length - b.length)[0];
      const response = await context.post(route, {
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(test.info().project.use.baseURL!).origin },
        data: "[]",
        maxRedirects: 0,
      });
      const body = await response.text();
      const outcome: Outcome = body.includes("Your session has ended") ? "login" : body.includes("Your role does not allow this. Nothing was saved.") ? "denied" : "allow";
      const label = `${key} as ${role}`;
      expect(response.status(), label).toBeLessThan(500);
      expect(outcome, label).toBe(actions[key][role]);
    }
  }
  // signOutEverywhere did its work for every signed-in role.
  for (const role of roles.filter((role) => role !== "anonymous")) {
    expect((await contexts.get(role)!.get("/admin", { maxRedirects: 0 })).status(), `${role} signed out everywhere`).toBe(307);
  }
  // Allowed calls got no valid input, refused ones were refused: no account changed.
  expect(await accounts()).toEqual(before);
  const denials = await sql(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'access.denied' AND subject LIKE 'action:users.%' AND ("actorId" = ANY($1::uuid[]) OR address = ANY($2))`,
    [ours, [...addresses.values()]],
  );
  expect(denials[0].n).toBeGreaterThanOrEqual(15);
});

test("state-changing requests from another site are refused, including Origin: null", async ({ request }) => {
  const context = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  expect(await postCredentials(context, demoUsers.admin.email, demoUsers.admin.password)).toBeNull();
  const [id] = Object.entries(manifest("server-reference-manifest.json").node as Record<string, { exportedName: string }>).find(([, action]) => action.exportedName === "inviteUser")!;
  const email = `csrf-${crypto.randomUUID().slice(0, 8)}@prova.test`;
  for (const origin of ["https://evil.example", "null"]) {
    const response = await context.post("/admin/users", {
      headers: { "Next-Action": id, Origin: origin },
      multipart: { "1_email": email, "1_name": "Cross Site", "1_role": "ADMIN", "0": '["$K1"]' },
      maxRedirects: 0,
    });
    expect(response.status(), origin).toBe(403);
    // next-auth's endpoints and the revalidation hook too.
    expect((await context.post("/api/auth/signout", { headers: { Origin: origin }, form: { csrfToken: "x" } })).status(), origin).toBe(403);
    expect((await request.post("/api/revalidate", { headers: { Origin: origin, authorization: `Bearer ${process.env.NEXTAUTH_SECRET}` }, data: { tags: ["organisations"] } })).status(), origin).toBe(403);
  }
  expect(await sql(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(0);
  // The session is intact: nothing signed it out.
  expect((await context.get("/admin", { maxRedirects: 0 })).status()).toBe(200);
  await context.dispose();
});

test("sign-in answers an unknown e-mail and a wrong password identically", async ({ request, make }) => {
  const editor = await make.user("editor");
  const address = freshAddress();
  const answer = async (email: string) => {
    const headers = { "x-forwarded-for": address };
    const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
    const response = await request.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken, email, password: "wrong password here", json: "true", redirect: "false", callbackUrl: "/admin" },
    });
    return { status: response.status(), body: await response.text() };
  };
  const unknown = await answer(`nobody-${crypto.randomUUID().slice(0, 8)}@prova.test`);
  const known = await answer(editor.email);
  expect(known).toEqual(unknown);
});

test("idle and absolute timeouts end a session on its next request", async ({ make }) => {
  const reviewer = await make.user("reviewer");
  for (const column of [`"lastSeenAt" = now() - interval '31 minutes'`, `"createdAt" = now() - interval '12 hours 1 minute'`]) {
    const context = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
    expect(await postCredentials(context, reviewer.email, reviewer.password)).toBeNull();
    expect((await context.get("/admin", { maxRedirects: 0 })).status()).toBe(200);
    const [{ id }] = await sql(`SELECT id FROM "Session" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [reviewer.id]);
    await sql(`UPDATE "Session" SET ${column} WHERE id = $1`, [id]);
    expect((await context.get("/admin", { maxRedirects: 0 })).status(), column).toBe(307);
    await context.dispose();
  }
});
