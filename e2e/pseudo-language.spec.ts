import type { Page } from "@playwright/test";
import { expect, test } from "./factories";
import { freshAddress, insertChangeSet, signInAs, sql } from "./support";
import { summarise } from "../lib/text";
import { readablePhone } from "../lib/validation/normalise";
import { languageName, locales } from "../lib/i18n/locales";

// The public pages in the pseudo-language (/zz/…, served by the test build only: i18n/locales.ts),
// whose messages are the English ones marked ⟦…⟧. What a page shows outside the marks must be
// data (an organisation's name, description, contacts, a country's name), digits or punctuation:
// any other text is written in the code, not in the messages, and would stay English in every
// language.

/** The text outside ⟦…⟧ (marks may nest: a message given another as an argument). */
function outsideMarks(text: string): string {
  let depth = 0;
  let outside = "";
  for (const character of text) {
    if (character === "⟦") depth++;
    else if (character === "⟧") depth = Math.max(0, depth - 1);
    else outside += depth === 0 ? character : "";
    if (character === "⟦" || character === "⟧") outside += " ";
  }
  return outside;
}

/**
 * White space of any kind as one space: a piece of data is found again across the line breaks and
 * the marked message a page puts inside it (a link's "opens in a new tab").
 */
const oneSpaced = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Everything a reader meets on the page (its text, screen-reader text too, title, labels, hints and
 * options), and what the page itself marks as data: an organisation's name in a link to its page,
 * a text in a language of its own (`lang`, as descriptions are). Other tests add and remove
 * organisations meanwhile, so a cached list may name one the database no longer has.
 */
async function shownText(page: Page): Promise<{ text: string; data: string[] }> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) parts.push(element.getAttribute(name) ?? "");
    }
    for (const option of document.querySelectorAll("option")) parts.push(option.textContent ?? "");
    for (const element of document.querySelectorAll(".sr-only")) parts.push(element.textContent ?? "");
    const data = [...document.querySelectorAll('a[href*="/organisations/"]:not([href$="/suggest"]), body [lang]')].map((element) => element.textContent ?? "");
    return { text: parts.join("\n"), data };
  });
}

/** The month and day names and the AM/PM Intl writes in English: formatted values, not messages. */
function intlWords(): string[] {
  const words = new Set<string>(["AM", "PM"]);
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2026, month, 1));
    for (const style of ["long", "short"] as const) {
      words.add(date.toLocaleString("en-US", { month: style, timeZone: "UTC" }));
      words.add(date.toLocaleString("en-GB", { month: style, timeZone: "UTC" }));
    }
  }
  for (let day = 0; day < 7; day++) for (const style of ["long", "short"] as const) words.add(new Date(Date.UTC(2026, 0, 4 + day)).toLocaleString("en-US", { weekday: style, timeZone: "UTC" }));
  return [...words];
}

/** Every piece of data a page may show, longest first: organisations, their contacts, countries, people, changes. */
async function data(): Promise<string[]> {
  const organisations = await sql<{
    name: string;
    acronym: string | null;
    description: string;
    website: string | null;
    translations: Record<string, string>;
  }>(`SELECT name, acronym, description, website, translations FROM "Organisation"`);
  const contacts = await sql<{
    type: string;
    value: string;
    label: string | null;
  }>(`SELECT type, value, label FROM "Contact"`);
  const countries = await sql<{ code: string; name: string }>(`SELECT code, name FROM "Country"`);
  const people = await sql<{ name: string; email: string }>(`SELECT name, email FROM "User"`);
  const proposed = await sql<{ name: string | null }>(`SELECT proposed->>'name' AS name FROM "ChangeSet"`);
  const imports = await sql<{ fileName: string }>(`SELECT "fileName" FROM "ImportBatch"`);
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  const pieces = [
    ...organisations.flatMap((organisation) => [
      organisation.name,
      organisation.acronym ?? "",
      organisation.website ?? "",
      summarise(organisation.description),
      ...organisation.description.split("\n"),
      ...Object.values(organisation.translations).flatMap((text) => [summarise(text), ...text.split("\n")]),
    ]),
    ...contacts.flatMap((contact) => [contact.label ?? "", ...contact.value.split("\n"), contact.type === "phone" || contact.type === "fax" ? readablePhone(contact.value) : ""]),
    ...countries.flatMap((country) => [country.name, english.of(country.code) ?? "", country.code]),
    // The language switch names each language in itself, the admin in the reader's (Intl's names, not messages).
    ...locales.flatMap((locale) => [languageName(locale), new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? ""]),
    ...people.flatMap((person) => [person.name, person.email]),
    // Dates and times as Intl writes them (the pseudo-language's are English ones).
    ...intlWords(),
    ...proposed.map((change) => change.name ?? ""),
    ...imports.map((batch) => batch.fileName),
  ];
  return [...new Set(pieces.map(oneSpaced).filter((piece) => piece.length > 0))].sort((a, b) => b.length - a.length);
}

/** The words a page shows outside the messages and the data. */
async function unmarked(page: Page): Promise<string[]> {
  const shown = await shownText(page);
  let text = oneSpaced(outsideMarks(shown.text));
  const pieces = [...(await data()), ...shown.data.map((piece) => oneSpaced(outsideMarks(piece)))].sort((a, b) => b.length - a.length);
  for (const piece of pieces.filter(Boolean)) text = text.split(piece).join(" | ");
  return text
    .split("|")
    .map((rest) => rest.trim())
    .filter((rest) => /\p{L}/u.test(rest));
}

/** Each page (in the pseudo-language) with the words it shows outside the messages and the data; none when all is well. */
async function unmarkedOn(page: Page, paths: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "zz");
    const words = await unmarked(page);
    if (words.length) found[path] = words;
  }
  return found;
}

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

test("the public pages show no text outside the messages", async ({ page, make }) => {
  const organisation = await make.organisation({
    countries: ["MT"],
    website: "https://pseudo.example.org",
    description: "Pseudonymous work in Valletta.\n\nA second paragraph, with https://pseudo.example.org/about in it.",
    contacts: [
      { type: "email", value: "pseudo@example.org", label: "Office" },
      { type: "phone", value: "+35621234567", rawValue: "2123 4567" },
      { type: "address", value: "1 Pseudo Street\nValletta" },
    ],
  });
  const pages = [
    "/zz",
    "/zz/countries/mt",
    `/zz/organisations/${organisation.slug}`,
    `/zz/search?q=${encodeURIComponent("pseudonymous")}`,
    "/zz/search?q=zzzznothingzzzz",
    "/zz/suggest",
    `/zz/organisations/${organisation.slug}/suggest`,
    "/zz/suggest/thanks",
    "/zz/confirm/0193a0c2-7b7e-7000-8000-000000000000.forged-signature",
    "/zz/organisations/no-such-organisation",
  ];
  expect(await unmarkedOn(page, pages)).toEqual({});
});

test("the suggestion form's errors and answers are messages too", async ({ page }) => {
  await page.goto("/zz/suggest");
  await page.getByRole("button", { name: /Send the suggestion/ }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  expect(await unmarked(page)).toEqual([]);
});

test("the admin pages of a member of staff reading the pseudo-language show no text outside the messages", async ({ page, make }) => {
  test.setTimeout(180_000);
  const admin = await make.user("admin");
  const editor = await make.user("editor");
  const organisation = await make.organisation({ contacts: [{ type: "email", value: "pseudo-admin@example.org" }] });
  const draft = await insertChangeSet(admin, "draft", null, `Pseudo Draft ${crypto.randomUUID().slice(0, 6)}`);
  const submitted = await insertChangeSet(editor, "submitted", organisation.id, `${organisation.name} renamed`);
  const [{ id: importId }] = await sql(
    `INSERT INTO "ImportBatch" (id, "authorId", "fileName", "fileSize", settings, status, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'pseudo.csv', 10, '{}', 'checked', now()) RETURNING id`,
    [admin.id],
  );
  await signInAs(page, admin);
  await sql(`UPDATE "User" SET language = 'zz' WHERE id = $1`, [admin.id]);
  // Every admin page but the audit log and the jobs page, whose tables are codes, addresses and queue names.
  const pages = [
    "/admin",
    "/admin/account",
    "/admin/users",
    "/admin/organisations",
    "/admin/organisations/new",
    `/admin/organisations/${organisation.id}/edit`,
    `/admin/organisations/${organisation.id}/history`,
    "/admin/contacts?q=pseudo-admin",
    "/admin/links",
    "/admin/duplicates",
    "/admin/due",
    `/admin/changes/${draft}`,
    `/admin/changes/${draft}/preview`,
    "/admin/reviews",
    `/admin/reviews/${submitted}`,
    "/admin/imports",
    `/admin/imports/${importId}`,
  ];
  expect(await unmarkedOn(page, pages)).toEqual({});
});
