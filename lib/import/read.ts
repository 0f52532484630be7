// Opening an uploaded spreadsheet (CSV or Excel) and reading its rows as text, streamed, whatever
// the program that saved it. The format is told by the content, not by the file's name: an Excel
// file is a ZIP archive, anything else is read as CSV text. Nothing here interprets a cell: a cell
// that begins with "=" is data like any other, and a formula in an Excel file is never evaluated.
// The CSV reader is csv.ts, the Excel one xlsx.ts (its ZIP container checked in zip.ts); what
// both share is in file.ts.
import { stat } from "node:fs/promises";
import { openText } from "./csv";
import { largestImport, messages, readAt, startsWith, unreadable, UnreadableFileError, type OpenedFile, type ReadOptions } from "./file";
import { openWorkbook } from "./xlsx";

export { largestImport, UnreadableFileError, type Delimiter, type Encoding, type OpenedFile, type ReadOptions, type Row } from "./file";

/** The bytes looked at to tell the encoding and the delimiter. */
const headLength = 64 * 1024;

/** Opens a CSV or Excel file: its format, encoding, delimiter and sheet told, its rows ready to stream. */
export async function openSpreadsheet(path: string, options: ReadOptions = {}): Promise<OpenedFile> {
  try {
    const size = (await stat(path)).size;
    if (size > largestImport) throw new UnreadableFileError(messages.tooLarge);
    if (size === 0) throw new UnreadableFileError(messages.empty);
    const head = await readAt(path, 0, Math.min(size, headLength));
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return await openWorkbook(path, size, options);
    // The container of .xls files (and of password-protected .xlsx files).
    if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new UnreadableFileError(messages.oldExcel);
    return await openText(path, size, head, options);
  } catch (error) {
    throw unreadable(error, messages.unreadable);
  }
}

/** The column's letters as a spreadsheet names it: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`A column index is a whole number from 0, not ${index}.`);
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
