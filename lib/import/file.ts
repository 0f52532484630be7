// What the CSV and the Excel readers share: the types of an opened file and its rows, the error
// a file that cannot be read raises, the largest import, the messages for the user, and helpers
// to read bytes and tidy a row's cells.
import { open, type FileHandle } from "node:fs/promises";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type Delimiter = "," | ";" | "\t";
export type ReadOptions = {
  /** Forced by the user; otherwise detected. */
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** XLSX: the sheet, by 1-based number or by name; default the first. */
  sheet?: number | string;
};
/**
 * One row, numbered as a spreadsheet shows it (1-based; a quoted cell over several lines is one
 * row). Cells run up to the row's last non-empty one, so an empty row has none and a cell past
 * the end of `cells` is empty. Line breaks inside a cell are "\n".
 */
export type Row = { row: number; cells: string[] };
export type OpenedFile = {
  format: "csv" | "xlsx";
  encoding: Encoding | null; // null for xlsx
  delimiter: Delimiter | null; // null for xlsx
  sheet: string | null; // the sheet's name for xlsx
  sheets: string[]; // xlsx: all sheet names; csv: []
  /** Every row, empty ones included, streamed from the file again on each call. */
  rows(): AsyncIterable<Row>;
};

/** A file that cannot be read; the message is one plain sentence for the user. */
export class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
}

export const megabyte = 1024 * 1024;
/** The largest file an import reads. */
export const largestImport = 50 * megabyte;

/**
 * What a file that cannot be read is told by, in English as logs and the command line show it.
 * Each refusal of the readers (here, csv.ts, xlsx.ts, zip.ts), like each problem of the mapping and
 * each row error, is also a message of messages' "ImportProblems", by whose English text the
 * import page finds it again to say it in the reader's language (lib/i18n/validation.ts): a text
 * changed here is changed there too, and lib/import/problems.test.ts checks that each is found.
 */
export const messages = {
  empty: "This file is empty.",
  notSpreadsheet: "This is not a CSV or an Excel (.xlsx) file.",
  damaged: "This Excel file is damaged or cut short.",
  unreadable: "This file could not be read.",
  tooLarge: `This file is larger than ${largestImport / megabyte} MB; split it into smaller files.`,
  expandsTooMuch: "This Excel file expands to far more data than a spreadsheet holds, so it is not read.",
  oldExcel: "This is an old Excel (.xls) file or a password-protected one; save it as .xlsx or CSV without a password and try again.",
  openDocument: "This is an OpenDocument (.ods) spreadsheet; save it as Excel (.xlsx) or CSV and try again.",
};

export function unreadable(error: unknown, message: string): UnreadableFileError {
  return error instanceof UnreadableFileError ? error : new UnreadableFileError(message, { cause: error });
}

export function fail(message: string): never {
  throw new UnreadableFileError(message);
}

export function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    return await readFrom(handle, position, length);
  } finally {
    await handle.close();
  }
}

export async function readFrom(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Spreadsheet text: no line breaks but "\n" inside a cell, no empty cells at the end of a row. */
export function tidyCells(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  return cells.slice(0, end).map((cell) => (cell.includes("\r") ? cell.replace(/\r\n?/g, "\n") : cell));
}
