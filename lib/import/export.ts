// The export staff take of the whole directory, as CSV or XLSX, in the columns the importer maps
// by default (their headers are its suggestions, lib/import/mapping.ts): importing the file back
// proposes no change. Several contacts of a type share a cell, " | " between them, each
// "Label: value" when it has a label. A CSV cell that a spreadsheet would run as a formula gets a
// leading apostrophe (the importer takes it off again); XLSX cells are plain strings.
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { ExportedOrganisation } from "@/lib/data/export";
import type { ContactType } from "@/lib/generated/prisma/enums";
import { languageOf, translationFields, translationHeader } from "./translation-fields";

// Then the description in each other language ("Description (French)"), empty where there is none.
export const exportHeaders = ["Name", "Acronym", "Kind", "Countries", "Description", "Original language", "Website", "E-mail", "Phone", "Fax", "Address", "Contact form", "Status", "Slug", ...translationFields.map(translationHeader)];

const contactOrder: ContactType[] = ["EMAIL", "PHONE", "FAX", "ADDRESS", "CONTACT_FORM"];

/** A CSV cell a spreadsheet will not run (OWASP's advice): the importer reads it back as typed. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function exportRow(organisation: ExportedOrganisation): string[] {
  const contacts = contactOrder.map((type) =>
    organisation.contacts
      .filter((contact) => contact.type === type)
      .map((contact) => (contact.label ? `${contact.label}: ${contact.value}` : contact.value))
      .join(" | "),
  );
  return [
    organisation.name,
    organisation.acronym ?? "",
    organisation.kind.toLowerCase(),
    organisation.countries.join(" "),
    organisation.description,
    organisation.originalLanguage,
    organisation.website ?? "",
    ...contacts,
    organisation.archived ? "archived" : "published",
    organisation.slug,
    ...translationFields.map((field) => organisation.translations[`${languageOf(field)}:description`] ?? ""),
  ];
}

/** Writes the export to `output` as it reads it; resolves when all is written. */
export async function writeExport(organisations: AsyncIterable<ExportedOrganisation>, format: "csv" | "xlsx", output: Writable): Promise<void> {
  async function* rows() {
    for await (const organisation of organisations) yield exportRow(organisation);
  }
  await writeSpreadsheet([...exportHeaders], rows(), format, output, "Organisations");
}

/** Writes a header and rows as CSV (UTF-8 with BOM, formulas neutralised) or as an XLSX sheet of plain strings, streaming. */
export async function writeSpreadsheet(headers: string[], rows: AsyncIterable<string[]>, format: "csv" | "xlsx", output: Writable, sheetName = "Sheet1"): Promise<void> {
  if (format === "csv") {
    // A line break inside a cell is quoted whatever it is (csv-stringify quotes only the record delimiter).
    const csv = stringify({ bom: true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
    csv.pipe(output);
    const write = (cells: string[]) => (csv.write(cells) ? Promise.resolve() : new Promise<void>((resolve) => csv.once("drain", () => resolve())));
    await write(headers);
    for await (const row of rows) await write(row.map(neutraliseFormula));
    await new Promise<void>((resolve, reject) => {
      output.once("error", reject);
      csv.end(() => resolve());
    });
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).commit();
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
