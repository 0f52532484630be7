// Link health, end to end: an approval publishes a website, the test server's worker checks it
// (playwright.config.ts allows 127.0.0.1 for the checker), and staff see the verdict; a moved
// website is drafted as a change for review; a website broken for a week gets a note on its page.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, revalidate, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { approveAsReviewer, freshAddress, signInAs, sql, submitChange } from "./support";

let site: Server;
let origin: string;

test.beforeAll(async () => {
  // The websites the organisations list: one gone, one moved for good, and where it moved to.
  site = createServer((req, res) => {
    if (req.url?.startsWith("/old")) return void res.writeHead(301, { location: `${origin}/new${req.url.slice(4)}` }).end();
    if (req.url?.startsWith("/new")) return void res.writeHead(200, { "content-type": "text/html" }).end("<p>here</p>");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

const verdictOf = async (url: string) => (await sql<{ verdict: string | null }>(`SELECT verdict FROM "Link" WHERE url = $1`, [url]))[0]?.verdict ?? null;

/** Publishes `website` for the organisation through the editor's form and a reviewer's approval. */
async function publishWebsite(page: import("@playwright/test").Page, browser: import("@playwright/test").Browser, slug: string, website: string) {
  const changeSetId = await submitChange(page, slug, (form) => form.getByLabel("Website (optional)").fill(website));
  await approveAsReviewer(browser, changeSetId);
}

test("a website an approval publishes is checked soon; staff see it broken on the link health page, in the list and on the edit page", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  const website = `${origin}/gone-${crypto.randomUUID().slice(0, 8)}`;
  await signInAs(page, await make.user("editor"));
  await publishWebsite(page, browser, organisation.slug, website);
  await expect.poll(() => verdictOf(website), { timeout: 30_000 }).toBe("broken");

  await page.goto("/admin");
  await page.getByRole("link", { name: "Link health", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Link health" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: website });
  await expect(row).toContainText("Broken");
  await expect(row).toContainText("HTTP 404");
  await expect(row.getByRole("link", { name: organisation.name })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Filtered by another problem, it is not listed; by its own, it is.
  await page.getByLabel("Problem").selectOption("moved");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("row").filter({ hasText: website })).toHaveCount(0);
  await page.getByLabel("Problem").selectOption("broken");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("row").filter({ hasText: website })).toBeVisible();

  await page.goto(`/admin/organisations?q=${encodeURIComponent(organisation.name)}`);
  await expect(page.getByRole("row").filter({ hasText: organisation.name }).getByRole("list", { name: "Link problems" })).toContainText("Broken");
  await page.goto(`/admin/organisations/${organisation.id}/edit`);
  await expect(page.getByRole("region", { name: "Link health" })).toContainText(website);
});

test("a moved website: one click drafts the change to its new address, which goes to review; the listing is unchanged until then", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  const path = crypto.randomUUID().slice(0, 8);
  const website = `${origin}/old/${path}`;
  await signInAs(page, await make.user("editor"));
  await publishWebsite(page, browser, organisation.slug, website);
  await expect.poll(() => verdictOf(website), { timeout: 30_000 }).toBe("moved");

  await page.goto("/admin/links?verdict=moved");
  const row = page.getByRole("row").filter({ hasText: website });
  await expect(row).toContainText(`Now at ${origin}/new/${path}`);
  await row.getByRole("button", { name: `Draft the change for ${organisation.name}` }).click();
  await expect(page).toHaveURL(/\/admin\/changes\/[0-9a-f-]+\?saved=1/);
  await expect(page.getByLabel("Website (optional)")).toHaveValue(`${origin}/new/${path}`);
  const [published] = await sql<{ website: string }>(`SELECT website FROM "Organisation" WHERE id = $1`, [organisation.id]);
  expect(published.website).toBe(website);
});

test("a website broken for a week gets a quiet note on the public page, and the link stays", async ({ page, make }) => {
  const website = `${origin}/gone-${crypto.randomUUID().slice(0, 8)}`;
  const organisation = await make.organisation({ website, listed: true });
  const checked = new Date(Date.now() - 60 * 60_000);
  await sql(
    `INSERT INTO "Link" (url, host, verdict, "verdictSince", status, "checkedAt", "nextCheckAt") VALUES ($1, '127.0.0.1', 'broken', now() - interval '8 days', 404, $2, now() + interval '1 day')`,
    [website, checked],
  );
  // What the worker does when the note comes or goes.
  await revalidate([`organisation:${organisation.id}`]);
  await page.goto(`/en/organisations/${organisation.slug}`);
  await expect(page.getByText(/^This website did not answer when last checked on \d+ \w+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: website })).toBeVisible();
  await sql(`DELETE FROM "Link" WHERE url = $1`, [website]);
});

test("the link health page is for signed-in staff only", async ({ page }) => {
  await page.goto("/admin/links");
  await expect(page).toHaveURL(/\/login/);
});
