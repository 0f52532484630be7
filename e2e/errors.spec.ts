import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./factories";
import { demoUsers, freshAddress, postCredentials, signIn, signInAs, sql } from "./support";

// Exclusive: renaming a column of a shared table breaks every other request for that moment.
test("an unexpected server error shows a generic page with a reference, never the details", { tag: "@exclusive" }, async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(page, demoUsers.admin);
  // A real fault: the audit table's column is gone for a moment.
  await sql(`ALTER TABLE "AuditEvent" RENAME COLUMN "subject" TO "subject_hidden"`);
  try {
    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
    const reference = await page.locator("main code").textContent();
    expect(reference).toMatch(/^\d+$/);
    // Neither PostgreSQL's message nor Prisma's reaches the browser.
    const html = await page.content();
    expect(html).not.toMatch(/does not exist|Invalid `|prisma\.|AuditEvent|at async/);
  } finally {
    await sql(`ALTER TABLE "AuditEvent" RENAME COLUMN "subject_hidden" TO "subject"`);
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
});

/** A browser with JavaScript off, its own client address, and signed in as `user` when given. */
async function withoutJavaScript(browser: Browser, user?: { email: string; password: string }) {
  const address = freshAddress();
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": address } });
  if (user) expect(await postCredentials(context.request, user.email, user.password, address)).toBeNull();
  return { context, page: await context.newPage() };
}

/** What every error page shows as server-rendered HTML: the language, the site header, the message, a way back. */
async function expectWholePage(page: Page, heading: string, wayBack: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("banner").getByRole("link", { name: "PROVA directory" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: wayBack })).toBeVisible();
}

test("with JavaScript off, a 404 on a cached public page is a whole page: header, message, a way back", async ({ browser }) => {
  const { context, page } = await withoutJavaScript(browser);
  for (const path of ["/en/organisations/does-not-exist", "/en/countries/xx", "/en/countries/be/page/1", "/en/countries/be/from/no-such-organisation"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expectWholePage(page, "Page not found", "Go to the directory's home page");
    await expect(page.locator('meta[name="robots"]').first(), path).toHaveAttribute("content", /noindex/);
    // A second request comes from the ISR cache, still a 404 with the same page.
    const again = await page.goto(path);
    expect(again?.status(), `${path} again`).toBe(404);
    await expectWholePage(page, "Page not found", "Go to the directory's home page");
  }
  await context.close();
});

test("with JavaScript off, an address that matches no route is a whole 404 page", async ({ browser }) => {
  const { context, page } = await withoutJavaScript(browser);
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expectWholePage(page, "Page not found", "Go to the directory's home page");
  await context.close();
});

// Pages rendered per request get an empty document from Next for notFound() and forbidden();
// server.js fills in the message (lib/error-shell.js).
test("with JavaScript off, a 404 on an admin page is a whole page", async ({ browser }) => {
  const { context, page } = await withoutJavaScript(browser, demoUsers.admin);
  const response = await page.goto(`/admin/organisations/${crypto.randomUUID()}/edit`);
  expect(response?.status()).toBe(404);
  await expectWholePage(page, "Page not found", "Go to the directory's home page");
  await context.close();
});

test("with JavaScript off, a 403 on an admin page is a whole page", async ({ browser }) => {
  const { context, page } = await withoutJavaScript(browser, demoUsers.editor);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expectWholePage(page, "You do not have access to this page", "Back to the dashboard");
  await context.close();
});

test("with JavaScript on, the 403 page has the site header and a way back", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(page, demoUsers.editor);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expectWholePage(page, "You do not have access to this page", "Back to the dashboard");
});

test("the site has a favicon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\//);
  expect((await response.body()).length).toBeGreaterThan(0);
});

test("with JavaScript off, signing in works, back to the page asked for, and a wrong password says so", async ({ browser }) => {
  const { context, page } = await withoutJavaScript(browser);
  await page.goto("/login?callbackUrl=%2Fadmin%2Forganisations");
  // A first visit goes once through next-auth for its CSRF cookie, then the form carries the token.
  const token = page.locator('input[name="csrfToken"]');
  await expect(token).toHaveValue(/^[0-9a-f]{64}$/);
  await signIn(page, demoUsers.admin.email, "not the password");
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByRole("alert")).toHaveText("The e-mail address or password is not correct.");
  await expect(token).toHaveValue(/^[0-9a-f]{64}$/);
  await signIn(page, demoUsers.admin.email, demoUsers.admin.password);
  await expect(page).toHaveURL(/\/admin\/organisations$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});

test("with cookies refused, the sign-in page says what is needed instead of going round in circles", async ({ playwright, baseURL }) => {
  // A browser that refuses cookies comes back from next-auth's sign-in address (which would have
  // set the CSRF cookie) without one. A request context that sends none is that browser.
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  try {
    const first = await (await request.get("/login")).text();
    expect(first).toContain('http-equiv="refresh"');
    const back = await (await request.get(`/login?callbackUrl=${encodeURIComponent(`${baseURL}/admin`)}`, { maxRedirects: 0 })).text();
    expect(back).toContain("Signing in needs a cookie from this site.");
    expect(back).not.toContain('http-equiv="refresh"');
    expect(back).toMatch(/name="csrfToken" value=""/);
  } finally {
    await request.dispose();
  }
});

test("the suggestion forms run under their policy without a violation (zod without its JIT)", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  const reported: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const found: string[] = [];
    Object.assign(window, { __violations: found });
    document.addEventListener("securitypolicyviolation", (event) => found.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  for (const path of ["/en/suggest", "/en/organisations/allo-tolerance/suggest"]) {
    await page.goto(path, { waitUntil: "load" });
    // The form's script runs (the schemas are built): typing updates the character count.
    await page.getByLabel("Description", { exact: true }).fill("abc");
    await expect(page.getByText(/^3 of [\d,]+ characters$/)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), path).toEqual([]);
  }
  expect(reported).toEqual([]);
});
