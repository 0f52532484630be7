// A change to the data is on the public pages at the very next request after revalidatePublic.
import { expect, test } from "@playwright/test";
import { revalidateToken } from "../lib/security/keys";
import { sql } from "./support";

const secret = process.env.NEXTAUTH_SECRET!;
const token = revalidateToken(secret);

test("revalidatePublic refreshes the organisation page, its country page and the home page", async ({ page, request }) => {
  const [{ id }] = await sql<{ id: string }>(`SELECT id FROM "Organisation" WHERE slug = 'allo-tolerance'`);
  await page.goto("/organisations/allo-tolerance");
  await page.goto("/countries/be");

  const renamed = `Allo-Tolerance ${Date.now()}`;
  await sql(`UPDATE "Organisation" SET name = $1, "updatedAt" = now() WHERE id = $2`, [renamed, id]);
  try {
    // Without revalidation the cached pages still show the old name, from the front cache
    // (server.js: an Age header) once Next has served its own cache hit.
    await page.goto("/organisations/allo-tolerance");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allo-Tolerance");
    await request.get("/organisations/allo-tolerance");
    const cached = await request.get("/organisations/allo-tolerance");
    expect(cached.headers().age).toMatch(/^\d+$/);
    expect(await cached.text()).not.toContain(renamed);

    const response = await request.post("/api/revalidate", {
      headers: { authorization: `Bearer ${token}` },
      data: { tags: [`organisation:${id}`, "organisations", "country:BE"] },
    });
    expect(response.status()).toBe(200);

    await page.goto("/organisations/allo-tolerance");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
    await page.goto("/countries/be");
    await expect(page.getByRole("link", { name: renamed })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("link", { name: renamed })).toBeVisible();
  } finally {
    await sql(`UPDATE "Organisation" SET name = 'Allo-Tolerance' WHERE id = $1`, [id]);
    await request.post("/api/revalidate", {
      headers: { authorization: `Bearer ${token}` },
      data: { tags: [`organisation:${id}`, "organisations", "country:BE"] },
    });
  }
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
  expect(locations).toEqual(["/sitemaps/sitemap/0.xml"]);
  const sitemap = await (await request.get(locations[0])).text();
  expect(sitemap).toContain("/countries/be</loc>");
  expect(sitemap).toContain("/organisations/allo-tolerance</loc>");
  expect(sitemap).toContain("<lastmod>");
  const [{ count }] = await sql<{ count: string }>(`SELECT count(*) FROM "Organisation" WHERE status = 'published'`);
  expect(sitemap.match(/\/organisations\//g)?.length).toBe(Number(count));
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("/sitemap.xml");
});
