// Reading an Excel (.xlsx) file: its ZIP container checked (zip.ts), its sheets listed and one
// chosen, its rows streamed by ExcelJS and each cell given as the text Excel shows.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { fail, megabyte, messages, tidyCells, unreadable, UnreadableFileError, type OpenedFile, type ReadOptions, type Row } from "./file";
import { checkZipLayout, inflate, readZipDirectory } from "./zip";

/** What an Excel file may expand to, and by how much, before it is taken for a zip bomb. */
const largestExpanded = 500 * megabyte;
const largestRatio = 200;
/** The ratio counts from this expanded size: below it a high ratio is harmless (an almost empty workbook compresses very well). */
const ratioCheckedFrom = 50 * megabyte;
/** The shared strings are held in memory while a sheet is read. */
const largestSharedStrings = 100 * megabyte;

/** A sheet as the workbook lists it; `fileNumber` is N of its part xl/worksheets/sheetN.xml (none for a chart). */
type Sheet = { name: string; hidden: boolean; fileNumber: number | null; exactTarget: boolean };

export async function openWorkbook(path: string, size: number, options: ReadOptions): Promise<OpenedFile> {
  const handle = await open(path, "r");
  let sheets: Sheet[];
  let date1904: boolean;
  try {
    const { entries, directoryOffset } = await readZipDirectory(handle, size);
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const workbookEntry = byName.get("xl/workbook.xml");
    if (!workbookEntry) throw new UnreadableFileError(byName.has("content.xml") ? messages.openDocument : messages.notSpreadsheet);
    const expanded = entries.reduce((total, entry) => total + entry.expandedSize, 0);
    if (expanded > largestExpanded || (expanded > ratioCheckedFrom && expanded > size * largestRatio)) throw new UnreadableFileError(messages.expandsTooMuch);
    if ((byName.get("xl/sharedStrings.xml")?.expandedSize ?? 0) > largestSharedStrings) throw new UnreadableFileError(messages.expandsTooMuch);
    // The sizes above are what the archive claims; the reader below inflates by the entries'
    // own headers, so each entry is inflated once here, counting, and refused past its claim.
    await checkZipLayout(handle, entries, directoryOffset);
    for (const entry of entries) await inflate(path, handle, entry);
    const workbook = (await inflate(path, handle, workbookEntry, true)).toString("utf8");
    const relations = byName.get("xl/_rels/workbook.xml.rels");
    sheets = sheetsOf(workbook, relations ? (await inflate(path, handle, relations, true)).toString("utf8") : "");
    date1904 = /<(?:[\w.-]+:)?workbookPr\s[^>]*date1904\s*=\s*["'](?:1|true)["']/.test(workbook);
  } catch (error) {
    throw unreadable(error, messages.damaged);
  } finally {
    await handle.close();
  }
  const sheet = chooseSheet(sheets, options.sheet);
  return {
    format: "xlsx",
    encoding: null,
    delimiter: null,
    sheet: sheet.name,
    sheets: sheets.map((each) => each.name),
    rows: () => sheetRows(path, sheet, date1904),
  };
}

function chooseSheet(sheets: Sheet[], wanted: number | string | undefined): Sheet {
  const withCells = sheets.filter((sheet) => sheet.fileNumber !== null);
  if (withCells.length === 0) fail("This Excel file has no sheet of cells.");
  // By default the first sheet the user sees, not a hidden one holding lookup lists.
  if (wanted === undefined) return withCells.find((sheet) => !sheet.hidden) ?? withCells[0];
  const found =
    typeof wanted === "number"
      ? sheets[wanted - 1]
      : (sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted.trim().toLowerCase()));
  if (found?.fileNumber === null) fail(`The sheet "${found.name}" is a chart, not cells; choose another sheet.`);
  if (found) return found;
  // A whole sentence for each case, each a message of messages' "ImportProblems": the sheets' names
  // are its arguments, the words around them the message's.
  const names = sheets.map((sheet) => `"${sheet.name}"`);
  const [others, last] = [names.slice(0, -1).join(", "), names.at(-1)];
  if (typeof wanted === "number") {
    return fail(names.length === 1 ? `This Excel file has no sheet number ${wanted}; its sheet is ${last}.` : `This Excel file has no sheet number ${wanted}; its sheets are ${others} and ${last}.`);
  }
  return fail(names.length === 1 ? `This Excel file has no sheet "${wanted}"; its sheet is ${last}.` : `This Excel file has no sheet "${wanted}"; its sheets are ${others} and ${last}.`);
}

function xmlText(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex: string, decimal: string, name: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(parseInt(decimal, 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name.toLowerCase()] ?? whole;
  });
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set(match[1], xmlText(match[2] ?? match[3]));
  return attributes;
}

/** The sheets in the workbook's order, each with the number of its part (xl/worksheets/sheetN.xml). */
function sheetsOf(workbook: string, relations: string): Sheet[] {
  const targets = new Map<string, string>();
  for (const match of relations.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*)>/g)) {
    const attributes = attributesOf(match[1]);
    targets.set(attributes.get("Id") ?? "", attributes.get("Target") ?? "");
  }
  return [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*)>/g)].map((match) => {
    const attributes = attributesOf(match[1]);
    const relation = [...attributes].find(([key]) => key.endsWith(":id"))?.[1] ?? "";
    const target = targets.get(relation) ?? "";
    const part = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, "/");
    const number = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1];
    const hidden = /^(?:hidden|veryHidden)$/.test(attributes.get("state") ?? "");
    return { name: attributes.get("name") ?? "", hidden, fileNumber: number ? Number(number) : null, exactTarget: number !== undefined && target === `worksheets/sheet${number}.xml` };
  });
}

/** What ExcelJS's streaming reader says of a sheet beyond its declared type. */
type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name?: string; id?: number | string; iterator?: unknown };

/**
 * Whether ExcelJS's reader is at this sheet. It names a sheet when the workbook's relation points
 * at "worksheets/sheetN.xml" exactly; otherwise (openpyxl writes "/xl/worksheets/sheetN.xml") it
 * leaves it as "SheetN", N being the part's number.
 */
function isSheet(reader: SheetReader, sheet: Sheet): boolean {
  if (sheet.exactTarget) return reader.name === sheet.name;
  return sheet.fileNumber !== null && String(reader.id) === String(sheet.fileNumber) && reader.name === `Sheet${sheet.fileNumber}`;
}

async function* sheetRows(path: string, sheet: Sheet, date1904: boolean): AsyncGenerator<Row> {
  const input = createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // The styles carry the number formats that tell a date from a number.
    styles: "cache",
    worksheets: "emit",
  });
  let found = false;
  let last = 0;
  try {
    for await (const reader of workbook as AsyncIterable<SheetReader>) {
      if (found || !isSheet(reader, sheet)) {
        // A sheet set aside in a temporary file would keep it open until read. ExcelJS removes that
        // file as soon as it moves on, maybe before the stream has opened it: the stream's "no such
        // file", unheard, would end the process (a worker's, with every job in it).
        if (reader.iterator instanceof Readable) reader.iterator.on("error", () => {}).destroy();
        continue;
      }
      found = true;
      for await (const row of reader) {
        const number = Number.isInteger(row.number) && row.number > last ? row.number : last + 1;
        // The empty rows between are absent from the file but are rows of the sheet.
        while (last < number - 1) yield { row: ++last, cells: [] };
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellText(cell.value, cell.numFmt, date1904);
        });
        last = number;
        yield { row: number, cells: tidyCells(Array.from(cells, (cell) => cell ?? "")) };
      }
    }
  } catch (error) {
    throw unreadable(error, messages.damaged);
  } finally {
    input.destroy();
  }
  if (!found) throw new UnreadableFileError(`The sheet "${sheet.name}" could not be found in this Excel file.`);
}

/** What Excel shows for a cell's value (as ExcelJS gives it) in this number format, as text. */
function cellText(value: unknown, format: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return excelString(value);
  if (typeof value === "number") return isDateFormat(format) ? dateText(serialDate(value, date1904), date1904) : numberText(value, format);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value, date1904);
  if (typeof value !== "object") return String(value);
  if ("richText" in value && Array.isArray(value.richText)) return excelString(value.richText.map((run: { text?: string }) => run.text ?? "").join(""));
  if ("formula" in value || "sharedFormula" in value) {
    // Never evaluated: the result Excel saved with the file, or else the formula as typed.
    const result = "result" in value ? value.result : undefined;
    if (result !== undefined && result !== null && !(typeof result === "number" && Number.isNaN(result))) return cellText(result, format, date1904);
    return "formula" in value && typeof value.formula === "string" && value.formula ? `=${value.formula}` : "";
  }
  if ("error" in value) return String(value.error);
  // A hyperlink: its text.
  if ("text" in value) return cellText(value.text, format, date1904);
  return "";
}

/** Excel escapes some characters in its XML as "_xHHHH_" (a carriage return is "_x000D_"). */
function excelString(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A number format shows a date when it has date or time letters outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/General/gi, ""));
}

function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** ISO 8601: "2024-03-15", "2024-03-15 09:30" with a time, "09:30" for a time alone. */
function dateText(date: Date, date1904: boolean): string {
  if (Number.isNaN(date.getTime())) return "";
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19).replace(/:00$/, "");
  if (day === (date1904 ? "1904-01-01" : "1899-12-30")) return time;
  return time === "00:00" ? day : `${day} ${time}`;
}

/**
 * Numbers as Excel shows them in the usual formats: zeros padded ("00000" keeps a postcode's or a
 * phone's leading zero), fixed decimals, percentages; otherwise in full up to 15 significant
 * digits (a phone typed as a number stays "32471512745", not "3.24715E+10").
 */
function numberText(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return "";
  const padded = /^(0+)$/.exec(format ?? "");
  if (padded && Number.isInteger(value)) return (value < 0 ? "-" : "") + String(Math.abs(value)).padStart(padded[1].length, "0");
  const fixed = /^(?:#,##)?0(?:\.(0+))?(%?)$/.exec(format ?? "");
  if (fixed) return fixed[2] ? `${(value * 100).toFixed(fixed[1]?.length ?? 0)}%` : value.toFixed(fixed[1]?.length ?? 0);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return String(Number(value.toPrecision(15)));
}
