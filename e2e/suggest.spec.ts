import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { backdateStamps, freshAddress, freshStamp, oldStamp, signInAs, sql } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

test("a visitor suggests a phone correction to an organisation; a reviewer approves it; the public page shows it", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  await backdateStamps(page);
  await page.goto(`/en/organisations/${organisation.slug}`);
  await page.getByRole("link", { name: "Suggest a correction" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Suggest a correction to ${organisation.name}` })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  const phone = page.getByLabel(/^Contact \d+: phone$/).first();
  await phone.fill("not a phone");
  await page.getByLabel("Your e-mail address").fill("visitor@example.org");
  await page.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Check the highlighted fields.");
  await expect(phone).toBeFocused();
  await expect(page.getByLabel("Your e-mail address")).toHaveValue("visitor@example.org");
  await phone.fill("+32 2 511 22 33");
  await page.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your suggestion" })).toBeVisible();

  const [suggestion] = await sql(`SELECT id, status, public, "suggesterEmail" FROM "ChangeSet" WHERE public AND "organisationId" = $1`, [organisation.id]);
  expect(suggestion).toMatchObject({ status: "submitted", public: true, suggesterEmail: "visitor@example.org" });
  expect(await (await page.request.get(`/en/organisations/${organisation.slug}`)).text()).not.toContain("+3225112233");

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  await reviewer.goto("/admin/reviews?kind=PUBLIC");
  await reviewer.getByRole("link", { name: organisation.name }).click();
  await expect(reviewer.getByText("a member of the public (visitor@example.org)")).toBeVisible();
  await reviewer.getByRole("button", { name: "Approve the accepted changes" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
  expect(await (await page.request.get(`/en/organisations/${organisation.slug}`)).text()).toContain("+3225112233");
  await context.close();
});

test("a sender quicker than people type (autofill) is asked to confirm, not refused", async ({ page, make }) => {
  const organisation = await make.organisation();
  // Every send carries the same stamp, issued at the first send: that one is too fast on any machine.
  let stamp: string | undefined;
  await page.route(/\/api\/suggestions\?/, (route) => {
    stamp ??= freshStamp();
    return route.continue({ postData: route.request().postData()!.replace(/(name="issued"\r\n\r\n)[^\r]*/, `$1${stamp}`) });
  });
  await page.goto(`/en/organisations/${organisation.slug}/suggest`);
  await page.getByLabel("Acronym (optional)").fill("BLINK");
  await page.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("confirm that you want to send it");
  expect(await sql(`SELECT 1 FROM "ChangeSet" WHERE public AND "organisationId" = $1`, [organisation.id])).toHaveLength(0);
  await page.getByRole("button", { name: "Yes, send the suggestion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your suggestion" })).toBeVisible();
  expect(await sql(`SELECT proposed->>'acronym' AS acronym FROM "ChangeSet" WHERE public AND "organisationId" = $1`, [organisation.id])).toEqual([{ acronym: "BLINK" }]);
});

/** The signed stamp of a freshly rendered form. */
async function stamp(request: APIRequestContext, address: string) {
  const html = await (await request.get("/en/suggest", { headers: { "x-forwarded-for": address } })).text();
  return /name="issued" value="([^"]+)"/.exec(html)![1];
}

const proposal = (name: string, extra: Record<string, string> = {}) => ({ name, kind: "OTHER", countries: "BE", description: "Scripted.", ...extra });

test("the honeypot, the minimum fill time and the rate limit stop a scripted flood", async ({ request }) => {
  const address = freshAddress();
  const flood = `Flood ${crypto.randomUUID().slice(0, 8)}`;
  const post = (form: Record<string, string>) => request.post("/api/suggestions", { headers: { "x-forwarded-for": address }, multipart: form });

  // No stamp, a forged one, or one just issued: refused, nothing stored.
  expect((await post(proposal(flood))).status()).toBe(400);
  expect((await post(proposal(flood, { issued: "123.forged" }))).status()).toBe(400);
  const fresh = await post(proposal(flood, { issued: await stamp(request, address) }));
  expect(fresh.status()).toBe(400);
  const quick = await fresh.json();
  expect(quick.message).toContain("That was quick");
  // A confirmation is tied to that form's stamp: another stamp's is no use.
  expect((await post(proposal(flood, { issued: await stamp(request, address), confirmed: quick.confirm }))).status()).toBe(400);

  const issued = oldStamp();
  // The honeypot filled in: thanked, ignored.
  expect((await post(proposal(flood, { issued, fax_confirmation: "555-1234" }))).status()).toBe(201);
  // Then the hourly limit (5 in the tests' configuration).
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await post(proposal(`${flood} ${i}`, { issued }))).status());
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  const refused = await post(proposal(`${flood} late`, { issued }));
  expect(refused.status()).toBe(429);
  expect((await refused.json()).message).toContain("please wait a while");

  const stored = await sql(`SELECT proposed->>'name' AS name FROM "ChangeSet" WHERE proposed->>'name' LIKE $1`, [`${flood}%`]);
  expect(stored.map((row) => row.name).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${flood} ${i}`));
  await sql(`DELETE FROM "ChangeSet" WHERE proposed->>'name' LIKE $1`, [`${flood}%`]);
});

test("mistakes do not use up the hourly limit: after three refused posts, five suggestions still go through", async ({ request }) => {
  const address = freshAddress();
  const name = `Mistyped ${crypto.randomUUID().slice(0, 8)}`;
  const post = (form: Record<string, string>) => request.post("/api/suggestions", { headers: { "x-forwarded-for": address }, multipart: form });
  const issued = oldStamp();
  for (let i = 0; i < 3; i++) {
    const refused = await post(proposal(name, { issued, kind: "NOT_A_KIND" }));
    expect(refused.status()).toBe(400);
    expect((await refused.json()).fieldErrors.kind).toBeTruthy();
  }
  // SUGGESTION_MAX_PER_HOUR is 5 in the tests' configuration.
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await post(proposal(`${name} ${i}`, { issued }))).status());
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  const stored = await sql(`SELECT proposed->>'name' AS name FROM "ChangeSet" WHERE proposed->>'name' LIKE $1`, [`${name}%`]);
  expect(stored).toHaveLength(5);
  await sql(`DELETE FROM "ChangeSet" WHERE proposed->>'name' LIKE $1`, [`${name}%`]);
});

test("a suggestion from another site is refused", async ({ request }) => {
  const response = await request.post("/api/suggestions", { headers: { Origin: "https://evil.example" }, multipart: proposal("Cross Site") });
  expect(response.status()).toBe(403);
});

test("a reviewer turns a public suggestion into their own draft", async ({ page, browser, make }) => {
  const name = `Suggested Network ${crypto.randomUUID().slice(0, 6)}`;
  await backdateStamps(page);
  await page.goto("/en/suggest");
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind of organisation").selectOption("NETWORK");
  await page.getByLabel("Add a country").selectOption("LU");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your suggestion" })).toBeVisible();

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  await reviewer.goto("/admin/reviews?kind=PUBLIC");
  await reviewer.getByRole("link", { name }).click();
  await reviewer.getByRole("button", { name: "Turn into my draft" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await expect(reviewer.getByLabel("Name", { exact: true })).toHaveValue(name);
  const [suggestion] = await sql(`SELECT status FROM "ChangeSet" WHERE public AND proposed->>'name' = $1`, [name]);
  expect(suggestion.status).toBe("withdrawn");
  await context.close();
  await sql(`DELETE FROM "ChangeSet" WHERE proposed->>'name' = $1`, [name]);
});
