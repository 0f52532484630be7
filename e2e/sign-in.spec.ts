import { expect, test } from "./factories";
import { readFileSync } from "node:fs";
import path from "node:path";
import { accessibilityViolations } from "./axe";
import { freshAddress, postCredentials, signIn, signInAs, sql } from "./support";

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

test("a wrong password gets one clear message, focused, that does not say which part was wrong", async ({ page, make }) => {
  const editor = await make.user("editor");
  await page.goto("/login");
  await signIn(page, editor.email, "not the password");
  const alert = page.getByRole("alert").filter({ hasText: "not correct" });
  await expect(alert).toHaveText("The e-mail address or password is not correct.");
  await expect(alert).toBeFocused();
  await signIn(page, `nobody-${crypto.randomUUID().slice(0, 8)}@prova.test`, "not the password");
  await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toHaveText("The e-mail address or password is not correct.");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page, make }) => {
  await signInAs(page, await make.user("reviewer"));
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("a disabled user's still-valid cookie is refused on the next request", async ({ page, make }) => {
  const editor = await make.user("editor");
  await signInAs(page, editor);
  await sql(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [editor.id]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("an unsafe return address after sign-in is replaced by the dashboard", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2F%2Fevil.example%2F");
  await signIn(page, "admin@prova.test", "prova-demo-admin");
  await expect(page).toHaveURL(/localhost:\d+\/admin$/);
});

test("failed sign-ins from one address are throttled, then refused even with the right password", async ({ page, request }) => {
  const address = freshAddress();
  const run = crypto.randomUUID().slice(0, 8);
  for (let i = 0; i < 10; i++) {
    expect(await postCredentials(request, `nobody-${i}-${run}@prova.test`, "wrong", address)).toBe("CredentialsSignin");
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

test("failed sign-ins for one account are throttled whatever the address", async ({ request, make }) => {
  const { email, password } = await make.user("editor");
  for (let i = 0; i < 10; i++) expect(await postCredentials(request, email, "wrong", freshAddress())).toBe("CredentialsSignin");
  expect(await postCredentials(request, email, password, freshAddress())).toBe("throttled:15");
  // An account that does not exist is throttled the same way, with the same wait.
  const nobody = `nobody-${crypto.randomUUID().slice(0, 8)}@prova.test`;
  for (let i = 0; i < 10; i++) expect(await postCredentials(request, nobody, "wrong", freshAddress())).toBe("CredentialsSignin");
  expect(await postCredentials(request, nobody, password, freshAddress())).toBe("throttled:15");
  const [{ count }] = await sql(`SELECT count(*)::int AS count FROM "AuditEvent" WHERE subject = $1 AND action = 'sign-in.failure'`, [email]);
  expect(count).toBe(10);
});

test("sign out everywhere ends the sessions on other devices too, after a confirmation", async ({ browser, make }) => {
  const admin = await make.user("admin");
  const devices = [await browser.newContext(), await browser.newContext()];
  const [laptop, phone] = await Promise.all(devices.map((context) => context.newPage()));
  for (const page of [laptop, phone]) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
    await signInAs(page, admin);
  }
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByRole("dialog")).toContainText("Sign out on every device where you are signed in, this one included?");
  await laptop.keyboard.press("Escape");
  await expect(laptop.getByRole("dialog")).toHaveCount(0);
  await phone.reload();
  await expect(phone.getByRole("heading", { level: 1, name: `Welcome, ${admin.name}` })).toBeVisible();

  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.getByRole("dialog").getByRole("button", { name: "Sign out on every device" }).click();
  await expect(laptop).toHaveURL(/\/login/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
  for (const context of devices) await context.close();
});

test("every server action posted without a session changes nothing", async ({ page, request, make }) => {
  const reviewer = await make.user("reviewer");
  await signInAs(page, reviewer);
  // What this test can see of the rest: a signed-in user's sessions, and whatever the posts' own address did.
  const address = freshAddress();
  const sessions = () => sql(`SELECT id, "revokedAt" FROM "Session" WHERE "userId" = $1 ORDER BY id`, [reviewer.id]);
  const before = await sessions();
  // Every action of the build, from its server-reference manifest, posted with no cookie.
  const manifest = JSON.parse(
    readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown> }> };
  const actions = Object.entries(manifest.node);
  expect(actions.length).toBeGreaterThan(0);
  for (const [id, { workers }] of actions) {
    const route = Object.keys(workers)[0].replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    const response = await request.post(route, {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(page.url()).origin, "x-forwarded-for": address },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status(), `${id} at ${route}`).toBeLessThan(500);
  }
  expect(await sessions()).toEqual(before);
  const done = await sql<{ action: string }>(`SELECT DISTINCT action FROM "AuditEvent" WHERE address = $1`, [address]);
  expect(done.map((event) => event.action).filter((action) => action !== "access.denied")).toEqual([]);
  expect(await sql(`SELECT 1 FROM "ChangeSet" WHERE "suggesterAddress" = $1`, [address])).toHaveLength(0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${reviewer.name}` })).toBeVisible();
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
