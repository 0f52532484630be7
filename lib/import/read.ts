// Opening an uploaded spreadsheet (CSV or Excel) and reading its rows as text, streamed, whatever
// the program that saved it. The format is told by the content, not by the file's name: an Excel
// file is a ZIP archive, anything else is read as CSV text. Nothing here interprets a cell: a cell
// that begins with "=" is data like any other, and a formula in an Excel file is never evaluated.
import { createReadStream } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { Readable, pipeline } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

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

const megabyte = 1024 * 1024;
/** The largest file an import reads. */
export const largestImport = 50 * megabyte;
/** What an Excel file may expand to, and by how much, before it is taken for a zip bomb. */
const largestExpanded = 500 * megabyte;
const largestRatio = 200;
/** The ratio counts from this expanded size: below it a high ratio is harmless (an almost empty workbook compresses very well). */
const ratioCheckedFrom = 50 * megabyte;
/** The shared strings are held in memory while a sheet is read. */
const largestSharedStrings = 100 * megabyte;
/** The bytes looked at to tell the encoding and the delimiter. */
const headLength = 64 * 1024;
const delimiterSampleLines = 20;
/** A row longer than this is a quotation mark left open, not data. */
const longestRow = megabyte;

const messages = {
  empty: "This file is empty.",
  notSpreadsheet: "This is not a CSV or an Excel (.xlsx) file.",
  damaged: "This Excel file is damaged or cut short.",
  unreadable: "This file could not be read.",
  tooLarge: `This file is larger than ${largestImport / megabyte} MB; split it into smaller files.`,
  expandsTooMuch: "This Excel file expands to far more data than a spreadsheet holds, so it is not read.",
  oldExcel: "This is an old Excel (.xls) file or a password-protected one; save it as .xlsx or CSV without a password and try again.",
  openDocument: "This is an OpenDocument (.ods) spreadsheet; save it as Excel (.xlsx) or CSV and try again.",
};

function unreadable(error: unknown, message: string): UnreadableFileError {
  return error instanceof UnreadableFileError ? error : new UnreadableFileError(message, { cause: error });
}

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

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    return await readFrom(handle, position, length);
  } finally {
    await handle.close();
  }
}

async function readFrom(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Spreadsheet text: no line breaks but "\n" inside a cell, no empty cells at the end of a row. */
function tidyCells(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  return cells.slice(0, end).map((cell) => (cell.includes("\r") ? cell.replace(/\r\n?/g, "\n") : cell));
}

// ---------------------------------------------------------------------------------------------
// CSV

async function openText(path: string, size: number, head: Buffer, options: ReadOptions): Promise<OpenedFile> {
  const encoding = options.encoding ?? (await detectEncoding(path, head));
  // Zero bytes are how UTF-16 writes Latin letters; in any other text they mean a binary file.
  if (!encoding.startsWith("utf-16") && head.includes(0)) throw new UnreadableFileError(messages.notSpreadsheet);
  const wholeFile = size <= head.length;
  // The head may end in the middle of a character; the line it is on is not counted below.
  const text = iconv.decode(head, encoding);
  if (wholeFile && text.trim() === "") throw new UnreadableFileError(messages.empty);
  // Excel's own hint, a first line "sep=;", is not a row: Excel hides it.
  const hint = /^sep=([,;\t])\r?\n/.exec(text);
  const delimiter = options.delimiter ?? (hint?.[1] as Delimiter | undefined) ?? detectDelimiter(text, wholeFile, encoding);
  return { format: "csv", encoding, delimiter, sheet: null, sheets: [], rows: () => csvRows(path, encoding, delimiter, hint ? 2 : 1) };
}

async function detectEncoding(path: string, head: Buffer): Promise<Encoding> {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return "utf-8";
  if (startsWith(head, [0xff, 0xfe])) return "utf-16le";
  if (startsWith(head, [0xfe, 0xff])) return "utf-16be";
  const utf16 = utf16WithoutMark(head);
  if (utf16) return utf16;
  if (head.includes(0)) throw new UnreadableFileError(messages.notSpreadsheet);
  // Windows-1252 text with an accent is almost never valid UTF-8; the whole file is checked,
  // since the first accent may come late.
  return (await isUtf8(path)) ? "utf-8" : "windows-1252";
}

/** UTF-16 without a byte order mark, told by its zero bytes: one in two, always on the same side. */
function utf16WithoutMark(head: Buffer): Encoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (head[index] === 0) zeroEven++;
    if (head[index + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.02) return "utf-16le";
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.02) return "utf-16be";
  return null;
}

async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/**
 * The candidate found the same number of times (outside quotes) on the most of the first lines,
 * then the one found most often: a semicolon file's addresses may hold commas, but not the same
 * number on every line.
 */
function detectDelimiter(text: string, wholeFile: boolean, encoding: Encoding): Delimiter {
  const candidates: Delimiter[] = [",", ";", "\t"];
  const lines = countsPerLine(text, candidates, wholeFile);
  let best: { delimiter: Delimiter; lines: number; count: number } | null = null;
  for (const [position, delimiter] of candidates.entries()) {
    const linesByCount = new Map<number, number>();
    for (const counts of lines) {
      if (counts[position] > 0) linesByCount.set(counts[position], (linesByCount.get(counts[position]) ?? 0) + 1);
    }
    for (const [count, matching] of linesByCount) {
      if (!best || matching > best.lines || (matching === best.lines && count > best.count)) best = { delimiter, lines: matching, count };
    }
  }
  // One column: any delimiter reads it; Excel's "Unicode text" uses tabs.
  return best?.delimiter ?? (encoding.startsWith("utf-16") ? "\t" : ",");
}

/**
 * For each non-empty line, how often each candidate occurs outside quotes. As when parsing, a
 * quote opens a quoted cell only at the start of a cell (a cell may span lines), and elsewhere is
 * a character like any other (5" screen).
 */
function countsPerLine(text: string, candidates: string[], wholeFile: boolean): number[][] {
  const lines: number[][] = [];
  let counts = candidates.map(() => 0);
  let blank = true;
  let quoted = false;
  for (let index = 0; index < text.length && lines.length < delimiterSampleLines; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') index++;
      else if (character === '"') quoted = false;
      continue;
    }
    if (character === "\n" || character === "\r") {
      if (!blank) lines.push(counts);
      counts = candidates.map(() => 0);
      blank = true;
      continue;
    }
    const previous = index > 0 ? text[index - 1] : "\n";
    if (character === '"' && (previous === "\n" || previous === "\r" || candidates.includes(previous))) quoted = true;
    const position = candidates.indexOf(character);
    if (position >= 0) counts[position]++;
    if (character.trim() !== "") blank = false;
  }
  // The last line of a head cut from a longer file may be cut too.
  if (!blank && wholeFile && lines.length < delimiterSampleLines) lines.push(counts);
  return lines;
}

async function* csvRows(path: string, encoding: Encoding, delimiter: Delimiter, firstLine: number): AsyncGenerator<Row> {
  const parser = pipeline(
    createReadStream(path),
    iconv.decodeStream(encoding),
    parse({
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      bom: false,
      max_record_size: longestRow,
      from_line: firstLine,
    }),
    () => {}, // the error reaches the loop below through the parser
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: tidyCells(record) };
    }
  } catch (error) {
    throw unreadable(error, csvErrorMessage(error, row + 1));
  } finally {
    parser.destroy();
  }
}

function csvErrorMessage(error: unknown, row: number): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (code === "CSV_QUOTE_NOT_CLOSED") return `Row ${row} opens a quotation mark that is never closed, so the rest of the file cannot be read.`;
  // A quotation mark left open swallows the rest of the file into one cell: most often what makes a row this long.
  if (code === "CSV_MAX_RECORD_SIZE") return `Row ${row} is longer than ${longestRow / 1024 / 1024} MB (a quotation mark never closed?), so the rest of the file cannot be read.`;
  if (code.startsWith("CSV_")) return `Row ${row} could not be read as CSV.`;
  return messages.unreadable;
}

// ---------------------------------------------------------------------------------------------
// Excel

/** An entry of a ZIP file; `dataStart` is known once its local header is read (see checkZipLayout). */
type ZipEntry = { name: string; flags: number; method: number; compressedSize: number; expandedSize: number; offset: number; dataStart: number | null };
/** A sheet as the workbook lists it; `fileNumber` is N of its part xl/worksheets/sheetN.xml (none for a chart). */
type Sheet = { name: string; hidden: boolean; fileNumber: number | null; exactTarget: boolean };

async function openWorkbook(path: string, size: number, options: ReadOptions): Promise<OpenedFile> {
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
  const names = sheets.map((sheet) => `"${sheet.name}"`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const asked = typeof wanted === "number" ? `number ${wanted}` : `"${wanted}"`;
  return fail(`This Excel file has no sheet ${asked}; its ${names.length === 1 ? "sheet is" : "sheets are"} ${list}.`);
}

function fail(message: string): never {
  throw new UnreadableFileError(message);
}

/** The entries listed by the central directory at the end of a ZIP file (a file cut short has none). */
async function readZipDirectory(handle: FileHandle, size: number): Promise<{ entries: ZipEntry[]; directoryOffset: number }> {
  const tailLength = Math.min(size, 22 + 0xffff + 20);
  const tail = await readFrom(handle, size - tailLength, tailLength);
  let end = -1;
  for (let index = tail.length - 22; index >= 0; index--) {
    if (tail.readUInt32LE(index) === 0x06054b50 && index + 22 + tail.readUInt16LE(index + 20) <= tail.length) {
      end = index;
      break;
    }
  }
  if (end < 0) fail(messages.damaged);
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64: a locator just before the record points at the record with the full sizes.
    if (end < 20 || tail.readUInt32LE(end - 20) !== 0x07064b50) fail(messages.damaged);
    const record = await readFrom(handle, Number(tail.readBigUInt64LE(end - 20 + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) fail(messages.damaged);
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (directoryOffset + directorySize > size || directorySize > 16 * megabyte) fail(messages.damaged);
  const directory = await readFrom(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) fail(messages.damaged);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const entry: ZipEntry = {
      name: directory.toString("utf8", at + 46, at + 46 + nameLength),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      expandedSize: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
      dataStart: null,
    };
    readZip64Sizes(entry, extra);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset };
}

/** Sizes too large for 32 bits are in the entry's ZIP64 extra field, in this order, when saturated. */
function readZip64Sizes(entry: ZipEntry, extra: Buffer) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) fail(messages.damaged);
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.expandedSize === 0xffffffff) entry.expandedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.offset === 0xffffffff) entry.offset = next();
    }
    at += 4 + length;
  }
}

/**
 * The entries' data follow one another from the start of the file to the central directory, with
 * no room between them for an entry the directory does not list (the reader would inflate it) and
 * no overlap (the trick of zip bombs that reuse one compressed stream many times).
 */
async function checkZipLayout(handle: FileHandle, entries: ZipEntry[], directoryOffset: number) {
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    const gap = entry.offset - expected;
    // A gap this small can hold a data descriptor but not another entry's 30-byte header.
    if (gap < 0 || gap >= 30) fail(messages.damaged);
    const header = await readFrom(handle, entry.offset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) fail(messages.damaged);
    if (entry.flags & 0x1) fail("This Excel file is password-protected; save it without a password and try again.");
    if (entry.method !== 0 && entry.method !== 8) fail(messages.damaged);
    const localCompressedSize = header.readUInt32LE(18);
    if (!(header.readUInt16LE(6) & 0x8) && localCompressedSize !== entry.compressedSize && localCompressedSize !== 0xffffffff) fail(messages.damaged);
    entry.dataStart = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    expected = entry.dataStart + entry.compressedSize;
  }
  if (directoryOffset - expected < 0 || directoryOffset - expected >= 30) fail(messages.damaged);
}

/**
 * Inflates one entry in fixed memory, refusing it as soon as it grows past the size the
 * directory claims; with `keep`, returns its content (only for the small workbook parts).
 */
async function inflate(path: string, handle: FileHandle, entry: ZipEntry, keep = false): Promise<Buffer> {
  const { dataStart } = entry;
  if (dataStart === null) fail(messages.damaged);
  if (keep && entry.expandedSize > 16 * megabyte) fail(messages.damaged);
  if (entry.compressedSize === 0) return Buffer.alloc(0);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.expandedSize) fail(messages.damaged);
    return keep ? await readFrom(handle, dataStart, entry.compressedSize) : Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  let expanded = 0;
  const source = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const inflater = createInflateRaw();
  const stream = pipeline(source, inflater, () => {});
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    expanded += chunk.length;
    if (expanded > entry.expandedSize) {
      stream.destroy();
      fail(messages.expandsTooMuch);
    }
    if (keep) chunks.push(chunk);
  }
  if (expanded !== entry.expandedSize) fail(messages.damaged);
  return Buffer.concat(chunks);
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
        // A sheet set aside in a temporary file would keep it open until read.
        if (reader.iterator instanceof Readable) reader.iterator.destroy();
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
