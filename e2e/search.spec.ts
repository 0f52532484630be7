import { expect, test } from "./factories";

async function search(page: import("@playwright/test").Page, q: string) {
  await page.goto("/en/search");
  await page.getByRole("searchbox", { name: "Search organisations" }).fill(q);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
}

for (const [q, expected] of [
  ["tolerance", "Allo-Tolerance"],
  ["allo tolerance", "Allo-Tolerance"],
  ["tolerence", "Allo-Tolerance"],
  ["CUTA", "Coordination Unit for Threat Assessment (CUTA)"],
  ["threat asessment", "Coordination Unit for Threat Assessment (CUTA)"],
] as const) {
  test(`searching ${JSON.stringify(q)} finds ${expected} first`, async ({ page }) => {
    await search(page, q);
    await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText(expected);
  });
}

test("matched words are highlighted", async ({ page }) => {
  await search(page, "threat");
  await expect(page.locator("mark").first()).toHaveText(/threat/i);
});

test("nonsense and hostile input give a clear empty state", async ({ page }) => {
  for (const q of ["xqzwv plorkt", "%_\\", "' OR 1=1 --", "<script>alert(1)</script>", "😀"]) {
    const response = await page.goto(`/en/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("heading", { name: "No organisations found" })).toBeVisible();
  }
});

test("facets filter by country and kind and show counts", async ({ page }) => {
  await page.goto("/en/search?q=&country=be");
  await expect(page.getByRole("heading", { name: "7 organisations found" })).toBeVisible();
  await page.getByRole("link", { name: "Government body (2)" }).click();
  await expect(page).toHaveURL(/kind=government_body/);
  await expect(page.getByRole("heading", { name: "2 organisations found" })).toBeVisible();
  await page.getByRole("link", { name: "All kinds" }).click();
  await expect(page.getByRole("heading", { name: "7 organisations found" })).toBeVisible();
});

test("search works as a plain GET form without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en");
  await page.getByRole("searchbox", { name: "Search organisations" }).fill("tolerance");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Allo-Tolerance" })).toBeVisible();
  await context.close();
});
