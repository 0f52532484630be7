import type { Page } from "@playwright/test";
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { demoUsers, freshAddress, signIn, signInAs, sql } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

const unique = () => crypto.randomUUID().slice(0, 8);

/** Creates an account through /admin/users (signed in as the demo admin); returns its set-password link. */
async function createAccount(page: Page, email: string, name: string, role: "EDITOR" | "REVIEWER" | "ADMIN") {
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("E-mail address").fill(email);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`Account created for ${email}.`);
  return form.getByLabel(`Set-password link for ${email}`).inputValue();
}

const account = (page: Page, name: string) => page.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });

test("an admin creates an account; the person sets a password through the one-time link and signs in", async ({ page, browser }) => {
  const email = `new-${unique()}@prova.test`;
  const name = `Nora ${unique()}`;
  await signInAs(page, demoUsers.admin);
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Bad input: every message at its field, nothing created.
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("E-mail address").fill("not an address");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("alert")).toHaveText("Check the highlighted fields.");
  await expect(form.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("E-mail address")).toHaveValue("not an address");
  await expect(form.locator("#field-name-error")).toHaveText("Enter the person's name.");

  const link = await createAccount(page, email, name, "REVIEWER");
  expect(link).toMatch(/\/set-password\/[\w-]{40,}$/);
  await expect(account(page, name)).toContainText("no password yet");

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { level: 1, name: "Choose a password" })).toBeVisible();
  expect(await accessibilityViolations(newcomer)).toEqual([]);
  await newcomer.getByLabel("New password", { exact: true }).fill("password1234");
  await newcomer.getByLabel("New password again").fill("something else entirely");
  await newcomer.getByRole("button", { name: "Set password" }).click();
  await expect(newcomer.locator("#field-password-error")).toHaveText("This password is too common. Choose one that is harder to guess.");
  await expect(newcomer.locator("#field-confirm-error")).toHaveText("The two passwords are not the same.");
  await expect(newcomer.getByLabel("New password", { exact: true })).toHaveValue("");

  await newcomer.getByLabel("New password", { exact: true }).fill("quiet lanterns over the harbour");
  await newcomer.getByLabel("New password again").fill("quiet lanterns over the harbour");
  await newcomer.getByRole("button", { name: "Set password" }).click();
  await expect(newcomer.getByRole("status")).toHaveText("Your password is set. Sign in with it now.");
  await expect(newcomer.getByLabel("E-mail address")).toHaveValue(email);
  await newcomer.getByLabel("Password").fill("quiet lanterns over the harbour");
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: `Welcome, ${name}` })).toBeVisible();

  // The link worked once.
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await context.close();
  await sql(`DELETE FROM "User" WHERE email = $1`, [email]);
});

test("role change, disabling and reset take effect on the user's very next request", async ({ page, browser }) => {
  const email = `managed-${unique()}@prova.test`;
  const name = `Manny ${unique()}`;
  await signInAs(page, demoUsers.admin);
  const link = await createAccount(page, email, name, "EDITOR");

  const context = await browser.newContext();
  const user = await context.newPage();
  await user.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await user.goto(link);
  await user.getByLabel("New password", { exact: true }).fill("a walk along the canal");
  await user.getByLabel("New password again").fill("a walk along the canal");
  await user.getByRole("button", { name: "Set password" }).click();
  await signIn(user, email, "a walk along the canal");
  await expect(user.getByText(`(editor)`)).toBeVisible();

  const row = account(page, name);
  await row.getByLabel(`Role of ${name}`).selectOption("REVIEWER");
  await row.getByRole("button", { name: `Change role of ${name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${name} is now reviewer.`);
  // A role change ends the sessions: the next request asks to sign in again.
  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, email, "a walk along the canal");
  await expect(user.getByText(`(reviewer)`)).toBeVisible();

  // Destructive actions ask first, in a dialog whose button names what it does.
  await row.getByRole("button", { name: `Disable ${name}` }).click();
  await expect(row.getByRole("dialog")).toContainText(`Disable ${name} (${email})?`);
  await row.getByRole("dialog").getByRole("button", { name: `Disable ${name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${name} is disabled and signed out.`);
  await expect(row).toContainText("disabled");
  await user.reload();
  await expect(user).toHaveURL(/\/login/);

  await row.getByRole("button", { name: `Enable ${name}` }).click();
  await row.getByRole("dialog").getByRole("button", { name: `Enable ${name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${name} can sign in again.`);
  await signIn(user, email, "a walk along the canal");
  await expect(user.getByRole("heading", { level: 1, name: `Welcome, ${name}` })).toBeVisible();

  await row.getByRole("button", { name: `Reset password of ${name}` }).click();
  await row.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("dialog")).toHaveCount(0);
  await user.reload();
  await expect(user.getByRole("heading", { level: 1, name: `Welcome, ${name}` })).toBeVisible();
  await row.getByRole("button", { name: `Reset password of ${name}` }).click();
  await row.getByRole("dialog").getByRole("button", { name: `Reset password of ${name}` }).click();
  await expect(row.getByLabel(`Set-password link for ${email}`)).toHaveValue(/\/set-password\//);
  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, email, "a walk along the canal");
  await expect(user.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();

  const events = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE subject = $1 ORDER BY "createdAt"`, [email]);
  expect(events.map((event) => event.action)).toEqual(
    expect.arrayContaining(["user.created", "user.password-set", "user.role-changed", "user.disabled", "user.enabled", "user.password-reset"]),
  );
  await context.close();
  await sql(`DELETE FROM "User" WHERE email = $1`, [email]);
});

// Exclusive: it counts the admins, and with another test's admin beside it the demotion would go through.
test("the last active admin cannot be demoted, and nobody can disable themselves", { tag: "@exclusive" }, async ({ page }) => {
  // The demo admin is the only admin of the test database (other tests' admins are gone with them).
  expect((await sql(`SELECT count(*)::int AS n FROM "User" WHERE role = 'admin' AND "disabledAt" IS NULL`))[0].n).toBe(1);
  await signInAs(page, demoUsers.admin);
  await page.goto("/admin/users");
  const row = account(page, demoUsers.admin.name);
  await row.getByLabel(`Role of ${demoUsers.admin.name}`).selectOption("EDITOR");
  await row.getByRole("button", { name: `Change role of ${demoUsers.admin.name}` }).click();
  await expect(row.getByRole("alert")).toHaveText("This is the last active admin. Make someone else an admin first.");
  await expect(row.getByRole("alert")).toBeFocused();
  await expect(row.getByRole("button", { name: `Disable ${demoUsers.admin.name}` })).toHaveCount(0);
  expect((await sql(`SELECT role FROM "User" WHERE email = $1`, [demoUsers.admin.email]))[0].role).toBe("admin");
});

test("a session that ends while an admin is typing loses nothing: sign in again in a new tab, then save", async ({ page, context, make }) => {
  const email = `typed-${unique()}@prova.test`;
  const admin = await make.user("admin");
  await signInAs(page, admin);
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("E-mail address").fill(email);
  await form.getByLabel("Name").fill("Tilly Typed");
  // The session ends (idle timeout) while the form is open.
  await sql(`UPDATE "Session" SET "lastSeenAt" = now() - interval '31 minutes' WHERE "userId" = $1`, [admin.id]);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("alert")).toContainText("Your session has ended, so nothing was saved.");
  await expect(form.getByLabel("E-mail address")).toHaveValue(email);
  await expect(form.getByLabel("Name")).toHaveValue("Tilly Typed");
  expect(await sql(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(0);

  const [tab] = await Promise.all([context.waitForEvent("page"), form.getByRole("link", { name: "Sign in again (opens a new tab)" }).click()]);
  await signIn(tab, admin.email, admin.password);
  await expect(tab.getByRole("heading", { level: 1, name: `You are signed in again, ${admin.name}` })).toBeVisible();
  await tab.close();

  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`Account created for ${email}.`);
  await sql(`DELETE FROM "User" WHERE email = $1`, [email]);
});

test("the users page is for admins only", async ({ page, make }) => {
  const editor = await make.user("editor");
  await signInAs(page, editor);
  await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  const [denial] = await sql<{ subject: string }>(
    `SELECT subject FROM "AuditEvent" WHERE action = 'access.denied' AND "actorId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
    [editor.id],
  );
  expect(denial.subject).toBe("page:/admin/users");
});
