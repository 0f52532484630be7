import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";

const pages = {
  "unmatched address": "/no/such/page",
  home: "/en",
  country: "/en/countries/be",
  "empty country": "/en/countries/is",
  organisation: "/en/organisations/state-security-service",
  "organisation without contacts": "/en/organisations/counter-extremism-project",
  "search results": "/en/search?q=threat",
  "search with filters": "/en/search?q=&country=be&kind=government_body",
  "search without results": "/en/search?q=xqzwv",
  "search form": "/en/search",
  "not found": "/en/countries/xx",
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
  for (const path of ["/en", "/en/organisations/state-security-service", "/en/search?q=belgium"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
