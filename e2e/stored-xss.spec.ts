// Stored cross-site scripting: an organisation whose every text field holds markup, script and
// `javascript:` addresses, written straight into the database as if every check before it had
// failed. Every page that shows it renders the values as text: no dialog, no element or link
// made from them; the JSON-LD keeps them as strings; the CSV neutralises formula-like cells.
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { revalidateToken } from "../lib/security/keys";
import { demoUsers, freshAddress, signInAs, sql } from "./support";

const script = "</script><script>alert('script')</script>";
const image = `<img src=x onerror="alert('image')">`;
const hostile = {
  name: `Xss Probe ${image}`,
  acronym: `<b onmouseover=alert(1)>XP</b>`,
  description: `Intro ${script}\n\nSee javascript:alert('text') and <a href="javascript:alert('a')">this</a>.`,
  website: "javascript:alert('website')",
};
const contacts = [
  ["EMAIL", `"><img src=x onerror=alert('mail')>@example.org`, image],
  ["PHONE", `javascript:alert('phone')`, null],
  ["ADDRESS", `${script}\nRue ${image}`, null],
  ["CONTACT_FORM", "javascript:alert('form')", `=HYPERLINK("http://evil.example")`],
] as const;

let id: string;
let changeSetId: string;

test.beforeAll(async () => {
  const slug = `xss-probe-${Date.now()}`;
  [{ id }] = await sql<{ id: string }>(
    `INSERT INTO "Organisation" (id, slug, name, acronym, kind, description, website, status, version, "updatedAt", "lastVerifiedAt", "countryCodes")
     VALUES (gen_random_uuid(), $1, $2, $3, 'ngo', $4, $5, 'published', 1, now(), now(), ARRAY['BE']) RETURNING id`,
    [slug, hostile.name, hostile.acronym, hostile.description, hostile.website],
  );
  await sql(`INSERT INTO "OrganisationCountry" ("organisationId", "countryCode", position) VALUES ($1, 'BE', 0)`, [id]);
  for (const [position, [type, value, label]] of contacts.entries()) {
    await sql(
      `INSERT INTO "Contact" (id, "organisationId", position, type, label, value, "rawValue") VALUES (gen_random_uuid(), $1, $2, $3::"ContactType", $4, $5, $5)`,
      [id, position, type.toLowerCase(), label, value],
    );
  }
  const proposed = { slug: `${slug}-new`, name: hostile.name, acronym: hostile.acronym, kind: "NGO", description: hostile.description, website: hostile.website, countries: ["BE"], contacts: [], archived: false };
  [{ id: changeSetId }] = await sql<{ id: string }>(
    `INSERT INTO "ChangeSet" (id, kind, status, "authorId", proposed, "updatedAt", "submittedAt")
     SELECT gen_random_uuid(), 'create', 'submitted', id, $1::jsonb, now(), now() FROM "User" WHERE email = $2 RETURNING id`,
    [JSON.stringify(proposed), demoUsers.editor.email],
  );
  await fetch(`${test.info().project.use.baseURL}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidateToken(process.env.NEXTAUTH_SECRET!)}`, "content-type": "application/json" },
    body: JSON.stringify({ tags: [`organisation:${id}`, "organisations", "country:BE"] }),
  });
});

test.afterAll(async () => {
  await sql(`DELETE FROM "ChangeSet" WHERE id = $1`, [changeSetId]);
  await sql(`DELETE FROM "Organisation" WHERE id = $1`, [id]);
  await fetch(`${test.info().project.use.baseURL}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidateToken(process.env.NEXTAUTH_SECRET!)}`, "content-type": "application/json" },
    body: JSON.stringify({ tags: [`organisation:${id}`, "organisations", "country:BE"] }),
  });
});

/** Nothing from the values became markup, a script or a link. */
async function expectInert(page: Page, where: string) {
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll("img[onerror], img[src='x']").length,
    bold: document.querySelectorAll("b[onmouseover]").length,
    scriptLinks: [...document.querySelectorAll("a[href]")].filter((link) => /^\s*javascript:/i.test(link.getAttribute("href")!)).length,
    scripts: [...document.scripts].filter((element) => element.type !== "application/ld+json" && /^\s*alert\(/.test(element.textContent ?? "")).length,
  }));
  expect(injected, where).toEqual({ images: 0, bold: 0, scriptLinks: 0, scripts: 0 });
}

test("every page that shows the organisation renders its values as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  const [{ slug }] = await sql<{ slug: string }>(`SELECT slug FROM "Organisation" WHERE id = $1`, [id]);

  await page.goto(`/organisations/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${hostile.name} (${hostile.acronym})`);
  await expect(page.getByText(script).first()).toBeVisible();
  await expect(page.getByText("javascript:alert('website')")).toBeVisible();
  await expectInert(page, "organisation page");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd.name).toBe(hostile.name);
  expect(jsonLd.description).toContain(script);

  for (const [url, where] of [
    ["/countries/be", "country page"],
    [`/search?q=${encodeURIComponent("xss probe")}`, "search"],
  ] as const) {
    await page.goto(url);
    await expect(page.getByText(hostile.name).first(), where).toBeVisible();
    await expectInert(page, where);
  }

  await signInAs(page, demoUsers.reviewer);
  for (const [url, where] of [
    [`/admin/organisations?q=${encodeURIComponent("xss probe")}`, "admin list"],
    [`/admin/organisations/${id}/edit`, "edit form"],
    [`/admin/reviews/${changeSetId}`, "review page"],
  ] as const) {
    await page.goto(url);
    await expectInert(page, where);
  }
  await expect(page.getByText(image).first()).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("the CSV export keeps the values and neutralises formula-like cells", async ({ request }) => {
  const csv = (await (await request.get("/api/v1/organisations.csv?country=be")).text()).replace(/^\uFEFF/, "");
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const row = rows.find((candidate) => Object.values(candidate).some((cell) => cell.includes("Xss Probe")))!;
  expect(row).toBeTruthy();
  expect(Object.values(row)).toContain(hostile.name);
  for (const cell of Object.values(row)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  expect(Object.values(row).join("\n")).toContain(`'=HYPERLINK`);
});
