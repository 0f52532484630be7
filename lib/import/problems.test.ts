import { truncate } from "node:fs/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { validationKeyOf, validationTranslator } from "@/lib/i18n/validation";
import english from "@/messages/en.json";
import french from "@/messages/fr.json";
import { mappingSchema, resolveColumns, type ImportField } from "./mapping";
import { matchOf } from "./plan";
import { openSpreadsheet, type ReadOptions } from "./read";
import { countryLookup, parseRow } from "./rows";
import { testFiles } from "./test-files";

// Every problem an import tells its reader (the mapping's, the rows', the readers' refusals) is
// written in English and is a message of messages' "ImportProblems" (or, for a row's field, of
// "Validation"), found again by its text on the import page to be said in the reader's language.

const { fixture } = testFiles("import-problems-");

async function workbook(...sheets: string[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const name of sheets) book.addWorksheet(name).addRow(["Name", "Country"]);
  return fixture(Buffer.from(await book.xlsx.writeBuffer()), "xlsx");
}

/** What reading the file refuses it with (opening it, then reading its rows). */
async function refusal(path: string, options?: ReadOptions): Promise<string> {
  try {
    const opened = await openSpreadsheet(path, options);
    for await (const row of opened.rows()) void row;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${path} was read without a refusal`);
}

/** The problems the import's own functions give, between them one of each kind they can give without a database. */
async function problems(): Promise<string[]> {
  const found: string[] = [];

  // The mapping as the command line reads it.
  const refused = mappingSchema.safeParse({ columns: { Nom: "title" }, defaults: { kind: "club" } });
  found.push(...(refused.error?.issues.map((issue) => issue.message) ?? []));

  // The mapping against the file's headers.
  found.push(...resolveColumns(["Name", "Name", "Land"], mappingSchema.parse({ columns: { Name: "name", Extra: "countries" } })).problems);
  found.push(...resolveColumns(["x"], mappingSchema.parse({ columns: {} })).problems);
  const twice: ImportField[] = ["name", "acronym", "kind", "countries", "description", "original_language", "website", "description_fr"];
  const headers = twice.flatMap((field) => [`${field} 1`, `${field} 2`]);
  found.push(...resolveColumns(headers, mappingSchema.parse({ columns: Object.fromEntries(headers.map((header) => [header, header.split(" ")[0]])) })).problems);

  // A row's cells.
  const fields: ImportField[] = ["name", "kind", "countries", "website", "email", "description_nl", "original_language"];
  const row = parseRow(["", "Club", "Atlantis", "ftp://example.org", "nobody", "x".repeat(20_001), "Klingon"], fields, mappingSchema.parse({ columns: {} }), countryLookup(["BE"]));
  found.push(...row.errors.map((error) => error.message));

  // A row's keys against the directory's organisations.
  const byKey = new Map([
    ["email:a@example.org", [{ id: "1" }]],
    ["website:example.org", [{ id: "2" }]],
    ["name:BE:acme", [{ id: "3" }]],
    ["email:shared@example.org", [{ id: "1" }, { id: "2" }]],
    ["website:shared.example", [{ id: "1" }, { id: "2" }]],
    ["name:BE:shared", [{ id: "1" }, { id: "2" }]],
  ]);
  for (const keys of [
    ["email:a@example.org", "website:example.org"],
    ["email:a@example.org", "name:BE:acme"],
    ["website:example.org", "name:BE:acme"],
    ["email:a@example.org", "website:example.org", "name:BE:acme"],
    ["email:shared@example.org", "website:shared.example", "name:BE:shared"],
  ]) {
    const match = matchOf(keys, byKey);
    if (match.kind === "several") found.push(...match.messages);
  }

  // Files that cannot be read.
  found.push(await refusal(await fixture("")));
  found.push(await refusal(await fixture(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0, 0, 0]), "pdf")));
  found.push(await refusal(await fixture(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), "xls")));
  found.push(await refusal(await fixture(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), "xlsx")));
  const large = await fixture("Name\n");
  await truncate(large, 51 * 1024 * 1024); // sparse: nothing is written
  found.push(await refusal(large));
  found.push(await refusal(await fixture('Name,Notes\nAcme,fine\nBeta,"never closed\nGamma,x\n')));
  found.push(await refusal(await fixture(`Name\n${"x".repeat(1024 * 1024 + 10)}\n`)));
  const one = await workbook("Organisations");
  const two = await workbook("Organisations", "Contacts");
  for (const path of [one, two]) for (const sheet of [3, "People"]) found.push(await refusal(path, { sheet }));
  return found;
}

/** Messages of "ImportProblems" that the functions above cannot give: what the dry run says with a database, and lib/data/import-steps.ts. */
const elsewhere = [
  "noHeaderRow",
  "tooManyRows",
  "alreadyProposed",
  "fileUnreadable",
  "expandsTooMuch",
  "openDocument",
  "rowUnreadable",
  "noSheetOfCells",
  "sheetIsChart",
  "sheetNotFound",
  "passwordProtected",
  "uploaderInactive",
  "reviewerInactive",
  "oneNotApplied",
  "notApplied",
  "oneNotRejected",
  "notRejected",
  "stepFailed",
];

/** Some of those, as the code writes them. */
const writtenElsewhere = [
  "The file has no row 3 to read the headers from.",
  "This file has more than 200,000 rows; split it into smaller files.",
  "An import waiting for review already proposes a new organisation with this row's keys, with other values: decide on that one first.",
  "The account that uploaded this import is no longer active, so it was not sent.",
  "The reviewer's account is no longer active: nothing was decided.",
  "1 change could not be applied (published since, or decided meanwhile): decide it one by one.",
  "12 changes could not be rejected (published since, or decided meanwhile): decide them one by one.",
  "Something went wrong (job 0190a0b1-2c3d-7e4f-8a9b-0c1d2e3f4a5b); try again, and if it fails again, give this reference to an administrator.",
];

describe("import problems", () => {
  it("finds each message of ImportProblems again by its text, with its arguments", () => {
    for (const [key, message] of Object.entries(english.ImportProblems)) {
      const filled = message.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`);
      const found = validationKeyOf(filled);
      expect(found, key).toMatchObject({ namespace: "ImportProblems", key });
      for (const [name, value] of Object.entries(found!.values)) expect(value).toBe(`<${name}>`);
    }
  });

  it("knows every problem the import gives, each a message of ImportProblems or Validation", async () => {
    const given = await problems();
    expect(given.filter((problem) => validationKeyOf(problem) === null)).toEqual([]);
    expect(writtenElsewhere.filter((problem) => validationKeyOf(problem)?.namespace !== "ImportProblems")).toEqual([]);
    // A row's field errors are the forms' own messages.
    expect(given.some((problem) => validationKeyOf(problem)?.namespace === "Validation")).toBe(true);
    const keys = new Set(given.flatMap((problem) => (validationKeyOf(problem)?.namespace === "ImportProblems" ? [validationKeyOf(problem)!.key] : [])));
    expect([...keys, ...elsewhere].sort()).toEqual(Object.keys(english.ImportProblems).sort());
  });

  it("says a problem in the reader's language, its arguments kept", async () => {
    const [problem] = resolveColumns(["Naam"], mappingSchema.parse({ columns: { Naam: "name", Extra: "email" }, defaults: { kind: "ngo", countries: "BE" } })).problems;
    expect(problem).toBe('The mapping names a column "Extra" that the file does not have.');
    const inFrench = (await validationTranslator("fr"))(problem);
    expect(inFrench).toBe(french.ImportProblems.columnMissing.replace("{column}", "Extra"));
    expect(inFrench).toMatch(/^L'association indique une colonne «\u00a0Extra\u00a0»/);
    expect((await validationTranslator("en"))(problem)).toBe(problem);
  });
});
