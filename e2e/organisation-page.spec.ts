import { expect, test } from "./factories";

test("an organisation page shows everything about it, with typed contact links", async ({ page }) => {
  await page.goto("/en/countries/be");
  await page.getByRole("link", { name: "State Security Service (VSSE)" }).click();
  await expect(page).toHaveURL(/\/organisations\/state-security-service$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("State Security Service (VSSE)");
  await expect(page.getByText("Intelligence or security service ·")).toBeVisible();
  await expect(page.getByRole("link", { name: "Belgium" })).toHaveAttribute("href", "/en/countries/be");
  await expect(page.getByText(/The main objective of State Security/)).toBeVisible();

  await expect(page.getByRole("link", { name: "info@presscenter.org" })).toHaveAttribute("href", "mailto:info@presscenter.org");
  await expect(page.getByRole("link", { name: "+32 2 235 21 11" })).toHaveAttribute("href", "tel:+3222352111");
  await expect(page.getByRole("link", { name: "+32 2 235 21 10" })).toHaveAttribute("href", "tel:+3222352110");
  await expect(page.locator("address")).toHaveText("Résidence Palace - International Press Centre\nrue de la Loi 155 C\n1040 Brussels");
  const website = page.getByRole("link", { name: /presscenter\.org\/en\/source/ });
  await expect(website).toHaveAttribute("rel", "noopener noreferrer");
  await expect(website).toHaveAccessibleName(/external site/);
  await expect(page.getByText("Not checked yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Suggest a correction" })).toHaveAttribute(
    "href",
    "/en/organisations/state-security-service/suggest",
  );
});

test("an organisation page embeds valid schema.org JSON-LD", async ({ page }) => {
  await page.goto("/en/organisations/coordination-unit-for-threat-assessment");
  const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(json).toMatchObject({
    "@context": "https://schema.org",
    "@type": "Organization",
    name: "Coordination Unit for Threat Assessment",
    alternateName: "CUTA",
    email: "srt@ocamocad.fgov.be",
    telephone: "+3222385686",
    address: "Rue de la Loi 22, 1000 Brussels",
    areaServed: [{ "@type": "Country", name: "Belgium", identifier: "BE" }],
  });
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Coordination Unit for Threat Assessment/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Coordination Unit for Threat Assessment (CUTA)");
});

test("the organisation without contacts says so", async ({ page }) => {
  await page.goto("/en/organisations/counter-extremism-project");
  await expect(page.getByText("No description yet.")).toBeVisible();
  await expect(page.getByText("No contact details are listed.")).toBeVisible();
});

test("an unknown organisation is a real 404", async ({ page }) => {
  const response = await page.goto("/en/organisations/no-such-organisation");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("after Next's first cache hit, the front cache answers with the same page and headers", async ({ request }) => {
  const path = "/en/organisations/state-security-service";
  let hit = await request.get(path);
  for (let i = 0; i < 3 && hit.headers()["x-nextjs-cache"] !== "HIT"; i++) hit = await request.get(path);
  expect(hit.headers()["x-nextjs-cache"]).toBe("HIT");
  // Next's own hit (the front cache keeps it) or already the front cache's (an Age header).
  const cached = await request.get(path);
  expect(cached.headers().age).toMatch(/^\d+$/);
  expect(await cached.text()).toBe(await hit.text());
  for (const name of ["content-security-policy", "x-frame-options", "cache-control", "etag", "vary", "content-type"]) {
    expect(cached.headers()[name], name).toBe(hit.headers()[name]);
  }
  const head = await request.head(path);
  expect([head.status(), head.headers().age !== undefined]).toEqual([200, true]);
  // Draft mode is left to Next.
  const draft = await request.get(path, { headers: { cookie: "__prerender_bypass=0" } });
  expect(draft.headers().age).toBeUndefined();
});

test("organisation pages are served from the ISR cache after the first request", async ({ request }) => {
  await request.get("/en/organisations/allo-tolerance");
  const second = await request.get("/en/organisations/allo-tolerance");
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  // A list page: other tests' approvals expire its tag at any moment, so it is cached again after at most a request or two.
  await expect.poll(async () => (await request.get("/en/countries/be")).headers()["x-nextjs-cache"], { intervals: [0] }).toMatch(/^(HIT|STALE)$/);
});
