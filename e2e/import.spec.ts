// A spreadsheet brought in through the import page, with the test server's worker: upload, the
// check's table and error download, changing the mapping, sending to review, a second reviewer
// approving all of it, the new listing public; and the upload's refusals at the field.
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { freshAddress, signInAs, sql } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

// Its listings are in Portugal, a country whose list no other test counts.
test("an editor imports a spreadsheet into review and another reviewer approves it all; the listing goes public", async ({ page, browser, make }) => {
  // Four jobs of the worker (two checks, sending, approving), each waited for.
  test.setTimeout(120_000);
  const run = crypto.randomUUID().slice(0, 8);
  const csv = [
    "Liste PROVA;;;",
    `Nom;Genre;Site web;Courriel`,
    `Importée ${run};Verein;https://importee-${run}.example;info@importee-${run}.example`,
    `Autre ${run};;https://autre-${run}.example;pas une adresse`,
  ].join("\r\n");
  const editor = await make.user("editor");
  await signInAs(page, editor);
  await page.getByRole("link", { name: "Imports", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();

  // Nothing chosen: said at the field.
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByLabel("Spreadsheet", { exact: true })).toHaveAccessibleDescription(/Choose a CSV or Excel file to import\./);
  await page.getByLabel("Spreadsheet", { exact: true }).setInputFiles({ name: `liste-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `liste-${run}.csv` })).toBeVisible();

  // Checked by the worker: the header below the title row, the encoding, and what the mapping lacks.
  await expect(page.getByText("The columns cannot be read as organisations yet:")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/headers in row 2/)).toBeVisible();
  await expect(page.getByLabel("Encoding")).toHaveValue("");
  await expect(page.getByLabel("Encoding").locator("option:checked")).toHaveText("Detected: windows-1252");
  await expect(page.getByText("No column is mapped to the countries, and no default country is given.")).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // The author maps "Genre" to the kind, with a default kind and country, and checks again.
  await page.getByLabel("Column B: Genre").selectOption("kind");
  await page.getByLabel("Kind for rows without one").selectOption("ngo");
  await page.getByLabel("Countries for rows without any").fill("Portugal");
  await page.getByRole("button", { name: "Check again with these settings" }).click();
  // "Verein" is not a kind: an error at its column; the other row's e-mail too.
  const summary = page.getByRole("region", { name: "What importing would do" });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.getByText("With errors", { exact: true }).locator("..")).toContainText("2", { timeout: 30_000 });
  const rows = page.getByRole("table", { name: "The file's rows and what importing each does" });
  await expect(rows.getByRole("row").filter({ hasText: /^3/ })).toContainText(`Column B: "Verein" is not a kind of organisation`);
  await expect(rows.getByRole("row").filter({ hasText: /^4/ })).toContainText("Column D:");

  // The rows with errors download as a spreadsheet with an error column.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).last().click();
  const errors = (await (await download).createReadStream()).toArray();
  const text = Buffer.concat(await errors).toString("utf8");
  expect(text).toContain("Nom,Genre,Site web,Courriel,Errors,Row in the file");
  expect(text).toContain(`Importée ${run},Verein`);
  // In the reader's language: a staff member reading French gets the same rows, said in French.
  const link = await page.getByRole("link", { name: "Download as CSV" }).last().getAttribute("href");
  await sql(`UPDATE "User" SET language = 'fr' WHERE id = $1`, [editor.id]);
  const french = await (await page.request.get(link!)).text();
  await sql(`UPDATE "User" SET language = 'en' WHERE id = $1`, [editor.id]);
  expect(french).toContain("Nom,Genre,Site web,Courriel,Erreurs,Ligne dans le fichier");
  expect(french).toContain("B\u00a0: «\u00a0Verein\u00a0» n'est pas un type d'organisation");

  // The fixed file: uploaded again, it is read with the mapping remembered for these headers.
  await page.goto("/admin/imports");
  await page.getByLabel("Spreadsheet", { exact: true }).setInputFiles({
    name: `liste-${run}-fixed.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(csv.replace(";Verein;", ";ngo;").replace("pas une adresse", `info@autre-${run}.example`), "latin1"),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `liste-${run}-fixed.csv` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send 2 changes to review" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Column B: Genre")).toHaveValue("kind");
  await page.getByRole("button", { name: "Send 2 changes to review" }).click();
  const dialog = page.getByRole("dialog", { name: "Send 2 changes to review?" });
  await dialog.getByRole("button", { name: "Send to review" }).click();
  await expect(page.getByText("Another reviewer decides these changes: you cannot approve your own import.")).toBeVisible({ timeout: 30_000 });
  const importUrl = page.url();

  // A reviewer finds it among the reviews, and approves all of it after confirming.
  const reviewerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  const reviewerPage = await reviewerContext.newPage();
  await signInAs(reviewerPage, await make.user("reviewer"));
  await reviewerPage.goto("/admin/reviews");
  await reviewerPage.getByRole("region", { name: "Imports waiting for review" }).getByRole("link", { name: `liste-${run}-fixed.csv` }).click();
  await expect(reviewerPage).toHaveURL(importUrl);
  await reviewerPage.getByRole("button", { name: "Approve all" }).click();
  await reviewerPage.getByRole("dialog", { name: "Approve and publish the 2 changes still waiting?" }).getByRole("button", { name: "Approve all" }).click();
  await expect(reviewerPage.getByText("Decided ·", { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(reviewerPage.getByText("2 changes sent to review; 0 still waiting for a decision; 2 approved at once.")).toBeVisible();
  await reviewerContext.close();

  // Public: the new listing has its page.
  const [created] = await sql<{ slug: string }>(`SELECT slug FROM "Organisation" WHERE name = $1`, [`Importée ${run}`]);
  await page.goto(`/en/organisations/${created.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: `Importée ${run}` })).toBeVisible();
  await sql(`DELETE FROM "Organisation" WHERE name = ANY($1)`, [[`Importée ${run}`, `Autre ${run}`]]);
});

test("the upload takes a file larger than the proxy would pass on, and refuses an empty one at the field", async ({ page, make }) => {
  const editor = await make.user("editor");
  await signInAs(page, editor);
  await page.goto("/admin/imports");
  await page.getByLabel("Spreadsheet", { exact: true }).setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByLabel("Spreadsheet", { exact: true })).toHaveAccessibleDescription(/This file is empty\./);

  // 12 MB: above the 10 MB of a body Next's proxy hands on (one huge cell: the worker refuses it at once).
  const big = Buffer.from(`Name\n${"x".repeat(12 * 1024 * 1024)}\n`);
  const response = await page.request.post("/api/imports", { headers: { accept: "application/json" }, multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: big } } });
  expect(response.status()).toBe(201);
  const { id } = await response.json();
  const [stored] = await sql<{ fileSize: number }>(`SELECT "fileSize" FROM "ImportBatch" WHERE id = $1`, [id]);
  expect(stored.fileSize).toBe(big.byteLength);
  // From another site: refused, nothing stored.
  const before = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "ImportBatch" WHERE "authorId" = $1`, [editor.id]))[0].n;
  const crossSite = await page.request.post("/api/imports", { headers: { origin: "https://evil.example" }, multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("Name\nX\n") } } });
  expect(crossSite.status()).toBe(403);
  expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "ImportBatch" WHERE "authorId" = $1`, [editor.id]))[0].n).toBe(before);
});

test("staff export the whole directory as CSV and Excel", async ({ page, make }) => {
  await signInAs(page, await make.user("editor"));
  await page.goto("/admin/imports");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^prova-directory-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
  expect(text).toMatch(/^\uFEFFName,Acronym,Kind,Countries,Description,Original language,Website,E-mail,Phone,Fax,Address,Contact form,Status,Slug,Description \(English\),Description \(French\),Description \(Dutch\),Description \(German\),Description \(Italian\),Description \(Spanish\),Description \(Romanian\)\r\n/);
  expect(text).toContain("Allo-Tolerance");
  const xlsx = await page.request.get("/api/export?format=xlsx");
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
});
