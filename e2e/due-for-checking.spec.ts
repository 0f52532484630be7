import { expect, test } from "./factories";
import { signInAs, sql } from "./support";

test("an editor finds an overdue listing among those due for checking, marks it checked, and its page says so", async ({
  page,
  make,
}) => {
  const organisation = await make.organisation({
    kind: "research_education",
    countries: ["MT"],
  });
  // Added long ago and never checked: overdue since a year after that, so first in its country and kind.
  await sql(
    `UPDATE "Organisation" SET "createdAt" = '1981-02-03 10:00' WHERE id = $1`,
    [organisation.id],
  );
  await signInAs(page, await make.user("editor"));

  // The admin home says what waits: among it, listings due for checking (this one at least).
  const waiting = page.getByRole("region", { name: "Waiting for you" });
  await waiting.getByRole("link", { name: /listings? due for checking$/ }).click();
  await expect(page).toHaveURL(/\/admin\/due$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Due for checking" }),
  ).toBeVisible();
  await page.getByLabel("Country").selectOption("mt");
  await page.getByLabel("Kind").selectOption("RESEARCH_EDUCATION");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/country=mt/);
  const row = page.getByRole("row").filter({ hasText: organisation.name });
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Overdue since 3 Feb 1982");

  await row
    .getByRole("button", { name: `Mark checked ${organisation.name}` })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "Marked as verified today." }),
  ).toBeVisible();
  const stored = await sql<{ source: string; by: string | null }>(
    `SELECT "lastVerifiedSource"::text AS source, "lastVerifiedById"::text AS by FROM "Organisation" WHERE id = $1`,
    [organisation.id],
  );
  expect(stored[0].source).toBe("staff");
  expect(stored[0].by).not.toBeNull();

  const today = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date());
  await page.goto(`/organisations/${organisation.slug}`);
  await expect(
    page.getByText(`Last checked on ${today} by PROVA staff.`),
  ).toBeVisible();
});
