// Every admin page is valid HTML for the W3C Nu checker (vnu.jar, run here on Java) and free of
// axe violations, with the rows each needs made by the test itself.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { freshAddress, insertChangeSet, signInAs, sql } from "./support";

const vnuJar = path.join(path.dirname(createRequire(import.meta.url).resolve("vnu-jar")), "build/dist/vnu.jar");

type VnuMessage = { type: string; subType?: string; url: string; lastLine?: number; message: string; extract?: string };

/** The Nu checker's errors for each file of `dir` (one Java start for all of them). */
async function nuErrors(dir: string): Promise<string[]> {
  const { stderr } = await promisify(execFile)("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--exit-zero-always", dir], { maxBuffer: 64 * 1024 * 1024 });
  const { messages } = JSON.parse(stderr) as { messages: VnuMessage[] };
  return messages.map((m) => `${path.basename(m.url)}:${m.lastLine ?? "?"}: ${m.message} ${m.extract ? `(${m.extract.trim().slice(0, 120)})` : ""}`);
}

test("every admin page is valid HTML (W3C Nu checker) and has no axe violations", async ({ page, make }) => {
  test.setTimeout(180_000);
  const admin = await make.user("admin");
  const editor = await make.user("editor");
  const organisation = await make.organisation();
  const draft = await insertChangeSet(admin, "draft", null, `Validity Draft ${crypto.randomUUID().slice(0, 6)}`);
  const submitted = await insertChangeSet(editor, "submitted", organisation.id, `${organisation.name} renamed`);
  const [{ id: importId }] = await sql(
    `INSERT INTO "ImportBatch" (id, "authorId", "fileName", "fileSize", settings, status, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'validity.csv', 10, '{}', 'checked', now()) RETURNING id`,
    [admin.id],
  );
  const pages = [
    "/admin",
    "/admin/users",
    "/admin/audit",
    "/admin/jobs",
    "/admin/organisations",
    "/admin/contacts?q=example",
    "/admin/links",
    "/admin/duplicates",
    "/admin/due",
    "/admin/account",
    "/admin/organisations/new",
    `/admin/organisations/${organisation.id}/edit`,
    `/admin/organisations/${organisation.id}/history`,
    `/admin/changes/${draft}`,
    `/admin/changes/${draft}/preview`,
    `/admin/changes/${submitted}/preview`,
    "/admin/reviews",
    `/admin/reviews/${submitted}`,
    "/admin/imports",
    `/admin/imports/${importId}`,
  ];
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(page, admin);
  const dir = await mkdtemp(path.join(tmpdir(), "prova-html-"));
  try {
    for (const [index, url] of pages.entries()) {
      // The HTML as served (the document the checker would fetch), then the page as rendered for axe.
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      await writeFile(path.join(dir, `${String(index).padStart(2, "0")}-${url.replace(/[^a-z0-9]+/gi, "-")}.html`), await response.text());
      await page.goto(url);
      expect(await accessibilityViolations(page), url).toEqual([]);
    }
    expect(await nuErrors(dir)).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await sql(`DELETE FROM "ImportBatch" WHERE id = $1`, [importId]);
  }
});

test("a form sent without JavaScript posts to its page and shows its outcome there", async ({ browser, make }) => {
  const editor = await make.user("editor");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await page.goto("/login");
  await page.getByLabel("E-mail address").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.goto("/admin/account");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save mail settings" }) });
  await expect(form).toHaveAttribute("action", /^\/admin\/account#form/);
  await page.getByLabel(/when a change of mine is decided/).uncheck();
  await page.getByRole("button", { name: "Save mail settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your mail settings are saved." })).toBeVisible();
  expect((await sql(`SELECT "notifyDecisions" FROM "User" WHERE id = $1`, [editor.id]))[0].notifyDecisions).toBe(false);
  await context.close();
});
