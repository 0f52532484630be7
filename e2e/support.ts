// Helpers shared by the specs: the test database, client addresses, sign-in.
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import type pg from "pg";
import { issueFormToken } from "../lib/security/form-token";
import { deriveKey } from "../lib/security/keys";
import { pgQuery } from "../scripts/lib/pg-client";

/** One statement on the test database (DATABASE_URL). */
export function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return pgQuery<T>(process.env.DATABASE_URL!, text, values);
}

/**
 * A client address of its own for each test, from the documentation range 2001:db8::/32 (the
 * test server trusts one proxy hop, so this X-Forwarded-For entry is the client), so throttling
 * does not spill over.
 */
export const freshAddress = () => {
  const hex = crypto.randomUUID().replace(/-/g, "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}:${hex.slice(16, 20)}:${hex.slice(20, 24)}`;
};

export const demoUsers = {
  admin: { email: "admin@prova.test", password: "prova-demo-admin", name: "Ada Admin" },
  editor: { email: "editor@prova.test", password: "prova-demo-editor", name: "Eddie Editor" },
  reviewer: { email: "reviewer@prova.test", password: "prova-demo-reviewer", name: "Rita Reviewer" },
} as const;

/** Posts credentials the way next-auth's client does (the request context keeps the cookie); returns the error it reports, if any. */
export async function postCredentials(request: APIRequestContext, email: string, password: string, address = freshAddress()) {
  const headers = { "x-forwarded-for": address };
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  const response = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken, email, password, json: "true", redirect: "false", callbackUrl: "/admin" },
  });
  const { url } = await response.json();
  return new URL(url).searchParams.get("error");
}

/** Fills and submits the sign-in form of the current page. */
export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through /login (of the server at `base`, default the test server) and waits for the dashboard. */
export async function signInAs(page: Page, user: { email: string; password: string; name: string }, base = "") {
  await page.goto(`${base}/login`);
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();
}

/** The demo reviewer approves every change of a change set, in a browser of their own (at `baseURL` when given). */
export async function approveAsReviewer(browser: Browser, changeSetId: string, options: { baseURL?: string } = {}) {
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, demoUsers.reviewer, options.baseURL);
  await reviewer.goto(`${options.baseURL ?? ""}/admin/reviews/${changeSetId}`);
  await reviewer.getByRole("button", { name: "Approve the accepted changes" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
  await context.close();
}

/** Submits a change to an organisation through the editor's form; returns the change set's id. */
export async function submitChange(page: Page, organisationSlug: string, edit: (page: Page) => Promise<void>, base = "") {
  const [{ id }] = await sql(`SELECT id FROM "Organisation" WHERE slug = $1`, [organisationSlug]);
  await page.goto(`${base}/admin/organisations/${id}/edit`);
  await edit(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** A signed stamp as the suggestion form carries it, issued ten seconds ago: past the minimum fill time without waiting for it. */
export const oldStamp = () => issueFormToken(deriveKey(process.env.NEXTAUTH_SECRET!, "form-stamp"), Date.now() - 10_000);

/** A stamp issued just now: a form sent with it is quicker than the minimum fill time, however slow the machine. */
export const freshStamp = () => issueFormToken(deriveKey(process.env.NEXTAUTH_SECRET!, "form-stamp"), Date.now());

/** The page's suggestions go out with an old stamp (the form's own was issued when it rendered, a moment ago). */
export async function backdateStamps(page: Page) {
  await page.route(/\/api\/suggestions\?/, (route) =>
    route.continue({ postData: route.request().postData()!.replace(/(name="issued"\r\n\r\n)[^\r]*/, `$1${oldStamp()}`) }),
  );
}

/** A change set of `author` in `status`, on `organisationId` (an update) or new, written straight to the database. */
export async function insertChangeSet(author: { id: string }, status: "draft" | "submitted", organisationId: string | null, name: string): Promise<string> {
  const proposed = { slug: "", name, acronym: null, kind: "OTHER", description: "", website: null, countries: ["MT"], contacts: [], archived: false };
  const [{ id }] = await sql(
    `INSERT INTO "ChangeSet" (id, kind, status, "authorId", "organisationId", proposed, "updatedAt", "submittedAt")
     VALUES (gen_random_uuid(), $1::"ChangeSetKind", $2::"ChangeSetStatus", $3, $4, $5::jsonb, now(), CASE WHEN $2 = 'submitted' THEN now() END) RETURNING id`,
    [organisationId ? "update" : "create", status, author.id, organisationId, JSON.stringify(proposed)],
  );
  return id as string;
}
