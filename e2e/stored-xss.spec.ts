// Stored cross-site scripting: an organisation whose every text field holds markup, script and
// `javascript:` addresses, written straight into the database as if every check before it had
// failed. Every page that shows it renders the values as text: no dialog, no element or link
// made from them; the JSON-LD keeps them as strings; the CSV neutralises formula-like cells.
import { parse } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import { expect, Factory, test, type ContactSpec } from "./factories";
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
// Made once for the file (in each worker that runs a test of it), outside Belgium, which the
// read-only specs count.
let factory: Factory;

test.beforeAll(async () => {
  factory = new Factory(test.info().project.use.baseURL!);
  ({ id } = await factory.organisation({
    ...hostile,
    kind: "ngo",
    contacts: contacts.map(([type, value, label]) => ({ type: type.toLowerCase() as ContactSpec["type"], value, label })),
    listed: true,
  }));
  const author = await factory.user("editor");
  const proposed = { slug: `xss-probe-${crypto.randomUUID().slice(0, 8)}`, name: hostile.name, acronym: hostile.acronym, kind: "NGO", description: hostile.description, website: hostile.website, countries: ["MT"], contacts: [], archived: false };
  [{ id: changeSetId }] = await sql<{ id: string }>(
    `INSERT INTO "ChangeSet" (id, kind, status, "authorId", proposed, "updatedAt", "submittedAt")
     VALUES (gen_random_uuid(), 'create', 'submitted', $2, $1::jsonb, now(), now()) RETURNING id`,
    [JSON.stringify(proposed), author.id],
  );
});

test.afterAll(async () => {
  await factory.cleanup();
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

  await page.goto(`/en/organisations/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${hostile.name} (${hostile.acronym})`);
  await expect(page.getByText(script).first()).toBeVisible();
  await expect(page.getByText("javascript:alert('website')")).toBeVisible();
  await expectInert(page, "organisation page");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd.name).toBe(hostile.name);
  expect(jsonLd.description).toContain(script);

  for (const [url, where] of [
    ["/en/countries/mt", "country page"],
    [`/en/search?q=${encodeURIComponent("xss probe")}`, "search"],
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
  const csv = (await (await request.get("/api/v1/organisations.csv?country=mt")).text()).replace(/^\uFEFF/, "");
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const row = rows.find((candidate) => Object.values(candidate).some((cell) => cell.includes("Xss Probe")))!;
  expect(row).toBeTruthy();
  expect(Object.values(row)).toContain(hostile.name);
  for (const cell of Object.values(row)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  expect(Object.values(row).join("\n")).toContain(`'=HYPERLINK`);
});
