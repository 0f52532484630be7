// The confirmation dialog (components/ui/confirm-form.tsx) that every destructive admin action
// goes through, checked once on the users page: focus, Escape, Cancel, confirm.
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { demoUsers, freshAddress, signInAs, sql } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

test("a destructive action asks first: focus moves into the dialog, Escape and Cancel change nothing, confirming acts, focus returns to the button", async ({ page, make }) => {
  const { email, name } = await make.user("editor");
  const disabledAt = async () => (await sql(`SELECT "disabledAt" FROM "User" WHERE email = $1`, [email]))[0].disabledAt;
  await signInAs(page, demoUsers.admin);
  await page.goto("/admin/users");
  const row = page.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });
  const trigger = row.getByRole("button", { name: `Disable ${name}` });
  const dialog = row.getByRole("dialog", { name: `Disable ${name} (${email})?` });
  const cancel = dialog.getByRole("button", { name: "Cancel" });

  // It opens with the focus on its harmless choice, and says what follows.
  await trigger.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("They are signed out at once");
  await expect(cancel).toBeFocused();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Escape cancels: nothing is sent, and the focus is back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  // The same from the keyboard alone, with Cancel.
  await page.keyboard.press("Enter");
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  expect(await disabledAt()).toBeNull();

  // The confirming button names what it does; the outcome is a toast in the row.
  await trigger.click();
  await dialog.getByRole("button", { name: `Disable ${name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${name} is disabled and signed out.`);
  expect(await disabledAt()).not.toBeNull();
  // The same button, now the way back, still has the focus.
  await expect(row.getByRole("button", { name: `Enable ${name}` })).toBeFocused();
});
