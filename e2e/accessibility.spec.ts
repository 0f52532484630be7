import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";

const pages = {
  "unmatched address": "/no/such/page",
  home: "/",
  country: "/countries/be",
  "empty country": "/countries/is",
  organisation: "/organisations/state-security-service",
  "organisation without contacts": "/organisations/counter-extremism-project",
  "search results": "/search?q=threat",
  "search with filters": "/search?q=&country=be&kind=government_body",
  "search without results": "/search?q=xqzwv",
  "search form": "/search",
  "not found": "/countries/xx",
};

for (const [name, path] of Object.entries(pages)) {
  test(`the ${name} page has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    expect(await accessibilityViolations(page)).toEqual([]);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("main")).toHaveCount(1);
  });
}

test("the public pages work at 200% zoom without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  for (const path of ["/", "/organisations/state-security-service", "/search?q=belgium"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
