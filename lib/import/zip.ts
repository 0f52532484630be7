// The ZIP container of an Excel file, checked before ExcelJS reads it: its central directory, the
// layout of its entries, and each entry inflated in fixed memory against the size it claims.
import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { fail, megabyte, messages, readFrom } from "./file";

/** An entry of a ZIP file; `dataStart` is known once its local header is read (see checkZipLayout). */
type ZipEntry = { name: string; flags: number; method: number; compressedSize: number; expandedSize: number; offset: number; dataStart: number | null };

/** The entries listed by the central directory at the end of a ZIP file (a file cut short has none). */
export async function readZipDirectory(handle: FileHandle, size: number): Promise<{ entries: ZipEntry[]; directoryOffset: number }> {
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
export async function checkZipLayout(handle: FileHandle, entries: ZipEntry[], directoryOffset: number) {
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
export async function inflate(path: string, handle: FileHandle, entry: ZipEntry, keep = false): Promise<Buffer> {
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
