// A change to the data is on the public pages at the very next request after revalidatePublic.
import { expect, test } from "./factories";
import { everyPageOf } from "../lib/cache-tags";
import { revalidateToken } from "../lib/security/keys";
import { sql } from "./support";

const secret = process.env.NEXTAUTH_SECRET!;
const token = revalidateToken(secret);

test("revalidatePublic refreshes the organisation page, its country page and the home page", async ({ page, request, make }) => {
  const { id, slug, name } = await make.organisation({ listed: true });
  await page.goto(`/en/organisations/${slug}`);
  await page.goto("/en/countries/mt");

  const renamed = `${name} renamed`;
  await sql(`UPDATE "Organisation" SET name = $1, "updatedAt" = now() WHERE id = $2`, [renamed, id]);
  // Without revalidation the cached pages still show the old name, from the front cache
  // (server.js: an Age header) once Next has served its own cache hit.
  await page.goto(`/en/organisations/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await request.get(`/en/organisations/${slug}`);
  const cached = await request.get(`/en/organisations/${slug}`);
  expect(cached.headers().age).toMatch(/^\d+$/);
  expect(await cached.text()).not.toContain(renamed);

  const response = await request.post("/api/revalidate", {
    headers: { authorization: `Bearer ${token}` },
    data: { tags: everyPageOf(id, slug, ["MT"]) },
  });
  expect(response.status()).toBe(200);

  await page.goto(`/en/organisations/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
  await page.goto("/en/countries/mt");
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();
  await page.goto("/en");
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();
});

test("the revalidate endpoint refuses requests without its token, with NEXTAUTH_SECRET itself, and bad bodies", async ({ request }) => {
  expect((await request.post("/api/revalidate", { data: { tags: ["organisations"] } })).status()).toBe(401);
  // One secret per purpose: the session secret does not open this endpoint.
  expect((await request.post("/api/revalidate", { headers: { authorization: `Bearer ${secret}` }, data: { tags: ["organisations"] } })).status()).toBe(401);
  const bad = await request.post("/api/revalidate", { headers: { authorization: `Bearer ${token}` }, data: { tags: "x" } });
  expect(bad.status()).toBe(400);
});

test("the sitemap index and its sitemaps list every published page", async ({ request }) => {
  const index = await (await request.get("/sitemap.xml")).text();
  const locations = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  expect(locations).toEqual(["/sitemaps/sitemap/pages.xml", "/sitemaps/sitemap/organisations-0-of-1.xml"]);
  const pages = await (await request.get(locations[0])).text();
  expect(pages).toContain("/en/countries/be</loc>");
  const sitemap = await (await request.get(locations[1])).text();
  expect(sitemap).toContain("/en/organisations/allo-tolerance</loc>");
  expect(sitemap).toContain("<lastmod>");
  // Each page once. Other tests add and remove organisations of their own meanwhile (the sitemap
  // is cached for an hour), so the ones counted are the seeded directory's, which nobody changes.
  const listed = [...sitemap.matchAll(/\/en\/organisations\/([^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(new Set(listed).size).toBe(listed.length);
  const seeded = await sql<{ slug: string }>(`SELECT slug FROM "Organisation" WHERE status = 'published' AND 'BE' = ANY("countryCodes")`);
  expect(seeded.length).toBeGreaterThan(0);
  expect(listed).toEqual(expect.arrayContaining(seeded.map((row) => row.slug)));
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("/sitemap.xml");
});
