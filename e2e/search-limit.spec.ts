// The per-client limit of search (lib/security/search-limit.js, at the edge): one client that asks
// for more searches than one client is answered gets 429 with Retry-After and a small page, for
// the page's HTML and its RSC requests alike, while another client is served and the same client
// is served every other page.
import { expect, test } from "./factories";
import { freshAddress } from "./support";
import { searchLimits } from "../lib/security/search-limit.js";

test("a greedy client gets 429 with Retry-After on /search while another client is served, and other pages are not limited", async ({ request }) => {
  test.setTimeout(90_000);
  const greedy = { "x-forwarded-for": freshAddress() };
  // Searches one after another until one is refused: the burst is served first.
  let served = 0;
  let refused: Awaited<ReturnType<typeof request.get>> | undefined;
  while (!refused && served < searchLimits.burst * 3) {
    const response = await request.get(`/en/search?q=tolerance&page=${1 + (served % 2)}`, { headers: greedy });
    if (response.status() === 429) refused = response;
    else {
      expect(response.status()).toBe(200);
      served++;
    }
  }
  expect(refused, `refused after ${served} searches`).toBeDefined();
  expect(served).toBeGreaterThanOrEqual(searchLimits.burst);
  const retryAfter = Number(refused!.headers()["retry-after"]);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  expect(refused!.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(refused!.headers()["cache-control"]).toBe("no-store");
  const page = await refused!.text();
  expect(page).toContain("Too many searches");
  expect(page).toContain('<html lang="en">');
  expect(page.length).toBeLessThan(2_000);

  // A client navigation's RSC request to the page is refused too.
  const rsc = await request.get("/en/search?q=threat&_rsc=e2e", { headers: { ...greedy, rsc: "1" } });
  expect(rsc.status()).toBe(429);
  expect(rsc.headers()["retry-after"]).toMatch(/^\d+$/);

  // Another client searches as usual, meanwhile.
  const other = await request.get("/en/search?q=tolerance", { headers: { "x-forwarded-for": freshAddress() } });
  expect(other.status()).toBe(200);
  expect(await other.text()).toContain('href="/en/organisations/allo-tolerance"');

  // Every other page still answers the greedy client.
  for (const path of ["/en", "/en/organisations/allo-tolerance", "/en/countries/be", "/api/v1/organisations?q=tolerance", "/en/suggest"]) {
    expect((await request.get(path, { headers: greedy })).status(), path).toBe(200);
  }

  // Retry-After is the truth: after waiting that long, the greedy client is served again.
  await new Promise((resolve) => setTimeout(resolve, Number(rsc.headers()["retry-after"]) * 1000));
  expect((await request.get("/en/search?q=tolerance", { headers: greedy })).status()).toBe(200);
});

test("searching with JavaScript on, links prefetched, stays far within the limit", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  const page = await context.newPage();
  const searches: string[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/en/search") searches.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/en/search?q=threat");
  await page.getByRole("link", { name: /^Belgium/ }).click();
  await expect(page).toHaveURL(/country=be/);
  await page.getByRole("link", { name: "All countries" }).click();
  await expect(page).toHaveURL(/\/search\?q=threat$/);
  await page.getByRole("searchbox", { name: "Search organisations" }).fill("tolerance");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText("Allo-Tolerance");
  expect(searches.filter((entry) => entry.startsWith("429"))).toEqual([]);
  expect(searches.length, searches.join("\n")).toBeLessThan(searchLimits.burst / 4);
  await context.close();
});
