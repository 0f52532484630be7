import type { Page } from "@playwright/test";
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { freshAddress, signInAs, sql } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

const contact = (page: Page, number: number, part: "kind" | "label (optional)" | string) => page.getByLabel(`Contact ${number}: ${part}`, { exact: true });

test("an editor creates an organisation with three contacts, fixes what the form points out, saves a draft and submits it", async ({ page, make }) => {
  const name = `Harbour Youth Network ${crypto.randomUUID().slice(0, 6)}`;
  await signInAs(page, await make.user("editor"));
  await page.getByRole("link", { name: "Add a new organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New organisation" })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add a contact" }).click();
  await contact(page, 1, "kind").selectOption("EMAIL");
  await contact(page, 1, "e-mail").fill("hello@harbour.example");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await contact(page, 2, "kind").selectOption("PHONE");
  await contact(page, 2, "phone").fill("12");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await contact(page, 3, "kind").selectOption("ADDRESS");
  await contact(page, 3, "postal address").fill("Rue de la Loi 16\n1000 Brussels");
  await page.getByRole("button", { name: "Save draft" }).click();

  // Every error at its field, what was typed kept, focus on the first.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Check the highlighted fields.");
  await expect(page.getByLabel("Kind of organisation")).toBeFocused();
  await expect(page.locator("#field-kind-error")).toHaveText("Choose the kind of organisation.");
  await expect(page.locator("#countries-error")).toHaveText("Choose at least one country.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(contact(page, 3, "postal address")).toHaveValue("Rue de la Loi 16\n1000 Brussels");

  await page.getByLabel("Kind of organisation").selectOption("NGO");
  await page.getByLabel("Add a country").selectOption("BE");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Save draft" }).click();
  // The phone was checked only once the country (its default region) was known.
  await expect(page.locator("[id$='-value-error']").filter({ hasText: /phone|number/i })).toBeVisible();
  await expect(contact(page, 2, "phone")).toBeFocused();
  await contact(page, 2, "phone").fill("0032 471 51 27 45");
  // Reorder: the address goes first.
  await page.getByRole("button", { name: "Move up contact 3" }).click();
  await page.getByRole("button", { name: "Move up contact 2" }).click();
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await expect(contact(page, 1, "postal address")).toHaveValue("Rue de la Loi 16\n1000 Brussels");
  const [{ id, status, proposed }] = await sql(`SELECT id, status, proposed FROM "ChangeSet" WHERE proposed->>'name' = $1`, [name]);
  expect(status).toBe("draft");
  expect(proposed.contacts.map((c: { type: string; value: string }) => [c.type, c.value])).toEqual([
    ["ADDRESS", "Rue de la Loi 16\n1000 Brussels"],
    ["EMAIL", "hello@harbour.example"],
    ["PHONE", "+32471512745"],
  ]);
  expect(await sql(`SELECT 1 FROM "Organisation" WHERE name = $1`, [name])).toHaveLength(0);

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await expect(page.getByText("Waiting for review")).toBeVisible();
  expect((await sql(`SELECT status FROM "ChangeSet" WHERE id = $1`, [id]))[0].status).toBe("submitted");

  await page.getByRole("link", { name: "Dashboard" }).click();
  const submitted = page.getByRole("region", { name: "Your submitted changes" });
  await expect(submitted.getByRole("listitem").filter({ hasText: name })).toContainText("Waiting for review");
  // Still not public.
  expect((await page.request.get(`/en/organisations/${proposed.slug}`)).status()).toBe(404);
  await page.goto(`/en/search?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("heading", { level: 2, name: "No organisations found" })).toBeVisible();
});

test("an editor changes a contact of an existing organisation and submits; the public page waits for approval", async ({ page, make }) => {
  const organisation = await make.organisation();
  const address = `contact@${organisation.slug}.example`;
  await signInAs(page, await make.user("editor"));
  await page.goto(`/admin/organisations?q=${encodeURIComponent(organisation.name)}`);
  await page.getByRole("link", { name: organisation.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Change ${organisation.name}` })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  const value = page.getByLabel(/^Contact 1: /).last();
  await expect(value).toHaveValue(organisation.contacts[0].value);
  await value.fill(address);
  await contact(page, 1, "kind").selectOption("EMAIL");
  await page.getByLabel("Note to the reviewer (optional)").fill("New address from their website.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Proposed changes" })).toContainText(address);

  const publicPage = await page.request.get(`/en/organisations/${organisation.slug}`);
  expect(await publicPage.text()).not.toContain(address);

  // Withdraw, and the form is back to edit.
  await page.getByRole("button", { name: "Withdraw from review" }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^Withdraw the change to / }).click();
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();
  await expect(page.getByText("Withdrawn", { exact: true })).toBeVisible();
  // Opening the organisation again leads to this open change, not a second one.
  await page.goto(`/admin/organisations?q=${encodeURIComponent(organisation.name)}`);
  await page.getByRole("link", { name: organisation.name }).click();
  await expect(page).toHaveURL(/\/admin\/changes\//);
});

test("a field the form does not have is refused, not applied", async ({ page, make }) => {
  const name = `Mass Assignment Test ${crypto.randomUUID().slice(0, 6)}`;
  await signInAs(page, await make.user("editor"));
  await page.goto("/admin/organisations/new");
  await page.waitForLoadState("networkidle");
  // Someone adds a field to the form by hand (after hydration, which would otherwise undo it).
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "status";
    input.value = "ARCHIVED";
    document.querySelector("button[value=draft]")?.closest("form")?.appendChild(input);
  });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("These fields cannot be set here: status.");
  expect(await sql(`SELECT 1 FROM "ChangeSet" WHERE proposed->>'name' = $1`, [name])).toHaveLength(0);
});

// Reads the seeded directory only.
test("contacts are searchable across organisations and lead to their organisation", async ({ page, make }) => {
  await signInAs(page, await make.user("editor"));
  await page.getByRole("link", { name: "Contacts", exact: true }).click();
  await page.getByLabel("Contains").fill("allo-tolerance");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\/contacts\?q=allo-tolerance/);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Allo-Tolerance" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Change Allo-Tolerance" })).toBeVisible();
});

test("marking a listing verified needs no review; archiving is a change that waits for one, after a confirmation", async ({ page, make }) => {
  const { id, slug, name } = await make.organisation();
  await signInAs(page, await make.user("editor"));
  await page.goto(`/admin/organisations/${id}/edit`);
  await page.getByRole("button", { name: "Mark verified today" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as verified today." })).toBeVisible();
  const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
  expect(await (await page.request.get(`/en/organisations/${slug}`)).text()).toContain(today);

  await page.getByRole("button", { name: `Propose archiving ${name}` }).click();
  await expect(page.getByRole("dialog")).toContainText(`Propose archiving ${name}?`);
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  expect(await sql(`SELECT 1 FROM "ChangeSet" WHERE kind = 'archive' AND "organisationId" = $1`, [id])).toHaveLength(0);

  await page.getByLabel("Why? (for the reviewer)").fill("The project ended in 2024.");
  await page.getByRole("button", { name: `Propose archiving ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: `Propose archiving ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Archive ${name}`);
  expect((await page.request.get(`/en/organisations/${slug}`)).status()).toBe(200);
});

test("while typing a new organisation, likely duplicates already listed are pointed out", async ({ page, make }) => {
  await signInAs(page, await make.user("editor"));
  await page.goto("/admin/organisations/new");
  await page.getByLabel("Name", { exact: true }).fill("Allo Tolerence");
  await page.getByLabel("Acronym (optional)").focus();
  const note = page.getByRole("note").filter({ hasText: "Already in the directory?" });
  await expect(note.getByRole("listitem").filter({ hasText: "similar name" })).toContainText("Allo-Tolerance");
  await page.getByLabel("Name", { exact: true }).fill("Something Else Entirely");
  const [{ website }] = await sql(`SELECT website FROM "Organisation" WHERE slug = 'coordination-unit-for-threat-assessment'`);
  await page.getByLabel("Website (optional)").fill(new URL(website).host.replace(/^www\./, ""));
  await page.getByLabel("Kind of organisation").focus();
  await expect(note.getByRole("listitem").filter({ hasText: "same website" })).toContainText("Coordination Unit for Threat Assessment");
});
