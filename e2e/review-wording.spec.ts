import { expect, test } from "./factories";
import { backdateStamps, freshAddress, signInAs, submitChange } from "./support";

// What a reviewer reads: the queue's badge by name, countries by name, what a change was drafted
// from, and a public suggestion's sender called so.

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

test("the review page names countries and says what the change was drafted from; the badge reads as words", async ({ page, browser, make }) => {
  const organisation = await make.organisation({ countries: ["MT"] });
  await signInAs(page, await make.user("editor"));
  const changeSetId = await submitChange(page, organisation.slug, async (form) => {
    // Chosen again until the form has hydrated: a choice made before only changes the DOM.
    const add = form.getByRole("button", { name: "Add", exact: true });
    await expect(async () => {
      await form.getByLabel("Add a country").selectOption("BE");
      await expect(add).not.toHaveAttribute("aria-disabled", "true", { timeout: 1000 });
    }).toPass();
    await add.click();
  });

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  // "Reviews 2 waiting", not "Reviews2 waiting".
  await expect(reviewer.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: /^Reviews \d+ waiting$/ })).toBeVisible();

  await reviewer.goto(`/admin/reviews/${changeSetId}`);
  const row = reviewer.getByRole("row", { name: /^Countries/ });
  await expect(row.getByRole("cell").first()).toHaveText("Malta");
  await expect(row.getByRole("cell").nth(1)).toHaveText("Malta, Belgium");
  await expect(reviewer.getByText(/^Drafted from the version published on \d{1,2} \w+ \d{4} \(revision 1\)\.$/)).toBeVisible();
  await expect(reviewer.getByText("The listing has changed since")).toHaveCount(0);
  await context.close();
});

test("a public suggestion is shown by its sender, in the queue and on its page", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  await backdateStamps(page);
  await page.goto(`/en/organisations/${organisation.slug}`);
  await page.getByRole("link", { name: "Suggest a correction" }).click();
  await page.getByLabel(/^Contact \d+: phone$/).first().fill("+32 2 511 22 33");
  await page.getByLabel("Your e-mail address").fill("visitor@example.org");
  await page.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your suggestion" })).toBeVisible();

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  await reviewer.goto("/admin/reviews?kind=PUBLIC");
  const row = reviewer.getByRole("row").filter({ has: reviewer.getByRole("link", { name: organisation.name }) });
  await expect(row).toContainText("Suggested by");
  await row.getByRole("link", { name: organisation.name }).click();
  await expect(reviewer.getByText(/^Suggested by a member of the public \(visitor@example\.org\)/)).toBeVisible();
  await expect(reviewer.getByLabel("Reason or comment for the sender")).toBeVisible();
  await expect(reviewer.getByRole("main").getByText(/\bauthor\b/i)).toHaveCount(0);
  await context.close();
});
