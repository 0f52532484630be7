// Editing as people expect (issue 26): every error at once, values shown as they will be saved,
// focus on what was added, other people's pending changes, discard and withdraw, automatic saves
// across tabs, and the preview of a change.
import type { Page } from "@playwright/test";
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { freshAddress, signInAs, sql, submitChange } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

const contact = (page: Page, number: number, part: string) => page.getByLabel(`Contact ${number}: ${part}`, { exact: true });

test("every error of the form appears at once, each at its field, and values show as they will be saved", async ({ page, make }) => {
  await signInAs(page, await make.user("editor"));
  await page.goto("/admin/organisations/new");
  await page.getByRole("button", { name: "Add a contact" }).click();
  // Focus goes to the new row.
  await expect(contact(page, 1, "kind")).toBeFocused();
  await contact(page, 1, "kind").selectOption("PHONE");
  await contact(page, 1, "phone").fill("12");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await expect(contact(page, 2, "kind")).toBeFocused();
  await contact(page, 2, "e-mail").fill("not an address");
  await page.getByLabel("Website (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save draft" }).click();

  // Name, kind, countries, website and both contacts: all at once, focus on the first.
  await expect(page.getByRole("main").getByRole("alert").first()).toHaveText("Check the highlighted fields.");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(page.locator("#field-name-error")).toHaveText("Enter the organisation's name.");
  await expect(page.locator("#field-kind-error")).toHaveText("Choose the kind of organisation.");
  await expect(page.locator("#countries-error")).toHaveText("Choose at least one country.");
  await expect(page.locator("#field-website-error")).toHaveText("Only http:// and https:// web addresses are allowed.");
  await expect(contact(page, 1, "phone")).toHaveAttribute("aria-invalid", "true");
  await expect(contact(page, 1, "phone")).toHaveAccessibleDescription(/valid phone number/);
  await expect(contact(page, 2, "e-mail")).toHaveAccessibleDescription(/e-mail address such as info@example.org/);

  // Add a country: focus on the new row; then values are shown as they will be saved.
  await page.getByLabel("Add a country").selectOption("BE");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.locator("#country-BE")).toBeFocused();
  await contact(page, 1, "phone").fill("0032 471 51 27 45");
  await contact(page, 2, "e-mail").fill("Info@Example.ORG");
  await page.getByLabel("Website (optional)").fill("www.allo-tolerance-example.eu");
  await page.getByLabel("Name", { exact: true }).focus();
  await expect(contact(page, 1, "phone")).toHaveAccessibleDescription(/Will be saved as \+32 471 51 27 45/);
  await expect(contact(page, 2, "e-mail")).toHaveAccessibleDescription(/Will be saved as info@example\.org/);
  await expect(page.getByLabel("Website (optional)")).toHaveAccessibleDescription(/Will be saved as https:\/\/www\.allo-tolerance-example\.eu/);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("another person's pending change is shown on the edit page, and changing the same field asks before submitting", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  const first = await make.user("editor");
  const second = await make.user("editor");
  await signInAs(page, first);
  await submitChange(page, organisation.slug, (form) => form.getByLabel("Website (optional)").fill(`https://first-${organisation.slug}.example`));

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(other, second);
  await other.goto(`/admin/organisations/${organisation.id}/edit`);
  const pending = other.getByRole("region", { name: "Another change to this organisation is waiting for review" });
  await expect(pending).toContainText(`By ${first.name}, since`);
  await expect(pending).toContainText("Website");
  await expect(pending.getByRole("link", { name: /Preview it/ })).toBeVisible();

  await other.getByLabel("Website (optional)").fill(`https://second-${organisation.slug}.example`);
  await other.getByRole("button", { name: "Submit for review" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "not submitted yet" })).toContainText(`${first.name}'s change also changes Website.`);
  const changeSetId = new URL(other.url()).pathname.split("/").pop()!;
  expect((await sql(`SELECT status FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0].status).toBe("draft");
  await other.getByRole("button", { name: "Submit anyway" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  expect((await sql(`SELECT status FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0].status).toBe("submitted");
  await context.close();
});

test("a draft is discarded after a confirmation that names it; a withdrawal says what happened", async ({ page, make }) => {
  const organisation = await make.organisation();
  await signInAs(page, await make.user("editor"));
  const changeSetId = await submitChange(page, organisation.slug, (form) => form.getByLabel("Acronym (optional)").fill("WDRW"));

  await page.getByRole("button", { name: "Withdraw from review" }).click();
  await page.getByRole("dialog").getByRole("button", { name: `Withdraw the change to ${organisation.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Withdrawn from review" })).toBeVisible();

  await page.getByRole("button", { name: "Discard this draft" }).click();
  const dialog = page.getByRole("dialog", { name: `Discard your draft of ${organisation.name}?` });
  await expect(dialog).toContainText("The published listing stays as it is.");
  // Cancel keeps it.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await sql(`SELECT 1 FROM "ChangeSet" WHERE id = $1`, [changeSetId])).toHaveLength(1);
  await page.getByRole("button", { name: "Discard this draft" }).click();
  await dialog.getByRole("button", { name: `Discard the draft of ${organisation.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Your draft of ${organisation.name} was discarded.` })).toBeVisible();
  expect(await sql(`SELECT 1 FROM "ChangeSet" WHERE id = $1`, [changeSetId])).toHaveLength(0);
  expect((await sql(`SELECT acronym FROM "Organisation" WHERE id = $1`, [organisation.id]))[0].acronym).toBeNull();
});

test("a draft saves itself while the editor types; another tab of the same draft is told and never overwrites it", async ({ page, make }) => {
  const organisation = await make.organisation();
  await signInAs(page, await make.user("editor"));
  await page.goto(`/admin/organisations/${organisation.id}/edit`);
  await page.getByLabel("Description", { exact: true }).fill("Typed, never saved by hand.");
  await expect(page.getByText(/Draft saved automatically at/)).toBeVisible();
  // A reload comes back to the draft.
  await expect(page).toHaveURL(/\/admin\/changes\//);
  const changeSetId = new URL(page.url()).pathname.split("/").pop()!;
  expect((await sql(`SELECT proposed->>'description' AS description, status FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0]).toEqual({
    description: "Typed, never saved by hand.",
    status: "draft",
  });

  // The same draft in a second tab of the same browser.
  const second = await page.context().newPage();
  await second.goto(`/admin/changes/${changeSetId}`);
  await expect(second.getByLabel("Description", { exact: true })).toHaveValue("Typed, never saved by hand.");
  await second.getByLabel("Description", { exact: true }).fill("From the second tab.");
  await expect(second.getByText(/Draft saved automatically at/)).toBeVisible();
  // The first tab is told at once, and saves nothing over it.
  await expect(page.getByRole("alert").filter({ hasText: "saved in another tab or window" })).toBeVisible();
  await page.getByLabel("Description", { exact: true }).fill("Stale text from the first tab.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "saved elsewhere" })).toBeVisible();
  expect((await sql(`SELECT proposed->>'description' AS description FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0].description).toBe("From the second tab.");

  // Leaving the page saves what was typed since the last save.
  await second.getByLabel("Acronym (optional)").fill("LEFT");
  await second.getByRole("link", { name: "Dashboard" }).first().click();
  await expect(second.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
  await expect.poll(async () => (await sql(`SELECT proposed->>'acronym' AS acronym FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0].acronym).toBe("LEFT");
});

test("after a refused save, what is typed next is still saved automatically, and the preview shows it", async ({ page, make }) => {
  const organisation = await make.organisation();
  await signInAs(page, await make.user("editor"));
  await page.goto(`/admin/organisations/${organisation.id}/edit`);
  await page.getByLabel("Website (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#field-website-error")).toHaveText("Only http:// and https:// web addresses are allowed.");
  await page.getByLabel("Website (optional)").fill("");
  const name = `Typed After Refusal ${crypto.randomUUID().slice(0, 6)}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  // Straight to the preview: it waits for the save of what was just typed.
  await page.getByLabel("Acronym (optional)").fill("TAR");
  await expect(page.getByText(/Draft saved automatically at/)).toBeVisible();
  await page.getByLabel("Acronym (optional)").fill("TARX");
  await page.getByRole("link", { name: "Preview the public page with this change" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} (TARX)` })).toBeVisible();
});

test("preview shows the public page with the change, for staff only; the public page and a visitor never see it", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  const pendingName = `Previewed Name ${crypto.randomUUID().slice(0, 6)}`;
  await signInAs(page, await make.user("editor"));
  await page.goto(`/admin/organisations/${organisation.id}/edit`);
  await page.getByLabel("Name", { exact: true }).fill(pendingName);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  const changeSetId = new URL(page.url()).pathname.split("/").pop()!;

  // The draft's preview.
  await page.getByRole("link", { name: "Preview the public page with this change" }).click();
  await expect(page.getByRole("note").filter({ hasText: "Preview — not public" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: pendingName })).toBeVisible();
  const response = await page.request.get(`/admin/changes/${changeSetId}/preview`);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.text()).toContain('name="robots" content="noindex, nofollow"');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "See the page as published" }).click();
  await expect(page.getByRole("heading", { level: 1, name: organisation.name })).toBeVisible();

  // A draft is its author's alone; submitted, any member of staff previews it.
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  expect((await reviewer.request.get(`/admin/changes/${changeSetId}/preview`)).status()).toBe(404);
  await page.goto(`/admin/changes/${changeSetId}`);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await reviewer.goto(`/admin/reviews/${changeSetId}`);
  await reviewer.getByRole("link", { name: "Preview the public page with this change" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: pendingName })).toBeVisible();
  await reviewer.getByRole("link", { name: "Back to the change" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/admin/reviews/${changeSetId}$`));
  await context.close();

  // Right after the previews: a visitor gets the login page for the preview, and the published page.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/admin/changes/${changeSetId}/preview`);
  await expect(anonymous).toHaveURL(/\/login\?callbackUrl=/);
  await anonymous.goto(`/en/organisations/${organisation.slug}`);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(organisation.name);
  expect(await (await anonymous.request.get(`/en/organisations/${organisation.slug}`)).text()).not.toContain(pendingName);
  await visitor.close();
});
