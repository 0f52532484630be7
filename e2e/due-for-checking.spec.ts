import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
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
  await expect(row).toContainText("Not asked");
  await expect(row.getByRole("button", { name: `Ask the organisation ${organisation.name}` })).toBeVisible();
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
  await page.goto(`/en/organisations/${organisation.slug}`);
  await expect(
    page.getByText(`Last checked on ${today} by PROVA staff.`),
  ).toBeVisible();
});

test("the admin home pictures the directory's health: each chart a table of its figures", async ({ page, make }) => {
  await signInAs(page, await make.user("reviewer"));
  const health = page.getByRole("region", { name: "The directory's health" });
  await expect(health.getByText(/^Figures as of \d{2}:\d{2} UTC/)).toBeVisible();
  const checked = health.getByRole("figure", { name: "Published listings by time since their last check" });
  // The seed's listings were never checked when it loaded them.
  await expect(checked.getByRole("row", { name: /^Never checked/ })).toBeVisible();
  expect(Number((await checked.getByRole("row", { name: /^Never checked/ }).getByRole("cell").first().textContent())?.replace(/,/g, ""))).toBeGreaterThan(0);
  await expect(health.getByRole("figure", { name: "Websites and contact forms by their latest check" }).getByRole("row", { name: /^Broken/ })).toBeVisible();
  await expect(health.getByRole("figure", { name: "Changes waiting for review, by time waited" }).getByRole("row", { name: /^Under a day/ })).toBeVisible();
  const weeks = health.getByRole("figure", { name: /Median time from submission to decision/ });
  await expect(weeks.getByRole("row")).toHaveCount(13);
  expect(await accessibilityViolations(page)).toEqual([]);
});
