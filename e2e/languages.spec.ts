import { expect, test } from "./factories";
import { approveAsReviewer, backdateStamps, demoUsers, freshAddress, signInAs, sql, submitChange } from "./support";
import { readFileSync } from "node:fs";
import type english from "../messages/en.json";
import { languageNameIn } from "../lib/i18n/locales";

const french = JSON.parse(readFileSync(new URL("../messages/fr.json", import.meta.url), "utf8")) as typeof english;

// The public pages in their readers' languages: one address per language, the same page in each,
// the old unprefixed addresses kept, and the bare / alone choosing by Accept-Language.

const languages = ["en", "fr", "nl", "de", "it", "es", "ro"];

test("an organisation's page in French and a country's page in Dutch, in their own words", async ({ page }) => {
  await page.goto("/fr/organisations/allo-tolerance");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveTitle("Allo-Tolerance · Annuaire PROVA");
  await expect(page.getByRole("heading", { level: 2, name: "Site web et coordonnées" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Belgique" })).toHaveAttribute("href", "/fr/countries/be");
  await expect(page.getByRole("link", { name: "Proposer une correction" })).toHaveAttribute("href", "/fr/organisations/allo-tolerance/suggest");

  await page.goto("/nl/countries/be");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1, name: "Organisaties in België" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Allo-Tolerance" }).getByRole("link")).toHaveAttribute("href", "/nl/organisations/allo-tolerance");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Zoeken" }).click();
  await expect(page).toHaveURL("/nl/search");
});

test("the language switch leads to the same page in the other language, a search with its query", async ({ page }) => {
  await page.goto("/fr/organisations/allo-tolerance");
  const switcher = page.getByRole("navigation", { name: "Langues" });
  await expect(switcher.getByText("Français")).toHaveAttribute("aria-current", "page");
  await switcher.getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL("/nl/organisations/allo-tolerance");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");

  await page.goto("/de/search?q=tolerance&country=be");
  await expect(page.getByRole("heading", { level: 2, name: /Organisation(en)? gefunden/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Sprachen" }).getByRole("link", { name: "Español" }).click();
  await expect(page).toHaveURL("/es/search?q=tolerance&country=be");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});

test("the language switch works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/it/countries/be");
  await page.getByRole("navigation", { name: "Lingue" }).getByRole("link", { name: "Română" }).click();
  await expect(page).toHaveURL("/ro/countries/be");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Belgia");
  await context.close();
});

test("every public page names its alternates in every language, with x-default", async ({ request }) => {
  for (const path of ["/countries/be", "/organisations/allo-tolerance"]) {
    const html = await (await request.get(`/ro${path}`)).text();
    const alternates = [...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g)].map(([, language, href]) => [language, new URL(href).pathname]);
    expect(alternates, path).toEqual([...languages.map((language) => [language, `/${language}${path}`]), ["x-default", `/en${path}`]]);
    expect(html).toContain(`<link rel="canonical" href="`);
  }
  const home = await (await request.get("/nl")).text();
  expect(home).toContain("<title>PROVA-gids</title>");
  const homeDefault = /<link rel="alternate" hrefLang="x-default" href="([^"]+)"/.exec(home)![1];
  expect(new URL(homeDefault).pathname).toBe("/");
});

test("the sitemaps list every page in every language, each naming the others", async ({ request }) => {
  const index = await (await request.get("/sitemap.xml")).text();
  const organisations = [...index.matchAll(/<loc>([^<]+organisations-[^<]+)<\/loc>/g)].map(([, url]) => new URL(url).pathname);
  const sitemap = await (await request.get(organisations[0])).text();
  expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  for (const language of languages) expect(sitemap).toMatch(new RegExp(`<loc>[^<]+/${language}/organisations/allo-tolerance</loc>`));
  const entry = /<url><loc>[^<]+\/fr\/organisations\/allo-tolerance<\/loc>.*?<\/url>/.exec(sitemap)![0];
  for (const language of languages) expect(entry).toMatch(new RegExp(`hreflang="${language}" href="[^"]+/${language}/organisations/allo-tolerance"`));
  expect(entry).toMatch(/hreflang="x-default" href="[^"]+\/en\/organisations\/allo-tolerance"/);
});

test("old addresses lead permanently to the English page, query included", async ({ request }) => {
  for (const [old, now] of [
    ["/organisations/allo-tolerance", "/en/organisations/allo-tolerance"],
    ["/countries/be", "/en/countries/be"],
    ["/search?q=tolerance&kind=project", "/en/search?q=tolerance&kind=project"],
    ["/suggest", "/en/suggest"],
  ]) {
    const response = await request.get(old, { maxRedirects: 0 });
    expect(response.status(), old).toBe(308);
    expect(response.headers().location, old).toBe(now);
  }
});

test("the bare / alone chooses by Accept-Language, privately; the pages themselves never vary on it", async ({ request }) => {
  const to = async (acceptLanguage?: string) => {
    const response = await request.get("/?from=mail", { maxRedirects: 0, headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} });
    expect(response.status()).toBe(307);
    expect(response.headers().vary).toContain("Accept-Language");
    expect(response.headers()["cache-control"]).toContain("private");
    const location = new URL(response.headers().location, "http://directory.test");
    return location.pathname + location.search;
  };
  expect(await to("fr-BE,fr;q=0.9,en;q=0.8")).toBe("/fr?from=mail");
  expect(await to("ja, nl;q=0.5")).toBe("/nl?from=mail");
  expect(await to("ja")).toBe("/en?from=mail");
  expect(await to()).toBe("/en?from=mail");

  const page = await request.get("/de", { headers: { "accept-language": "fr" } });
  expect(page.headers().vary ?? "").not.toContain("Accept-Language");
  expect(await page.text()).toContain('<html lang="de"');
});

test("an address under no language is a page not found", async ({ page }) => {
  const response = await page.goto("/xx/organisations/allo-tolerance");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("one approval refreshes the listing's page in every language", async ({ page, browser, make, request }) => {
  const organisation = await make.organisation({ countries: ["LI"] });
  const paths = ["en", "fr", "nl"].map((language) => `/${language}/organisations/${organisation.slug}`);
  for (const path of paths) {
    await request.get(path);
    await expect.poll(async () => (await request.get(path)).headers()["x-nextjs-cache"], { intervals: [0] }).toBe("HIT");
  }
  await signInAs(page, demoUsers.editor);
  const website = `https://languages-${organisation.slug}.example`;
  const changeSetId = await submitChange(page, organisation.slug, (form) => form.getByLabel("Website (optional)").fill(website));
  await approveAsReviewer(browser, changeSetId);
  for (const path of paths) await expect.poll(async () => (await request.get(path)).text(), { message: path }).toContain(website);
});

test("a translation proposed and approved through review shows in its language only; other languages show the original, marked", async ({ page, browser, make, request }) => {
  const organisation = await make.organisation({ countries: ["LI"], description: "Prevents radicalisation through sport." });
  const french = "Prévient la radicalisation par le sport.";
  await signInAs(page, demoUsers.editor);
  const changeSetId = await submitChange(page, organisation.slug, async (form) => {
    const fieldset = form.getByRole("group", { name: "Languages" });
    await expect(fieldset.getByLabel("The name and description are written in")).toHaveValue("en");
    await fieldset.getByText("French (not translated)").click();
    await fieldset.getByLabel("Description in French (optional)").fill(french);
  });

  // Reviewed as a change of its own, by field and language.
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signInAs(reviewer, demoUsers.reviewer);
  await reviewer.goto(`/admin/reviews/${changeSetId}`);
  await expect(reviewer.getByText("Description in French").first()).toBeVisible();
  await expect(reviewer.getByText(french).first()).toBeVisible();
  await context.close();
  await approveAsReviewer(browser, changeSetId);

  await expect.poll(async () => (await request.get(`/fr/organisations/${organisation.slug}`)).text()).toContain(french);
  await page.goto(`/fr/organisations/${organisation.slug}`);
  await expect(page.locator('[lang="fr"]').getByText(french)).toBeVisible();
  await expect(page.getByText("Texte original en")).toHaveCount(0);

  await page.goto(`/nl/organisations/${organisation.slug}`);
  await expect(page.getByText("Oorspronkelijke tekst in het Engels")).toBeVisible();
  await expect(page.locator('[lang="en"]').getByText("Prevents radicalisation through sport.")).toBeVisible();
  await expect(page.getByText(french)).toHaveCount(0);

  // Lists show the translated summary too (the country page, refreshed by the same approval).
  await page.goto("/fr/countries/li");
  await expect(page.locator('p[lang="fr"]').getByText(french)).toBeVisible();

  await page.goto(`/en/organisations/${organisation.slug}`);
  await expect(page.getByText("Prevents radicalisation through sport.")).toBeVisible();
  await expect(page.getByText("Original in")).toHaveCount(0);

  // Found by words of its translation.
  await expect.poll(async () => (await request.get(`/en/search?q=${encodeURIComponent("prévient sport")}`)).text()).toContain(organisation.name);

  // The API in a language: translated where it is, the original (and which language it is in) elsewhere.
  const inFrench = await request.get(`/api/v1/organisations/${organisation.slug}?lang=fr`);
  expect(inFrench.headers()["content-language"]).toBe("fr");
  expect((await inFrench.json()).data).toMatchObject({ description: french, language: "fr", originalLanguage: "en", translations: { fr: { description: french } } });
  const inDutch = await request.get(`/api/v1/organisations/${organisation.slug}?lang=nl`);
  expect((await inDutch.json()).data).toMatchObject({ description: "Prevents radicalisation through sport.", language: "en" });
  expect((await request.get(`/api/v1/organisations/${organisation.slug}?lang=xx`)).status()).toBe(400);
});

test("the suggestion form in French: its labels, its errors at their fields and its answers", async ({ page, make }) => {
  const organisation = await make.organisation({ countries: ["BE"] });
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await backdateStamps(page);
  await page.goto(`/fr/organisations/${organisation.slug}/suggest`);
  const form = french.Form;
  await expect(page.getByRole("group", { name: form.countries })).toContainText("1. Belgique");
  await page.getByLabel(form.name, { exact: true }).fill("");
  await page.getByRole("button", { name: form.addContact }).click();
  const number = String(organisation.contacts.length + 1);
  await page.getByLabel(form.contactKind.replace("{number}", number)).selectOption("PHONE");
  // "Contact 3 : téléphone": the message's select, for a phone.
  const phoneLabel = form.contactValue.replace("{number}", number).replace(/\{type, select,.*\}$/, /PHONE \{([^}]*)\}/.exec(form.contactValue)![1]);
  const value = page.getByLabel(phoneLabel, { exact: true });
  await value.fill("12");
  await page.getByRole("button", { name: form.send }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(french.Validation.checkFields);
  await expect(page.getByText(french.Validation.nameRequired)).toBeVisible();
  await expect(page.getByText(french.Validation.phoneInvalidIn.replace("{region}", "BE"))).toBeVisible();

  await page.getByLabel(form.name, { exact: true }).fill(`${organisation.name} (corrigé)`);
  await value.fill("+32 2 511 22 33");
  await page.getByRole("button", { name: form.send }).click();
  await expect(page).toHaveURL(/\/fr\/suggest\/thanks$/);
  await expect(page.getByRole("heading", { level: 1, name: french.Suggest.thanksTitle })).toBeVisible();
  // Its outcome will be e-mailed in French.
  const [suggestion] = await sql(`SELECT status, "suggesterLanguage" FROM "ChangeSet" WHERE public AND "organisationId" = $1`, [organisation.id]);
  expect(suggestion).toMatchObject({ status: "submitted", suggesterLanguage: "fr" });
});

test("the forms of a confirmation link answer in the page's language", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await page.goto("/fr/confirm/0193a0c2-7b7e-7000-8000-000000000000.forged-signature");
  await expect(page.getByRole("heading", { level: 1, name: french.Confirm.invalidTitle })).toBeVisible();
  const email = page.getByLabel(french.Confirm.newLinkEmail);
  await email.fill("not an address");
  await page.getByRole("button", { name: french.Confirm.newLinkByEmailSubmit }).click();
  await expect(page.getByText(french.Validation.listingEmail)).toBeVisible();
  await email.fill("nobody@example.org");
  await page.getByRole("button", { name: french.Confirm.newLinkByEmailSubmit }).click();
  await expect(page.getByRole("status").filter({ hasText: french.Confirm.newLinkByEmailSent.replace("{email}", "nobody@example.org") })).toBeVisible();
});

test("a member of staff chooses the admin's language on their account page: the header, the page, the organisation form and its errors follow", async ({ page, make }) => {
  const editor = await make.user("editor");
  await signInAs(page, editor);
  await page.goto("/admin/account");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("The admin and your e-mail in").selectOption("fr");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("status").filter({ hasText: french.Account.languageSaved.replace("{language}", "français") })).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: french.Account.title })).toBeVisible();
  await expect(page.getByRole("navigation", { name: french.Admin.navigation }).getByRole("link", { name: french.Admin.organisations })).toBeVisible();
  await expect(page.getByLabel(french.Account.languageLabel)).toHaveValue("fr");

  // The organisation form in French, its countries named in French, its errors too.
  await page.goto("/admin/organisations/new");
  await expect(page.getByLabel(french.Form.name, { exact: true })).toBeVisible();
  await expect(page.getByLabel(french.Form.addCountry).getByRole("option", { name: "Belgique" })).toHaveCount(1);
  await page.getByRole("button", { name: french.Form.saveDraft }).click();
  await expect(page.getByText(french.Validation.nameRequired)).toBeVisible();
  await expect(page.getByText(french.Validation.countriesRequired)).toBeVisible();
  await expect(page.getByRole("group", { name: french.Form.languages }).getByText(`${languageNameIn("fr", "nl")} ${french.Form.notTranslated}`)).toBeVisible();
});
