import { expect, test } from "./factories";

test("the home page lists the countries with organisations and the latest entries", async ({
  page,
}) => {
  await page.goto("/en");
  await expect(
    page.getByRole("heading", { level: 1, name: "PROVA directory" }),
  ).toBeVisible();
  const belgium = page.getByRole("link", { name: "Belgium, 7 organisations" });
  await expect(belgium).toBeVisible();
  // The latest entries: which ones depends on what other tests changed a moment ago.
  const latest = page.getByRole("heading", { level: 3 });
  await expect(latest.first()).toBeVisible();
  expect(await latest.count()).toBeLessThanOrEqual(10);
});

test("a country page lists its published organisations by name", async ({
  page,
}) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Belgium, 7 organisations" }).click();
  await expect(page).toHaveURL(/\/countries\/be$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Organisations in Belgium" }),
  ).toBeVisible();
  await expect(page.getByText("7 organisations")).toBeVisible();
  const names = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(names).toEqual([
    "Alliance of Liberals and Democrats for Europe",
    "Allo-Tolerance",
    "Coordination Unit for Threat Assessment (CUTA)",
    "Counter Extremism Project (CEP)",
    "Kingdom of Belgium / Foreign Affairs, Foreign Trade and Development Cooperation",
    "S.A.V.E. BELGIUM",
    "State Security Service (VSSE)",
  ]);
  const website = page.getByRole("link", {
    name: /https:\/\/www\.allo-tolerance\.eu/,
  });
  await expect(website).toHaveAttribute(
    "href",
    "https://www.allo-tolerance.eu",
  );
  await expect(website).toHaveAttribute("rel", "noopener noreferrer");
  await expect(website).toHaveAccessibleName(/external site/);
});

test("a country without organisations says so", async ({ page }) => {
  await page.goto("/en/countries/is");
  await expect(
    page.getByRole("heading", { level: 1, name: "Organisations in Iceland" }),
  ).toBeVisible();
  await expect(
    page.getByText("No organisations in Iceland are listed yet."),
  ).toBeVisible();
});

test("an unknown country is a real 404 with a way back", async ({ page }) => {
  for (const path of [
    "/en/countries/xx",
    "/en/countries/BE",
    "/en/countries/belgium",
    "/en/countries/be/page/1",
    "/en/countries/be/page/abc",
    "/en/countries/be/from/no-such-organisation",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(
      page.getByRole("heading", { level: 1, name: "Page not found" }),
    ).toBeVisible();
  }
  await page
    .getByRole("link", { name: "Go to the directory's home page" })
    .click();
  await expect(page).toHaveURL(/\/en$/);
});

test("the skip link moves keyboard users to the content", async ({ page }) => {
  await page.goto("/en/countries/be");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the map links each country with listings to its page", async ({ page }) => {
  await page.goto("/en");
  const map = page.getByRole("figure");
  // Other tests list organisations of their own in other countries meanwhile.
  for (const href of await map.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
    expect(href).toMatch(/^\/en\/countries\/[a-z]{2}$/);
  }
  await map.getByRole("link", { name: "Belgium: 7 organisations" }).click();
  await expect(page).toHaveURL(/\/countries\/be$/);
});

test("every public page has a description and OpenGraph data", async ({ page }) => {
  for (const path of ["/en", "/en/countries/be", "/en/organisations/allo-tolerance"]) {
    await page.goto(path);
    await expect(page.locator('meta[name="description"]'), path).toHaveAttribute("content", /.{20,}/);
    await expect(page.locator('meta[property="og:title"]'), path).toHaveAttribute("content", /.+/);
  }
});

test("responses carry the security headers", async ({ request }) => {
  for (const path of ["/en", "/en/organisations/allo-tolerance", "/en/search?q=x", "/login"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});
