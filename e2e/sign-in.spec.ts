import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { accessibilityViolations } from "./axe";
import { createTempUser, freshAddress, postCredentials, signIn, sql } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

test("the admin area sends a signed-out visitor to sign in, and back afterwards", async ({ page }) => {
  await page.goto("/admin?tab=mine");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%3Ftab%3Dmine$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await signIn(page, "editor@prova.test", "prova-demo-editor");
  await expect(page).toHaveURL(/\/admin\?tab=mine$/);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Eddie Editor" })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("a wrong password gets one clear message, focused, that does not say which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "editor@prova.test", "not the password");
  const alert = page.getByRole("alert").filter({ hasText: "not correct" });
  await expect(alert).toHaveText("The e-mail address or password is not correct.");
  await expect(alert).toBeFocused();
  await signIn(page, "nobody@prova.test", "not the password");
  await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toHaveText("The e-mail address or password is not correct.");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "reviewer@prova.test", "prova-demo-reviewer");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Rita Reviewer" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("a disabled user's still-valid cookie is refused on the next request", async ({ page }) => {
  const email = `temp-${Date.now()}@prova.test`;
  await createTempUser(email, "Temp Editor");
  try {
    await page.goto("/login");
    await signIn(page, email, "prova-demo-editor");
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Temp Editor" })).toBeVisible();
    await sql(`UPDATE "User" SET "disabledAt" = now() WHERE email = $1`, [email]);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await sql(`DELETE FROM "User" WHERE email = $1`, [email]);
  }
});

test("an unsafe return address after sign-in is replaced by the dashboard", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2F%2Fevil.example%2F");
  await signIn(page, "admin@prova.test", "prova-demo-admin");
  await expect(page).toHaveURL(/localhost:\d+\/admin$/);
});

test("failed sign-ins from one address are throttled, then refused even with the right password", async ({ page, request }) => {
  const address = freshAddress();
  for (let i = 0; i < 10; i++) {
    expect(await postCredentials(request, `nobody-${i}@prova.test`, "wrong", address)).toBe("CredentialsSignin");
  }
  // Ten failures: wait 15 minutes after the last (LOGIN_WINDOW_MINUTES), and the answer says so.
  expect(await postCredentials(request, "editor@prova.test", "prova-demo-editor", address)).toBe("throttled:15");
  // Another address is not affected.
  expect(await postCredentials(request, "editor@prova.test", "prova-demo-editor", freshAddress())).toBeNull();

  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  await page.goto("/login");
  await signIn(page, "editor@prova.test", "prova-demo-editor");
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText("Too many failed sign-ins. Try again in 15 minutes.");
});

test("failed sign-ins for one account are throttled whatever the address", async ({ request }) => {
  const email = `target-${Date.now()}@prova.test`;
  await createTempUser(email, "Target");
  try {
    for (let i = 0; i < 10; i++) expect(await postCredentials(request, email, "wrong", freshAddress())).toBe("CredentialsSignin");
    expect(await postCredentials(request, email, "prova-demo-editor", freshAddress())).toBe("throttled:15");
    // An account that does not exist is throttled the same way, with the same wait.
    const nobody = `nobody-${Date.now()}@prova.test`;
    for (let i = 0; i < 10; i++) expect(await postCredentials(request, nobody, "wrong", freshAddress())).toBe("CredentialsSignin");
    expect(await postCredentials(request, nobody, "prova-demo-editor", freshAddress())).toBe("throttled:15");
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM "AuditEvent" WHERE subject = $1 AND action = 'sign-in.failure'`, [email]);
    expect(count).toBe(10);
  } finally {
    await sql(`DELETE FROM "User" WHERE email = $1`, [email]);
  }
});

test("sign out everywhere ends the sessions on other devices too, after a confirmation", async ({ browser }) => {
  const devices = [await browser.newContext(), await browser.newContext()];
  const [laptop, phone] = await Promise.all(devices.map((context) => context.newPage()));
  for (const page of [laptop, phone]) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
    await page.goto("/login");
    await signIn(page, "admin@prova.test", "prova-demo-admin");
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Ada Admin" })).toBeVisible();
  }
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByRole("dialog")).toContainText("Sign out on every device where you are signed in, this one included?");
  await laptop.keyboard.press("Escape");
  await expect(laptop.getByRole("dialog")).toHaveCount(0);
  await phone.reload();
  await expect(phone.getByRole("heading", { level: 1, name: "Welcome, Ada Admin" })).toBeVisible();

  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.getByRole("dialog").getByRole("button", { name: "Sign out on every device" }).click();
  await expect(laptop).toHaveURL(/\/login/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
  for (const context of devices) await context.close();
});

test("every server action posted without a session changes nothing", async ({ page, request }) => {
  await page.goto("/login");
  await signIn(page, "reviewer@prova.test", "prova-demo-reviewer");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Rita Reviewer" })).toBeVisible();
  const count = async () => (await sql(`SELECT count(*)::int AS count FROM "Session" WHERE "revokedAt" IS NULL`))[0].count;
  const before = await count();
  // Every action of the build, from its server-reference manifest, posted with no cookie.
  const manifest = JSON.parse(
    readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown> }> };
  const actions = Object.entries(manifest.node);
  expect(actions.length).toBeGreaterThan(0);
  for (const [id, { workers }] of actions) {
    const route = Object.keys(workers)[0].replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    const response = await request.post(route, {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(page.url()).origin },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status(), `${id} at ${route}`).toBeLessThan(500);
  }
  expect(await count()).toBe(before);
});

test("the audit log is for admins only and lists sign-ins", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2Fadmin%2Faudit");
  await signIn(page, "editor@prova.test", "prova-demo-editor");
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  expect((await page.request.get("/admin/audit")).status()).toBe(403);
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto("/login?callbackUrl=%2Fadmin%2Faudit");
  await signIn(page, "admin@prova.test", "prova-demo-admin");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Events", { exact: true }).selectOption("sign-in");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/action=sign-in/);
  await expect(page.getByRole("row").filter({ hasText: "sign-in.success" }).filter({ hasText: "admin@prova.test" }).first()).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
