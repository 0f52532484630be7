import { expect, test } from "@playwright/test";
import { demoUsers, freshAddress, signInAs, sql } from "./support";

test("an unexpected server error shows a generic page with a reference, never the details", async ({ page }) => {
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
