import { expect, test } from "./factories";
import { freshAddress, postCredentials, signIn, signInAs, sql } from "./support";

// A disabled account is told so after its right password, and only then: a wrong password gets
// the answer an unknown e-mail gets.

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

test("a disabled account with the right password is told to ask an administrator; with a wrong one, what anyone is told", async ({ page, request, make }) => {
  const editor = await make.user("editor");
  await sql(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [editor.id]);

  await page.goto("/login");
  await signIn(page, editor.email, editor.password);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("Your account is disabled; ask an administrator.");
  await expect(alert).toBeFocused();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, editor.email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The e-mail address or password is not correct.");
  await signIn(page, `nobody-${crypto.randomUUID().slice(0, 8)}@prova.test`, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The e-mail address or password is not correct.");

  // The same answers through next-auth's endpoint, which the form without JavaScript posts to.
  expect(await postCredentials(request, editor.email, editor.password)).toBe("disabled");
  expect(await postCredentials(request, editor.email, "not the password")).toBe("CredentialsSignin");
  expect(await postCredentials(request, `nobody-${crypto.randomUUID().slice(0, 8)}@prova.test`, "not the password")).toBe("CredentialsSignin");
});

test("someone disabled while signed in is sent to sign in, and then told why they cannot", async ({ page, make }) => {
  const editor = await make.user("editor");
  await signInAs(page, editor);
  await sql(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [editor.id]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, editor.email, editor.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Your account is disabled; ask an administrator.");
});

test("without JavaScript, the sign-in page says the same", async ({ browser, make }) => {
  const editor = await make.user("editor");
  await sql(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [editor.id]);
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, editor.email, editor.password);
  await expect(page).toHaveURL(/\/login\?.*error=disabled/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Your account is disabled; ask an administrator.");
  await context.close();
});
