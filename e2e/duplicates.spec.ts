// Likely duplicates, end to end: two organisations with one e-mail address are found by the scan
// (run here as the nightly job runs it) and listed for staff, who propose archiving one (for
// review) or mark them "not the same"; the create form warns of an organisation already listed
// with the e-mail address being typed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { freshAddress, signInAs, sql } from "./support";

const run = promisify(execFile);

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

/** Finds the likely duplicates in the test database now (scripts/duplicates-scan.ts, the nightly job's work). */
async function scanDuplicates() {
  const { stdout } = await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/duplicates-scan.ts"], { env: process.env, timeout: 60_000 });
  return JSON.parse(stdout) as { pairs: number };
}

const token = () => crypto.randomUUID().slice(0, 8);

test("staff see two organisations with one e-mail address as likely duplicates, propose archiving one for review, and mark the pair not the same", async ({ page, make }) => {
  const email = `desk-${token()}@example.org`;
  // Liechtenstein: no other spec's organisations, so the pair is on the filtered list's first page.
  const first = await make.organisation({ name: `Duplicate Harbour ${token()}`, countries: ["LI"], contacts: [{ type: "email", value: email }] });
  const second = await make.organisation({ name: `Duplicate Lighthouse ${token()}`, countries: ["LI"], contacts: [{ type: "email", value: email }] });
  await scanDuplicates();

  await signInAs(page, await make.user("editor"));
  await page.goto("/admin/duplicates");
  await expect(page.getByRole("heading", { level: 1, name: "Likely duplicates" })).toBeVisible();
  await expect(page.getByText(/Last refreshed/)).toBeVisible();
  await page.getByLabel("Why").selectOption("email");
  await page.getByLabel("Country").selectOption("li");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/reason=email&country=li/);
  const row = page.getByRole("row").filter({ hasText: first.name });
  await expect(row).toContainText(second.name);
  await expect(row).toContainText(`Both list ${email}`);
  await expect(row.getByRole("link", { name: first.name })).toHaveAttribute("href", `/admin/organisations/${first.id}/edit`);
  await expect(row.getByRole("link", { name: second.name })).toHaveAttribute("href", `/admin/organisations/${second.id}/edit`);
  expect(await accessibilityViolations(page)).toEqual([]);

  // Archiving one of them is a change for a reviewer to decide, with the reason for them.
  await row.getByRole("button", { name: `Propose archiving ${second.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: `Propose archiving ${second.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  const [change] = await sql<{ status: string; note: string }>(`SELECT status, note FROM "ChangeSet" WHERE kind = 'archive' AND "organisationId" = $1`, [second.id]);
  expect(change).toEqual({ status: "submitted", note: `Probably the same as ${first.name} (Both list ${email}).` });
  expect((await sql(`SELECT status FROM "Organisation" WHERE id = $1`, [second.id]))[0].status).toBe("published");

  // Not the same: asked first, then gone from the list, and still gone after the next scan.
  await page.goto("/admin/duplicates?reason=email&country=li");
  await row.getByRole("button", { name: /^Not the same/ }).click();
  const dialog = page.getByRole("dialog");
  // The pair's organisations in the order of their ids.
  const [a, b] = first.id < second.id ? [first, second] : [second, first];
  await expect(dialog.getByRole("heading")).toHaveText(`Mark ${a.name} and ${b.name} as not the same?`);
  await dialog.getByRole("button", { name: "Mark as not the same" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as not the same" })).toBeVisible();
  await expect(page).toHaveURL(/reason=email&country=li&dismissed=1/);
  await expect(page.getByRole("row").filter({ hasText: first.name })).toHaveCount(0);
  const [pair] = await sql(`SELECT "dismissedAt" IS NOT NULL AS dismissed FROM "DuplicatePair" WHERE "organisationAId" = LEAST($1::uuid, $2::uuid) AND "organisationBId" = GREATEST($1::uuid, $2::uuid)`, [first.id, second.id]);
  expect(pair.dismissed).toBe(true);
  await scanDuplicates();
  await page.goto("/admin/duplicates?reason=email&country=li");
  await expect(page.getByRole("heading", { level: 1, name: "Likely duplicates" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: first.name })).toHaveCount(0);
});

test("the create form warns of a published organisation with the e-mail address being typed, and links to it", async ({ page, make }) => {
  const email = `office-${token()}@example.org`;
  const existing = await make.organisation({ name: `Listed Already ${token()}`, countries: ["LI"], contacts: [{ type: "email", value: email }] });
  await signInAs(page, await make.user("editor"));
  await page.goto("/admin/organisations/new");
  await page.getByLabel("Name", { exact: true }).fill(`Quite Another Name ${token()}`);
  await page.getByRole("button", { name: "Add a contact" }).click();
  await page.getByLabel("Contact 1: kind", { exact: true }).selectOption("EMAIL");
  // As typed: the lookup normalises it as the form's own check does.
  await page.getByLabel("Contact 1: e-mail", { exact: true }).fill(` ${email.toUpperCase()} `);
  await page.getByLabel("Contact 1: label (optional)", { exact: true }).focus();
  const note = page.getByRole("note").filter({ hasText: "Already in the directory?" });
  const item = note.getByRole("listitem").filter({ hasText: existing.name });
  await expect(item).toContainText(`same e-mail address: ${email}`);
  await expect(item.getByRole("link", { name: existing.name })).toHaveAttribute("href", `/admin/organisations/${existing.id}/edit`);
});
