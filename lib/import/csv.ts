// Reading a CSV file: its encoding and delimiter told from its first bytes (unless forced), its
// rows streamed through csv-parse.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { megabyte, messages, startsWith, tidyCells, unreadable, UnreadableFileError, type Delimiter, type Encoding, type OpenedFile, type ReadOptions, type Row } from "./file";

const delimiterSampleLines = 20;
/** A row longer than this is a quotation mark left open, not data. */
const longestRow = megabyte;

export async function openText(path: string, size: number, head: Buffer, options: ReadOptions): Promise<OpenedFile> {
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
