import { truncate } from "node:fs/promises";
import { crc32, deflateRawSync, createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { columnLetter, openSpreadsheet, UnreadableFileError, type ReadOptions, type Row } from "./read";
import { testFiles } from "./test-files";

const { fixture, pathOf } = testFiles("import-read-");

async function allRows(path: string, options?: ReadOptions): Promise<Row[]> {
  const opened = await openSpreadsheet(path, options);
  const rows: Row[] = [];
  for await (const row of opened.rows()) rows.push(row);
  return rows;
}

function cellsOf(rows: Row[]): string[][] {
  return rows.map((row) => row.cells);
}

async function refusal(path: string, options?: ReadOptions): Promise<string> {
  const error = await openSpreadsheet(path, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return (error as Error).message;
}

const utf16Bom = Buffer.from([0xff, 0xfe]);

describe("columnLetter", () => {
  it("names columns as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });
});

describe("CSV", () => {
  it("reads UTF-8 with a byte order mark and commas", async () => {
    const path = await fixture("\uFEFFName,City,Website\r\nAcme,Bruxelles,https://acme.example\r\nZoë & Co,Liège,\r\n");
    const opened = await openSpreadsheet(path);
    expect(opened).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ",", sheet: null, sheets: [] });
    expect(await allRows(path)).toEqual([
      { row: 1, cells: ["Name", "City", "Website"] },
      { row: 2, cells: ["Acme", "Bruxelles", "https://acme.example"] },
      { row: 3, cells: ["Zoë & Co", "Liège"] },
    ]);
  });

  it("reads semicolons (Excel in continental Europe), commas in cells notwithstanding", async () => {
    const path = await fixture("Nom;Adresse;Téléphone\nAsbl Exemple;Rue Haute 12, 1000 Bruxelles;+32 2 123 45 67\nVZW Voorbeeld;Kerkstraat 1, 9000 Gent;-\n");
    const opened = await openSpreadsheet(path);
    expect(opened).toMatchObject({ encoding: "utf-8", delimiter: ";" });
    expect(cellsOf(await allRows(path))).toEqual([
      ["Nom", "Adresse", "Téléphone"],
      ["Asbl Exemple", "Rue Haute 12, 1000 Bruxelles", "+32 2 123 45 67"],
      ["VZW Voorbeeld", "Kerkstraat 1, 9000 Gent", "-"],
    ]);
  });

  it("reads Excel's Unicode text: UTF-16LE with a byte order mark and tabs", async () => {
    const text = "Name\tCity\tNote\r\nAsociația Ș\tBucurești\tL’été, 5 €\r\nÉcole\tMontréal\t\r\n";
    const path = await fixture(Buffer.concat([utf16Bom, Buffer.from(text, "utf16le")]), "txt");
    const opened = await openSpreadsheet(path);
    expect(opened).toMatchObject({ format: "csv", encoding: "utf-16le", delimiter: "\t" });
    expect(cellsOf(await allRows(path))).toEqual([
      ["Name", "City", "Note"],
      ["Asociația Ș", "București", "L’été, 5 €"],
      ["École", "Montréal"],
    ]);
  });

  it("tells UTF-16 without a byte order mark by its zero bytes, and UTF-16BE by its mark", async () => {
    const text = "Name\tCity\r\nŞcoala\tCluj\r\n";
    const withoutMark = await fixture(Buffer.from(text, "utf16le"));
    expect(await openSpreadsheet(withoutMark)).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
    expect(cellsOf(await allRows(withoutMark))).toEqual([["Name", "City"], ["Şcoala", "Cluj"]]);
    const bigEndian = await fixture(Buffer.concat([utf16Bom, Buffer.from(text, "utf16le")]).swap16());
    expect(await openSpreadsheet(bigEndian)).toMatchObject({ encoding: "utf-16be", delimiter: "\t" });
    expect(cellsOf(await allRows(bigEndian))).toEqual([["Name", "City"], ["Şcoala", "Cluj"]]);
  });

  it("reads Windows-1252 (Excel on Windows in Western Europe) with ’ € œ – right", async () => {
    const path = await fixture(iconv.encode("Organisation;Description\r\nL’Œuvre d’art;Coût : 5 € – œuvre\r\n", "windows-1252"));
    expect(await openSpreadsheet(path)).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect(cellsOf(await allRows(path))).toEqual([
      ["Organisation", "Description"],
      ["L’Œuvre d’art", "Coût : 5 € – œuvre"],
    ]);
  });

  it("checks the whole file for UTF-8, not only its beginning", async () => {
    const filler = "Name,City\r\n" + "Acme,Brussels\r\n".repeat(6000);
    const path = await fixture(iconv.encode(`${filler}Café,Liège\r\n`, "windows-1252"));
    expect(await openSpreadsheet(path)).toMatchObject({ encoding: "windows-1252", delimiter: "," });
    expect((await allRows(path)).at(-1)).toEqual({ row: 6002, cells: ["Café", "Liège"] });
  });

  it("takes the encoding and the delimiter the user forces", async () => {
    // "Ã©" in Windows-1252 is also valid UTF-8 (é): only the user can tell.
    const path = await fixture(Buffer.from([...Buffer.from("a;b,c;d\r\n"), 0xc3, 0xa9, ...Buffer.from(";x,y;z\r\n")]));
    expect(await openSpreadsheet(path)).toMatchObject({ encoding: "utf-8", delimiter: ";" });
    expect(cellsOf(await allRows(path))).toEqual([["a", "b,c", "d"], ["é", "x,y", "z"]]);
    const forced = { encoding: "windows-1252", delimiter: "," } as const;
    expect(await openSpreadsheet(path, forced)).toMatchObject(forced);
    expect(cellsOf(await allRows(path, forced))).toEqual([["a;b", "c;d"], ["Ã©;x", "y;z"]]);
  });

  it("counts a quoted cell over several lines as one row, and empty rows as rows", async () => {
    const path = await fixture('Name,Notes\r\nAcme,"line one\r\nline two, still the cell\r\n""quoted"""\r\n\r\nBeta,x\r\n,,\r\nGamma,"y"\r\n');
    expect(await allRows(path)).toEqual([
      { row: 1, cells: ["Name", "Notes"] },
      { row: 2, cells: ["Acme", 'line one\nline two, still the cell\n"quoted"'] },
      { row: 3, cells: [] },
      { row: 4, cells: ["Beta", "x"] },
      { row: 5, cells: [] },
      { row: 6, cells: ["Gamma", "y"] },
    ]);
  });

  it("reads mixed line endings and keeps spaces as typed", async () => {
    const path = await fixture("Name,City\r\n  Acme ,Gent\nBeta,Namur\rGamma,Liège");
    expect(cellsOf(await allRows(path))).toEqual([["Name", "City"], ["  Acme ", "Gent"], ["Beta", "Namur"], ["Gamma", "Liège"]]);
  });

  it("keeps cells that look like formulas as text", async () => {
    const path = await fixture('Name,Value,Other\r\nA,=1+1,@SUM(A1:A2)\r\nB,+32 471,-5\r\nC,"=HYPERLINK(""http://x"")",5" screen\r\n');
    expect(cellsOf(await allRows(path)).slice(1)).toEqual([
      ["A", "=1+1", "@SUM(A1:A2)"],
      ["B", "+32 471", "-5"],
      ["C", '=HYPERLINK("http://x")', '5" screen'],
    ]);
  });

  it("finds the delimiter below a title row", async () => {
    const path = await fixture("Directory export, March\nName;City;Country\nA;B;C\nD;E;F\n");
    expect(await openSpreadsheet(path)).toMatchObject({ delimiter: ";" });
  });

  it("follows Excel's sep= hint and does not count it as a row", async () => {
    const path = await fixture("sep=,\r\nName;Notes,more\r\nAcme;x,y\r\n");
    expect(await openSpreadsheet(path)).toMatchObject({ delimiter: "," });
    expect(await allRows(path)).toEqual([
      { row: 1, cells: ["Name;Notes", "more"] },
      { row: 2, cells: ["Acme;x", "y"] },
    ]);
  });

  it("reads a one-column file", async () => {
    const path = await fixture("Name\nAcme\nBeta\n");
    expect(await openSpreadsheet(path)).toMatchObject({ delimiter: "," });
    expect(cellsOf(await allRows(path))).toEqual([["Name"], ["Acme"], ["Beta"]]);
  });

  it("names the row of a quotation mark never closed", async () => {
    const path = await fixture('Name,Notes\nAcme,fine\nBeta,"never closed\nGamma,x\n');
    const rows: Row[] = [];
    const opened = await openSpreadsheet(path);
    const error = await (async () => {
      for await (const row of opened.rows()) rows.push(row);
    })().catch((caught: unknown) => caught);
    expect(rows).toHaveLength(2);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as Error).message).toBe("Row 3 opens a quotation mark that is never closed, so the rest of the file cannot be read.");
  });

  it("refuses an empty file, one with only a byte order mark, one with only blank lines", async () => {
    for (const content of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), utf16Bom, Buffer.from(" \r\n\r\n\t\n")]) {
      expect(await refusal(await fixture(content))).toBe("This file is empty.");
    }
  });

  it("refuses binary files whatever their name", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 20 /Filter /FlateDecode >>\nstream\n", "latin1"), deflateRawSync(Buffer.alloc(2000, 7)), Buffer.from([0, 0, 0, 1, 2, 0]), Buffer.from("\nendstream\n")]);
    expect(await refusal(await fixture(pdf, "csv"))).toBe("This is not a CSV or an Excel (.xlsx) file.");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    expect(await refusal(await fixture(png, "xlsx"))).toBe("This is not a CSV or an Excel (.xlsx) file.");
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await refusal(await fixture(xls, "xls"))).toMatch(/^This is an old Excel \(\.xls\) file/);
  });

  it("refuses a file over 50 MB before reading it", async () => {
    const path = await fixture("Name\n");
    await truncate(path, 51 * 1024 * 1024); // sparse: nothing is written
    expect(await refusal(path)).toBe("This file is larger than 50 MB; split it into smaller files.");
  });
});

type ZipPart = { name: string; content: Buffer; claimedSize?: number } | { name: string; deflated: Buffer; claimedSize: number };

/** A ZIP archive made byte by byte, so that its directory can say what a real one would not. */
function zipOf(entries: ZipPart[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = "deflated" in entry ? entry.deflated : deflateRawSync(entry.content);
    const nameBytes = Buffer.from(entry.name);
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE("content" in entry ? crc32(entry.content) : 0, 0);
    sizes.writeUInt32LE(data.length, 4);
    sizes.writeUInt32LE(entry.claimedSize ?? ("content" in entry ? entry.content.length : 0), 8);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    sizes.copy(local, 14);
    local.writeUInt16LE(nameBytes.length, 26);
    parts.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    sizes.copy(central, 16);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

const workbookXml = Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>');

/** The memory this process holds beyond what it held at the start of `work`, in MB. */
async function memoryGrowth(work: () => Promise<unknown>): Promise<number> {
  const used = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const before = used();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return (Math.max(peak, used()) - before) / 1024 / 1024;
}

describe("Excel", () => {
  let workbookPath: string;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const organisations = workbook.addWorksheet("Organisations");
    organisations.getCell("A1").value = "PROVA directory export";
    organisations.mergeCells("A1:D1");
    organisations.getRow(3).values = ["Name", "Phone", "Staff", "Founded", "Postcode", "Share", "Checked"];
    organisations.getRow(4).values = ["Acme", 32471512745, { formula: "B5*2", result: 6 }, new Date(Date.UTC(2019, 4, 17)), 471, 0.25, true];
    organisations.getCell("E4").numFmt = "0000";
    organisations.getCell("F4").numFmt = "0%";
    organisations.getRow(5).values = [
      { richText: [{ text: "Rich " }, { font: { bold: true }, text: "text" }] },
      3,
      { formula: "1+1" } as ExcelJS.CellFormulaValue,
      { formula: "DATE(2020,1,2)", result: new Date(Date.UTC(2020, 0, 2)) },
      "=1+1",
      "@SUM(A1)",
      0.1 + 0.2,
    ];
    organisations.getCell("D5").numFmt = "yyyy-mm-dd";
    organisations.getRow(7).values = ["After a gap", { text: "Our site", hyperlink: "https://acme.example" }, "Line one\r\nline two"];
    const contacts = workbook.addWorksheet("Contacts");
    contacts.addRow(["Organisation", "E-mail"]);
    contacts.addRow(["Acme", "info@acme.example"]);
    workbookPath = pathOf("organisations.xlsx");
    await workbook.xlsx.writeFile(workbookPath);
  });

  it("lists the sheets and reads the first by default, with the title row above the header", async () => {
    const opened = await openSpreadsheet(workbookPath);
    expect(opened).toMatchObject({ format: "xlsx", encoding: null, delimiter: null, sheet: "Organisations", sheets: ["Organisations", "Contacts"] });
    expect(await allRows(workbookPath)).toEqual([
      { row: 1, cells: ["PROVA directory export"] },
      { row: 2, cells: [] },
      { row: 3, cells: ["Name", "Phone", "Staff", "Founded", "Postcode", "Share", "Checked"] },
      { row: 4, cells: ["Acme", "32471512745", "6", "2019-05-17", "0471", "25%", "TRUE"] },
      { row: 5, cells: ["Rich text", "3", "=1+1", "2020-01-02", "=1+1", "@SUM(A1)", "0.3"] },
      { row: 6, cells: [] },
      { row: 7, cells: ["After a gap", "Our site", "Line one\nline two"] },
    ]);
  });

  it("reads a sheet by number or by name, and names the sheets when asked for another", async () => {
    const expected = [
      { row: 1, cells: ["Organisation", "E-mail"] },
      { row: 2, cells: ["Acme", "info@acme.example"] },
    ];
    expect(await openSpreadsheet(workbookPath, { sheet: 2 })).toMatchObject({ sheet: "Contacts" });
    expect(await allRows(workbookPath, { sheet: 2 })).toEqual(expected);
    expect(await allRows(workbookPath, { sheet: "Contacts" })).toEqual(expected);
    expect(await allRows(workbookPath, { sheet: " contacts" })).toEqual(expected);
    expect(await refusal(workbookPath, { sheet: "People" })).toBe('This Excel file has no sheet "People"; its sheets are "Organisations" and "Contacts".');
    expect(await refusal(workbookPath, { sheet: 3 })).toBe('This Excel file has no sheet number 3; its sheets are "Organisations" and "Contacts".');
  });

  it("reads a workbook whose parts are named from the root (as openpyxl writes them), strings first; by default its first visible sheet", async () => {
    const sheetXml = (rows: string) => Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    const path = await fixture(
      zipOf([
        {
          name: "xl/workbook.xml",
          content: Buffer.from(
            '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Read &amp; weep" sheetId="7" state="hidden" r:id="rId1"/><x:sheet name="Data" sheetId="3" r:id="rId2"/><x:sheet name="Chart" sheetId="4" r:id="rId3"/></x:sheets></x:workbook>',
          ),
        },
        {
          name: "xl/_rels/workbook.xml.rels",
          content: Buffer.from(
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
          ),
        },
        { name: "xl/sharedStrings.xml", content: Buffer.from('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><t>Line one_x000D_\nline two</t></si></sst>') },
        { name: "xl/worksheets/sheet1.xml", content: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Not this one</t></is></c></row>') },
        { name: "xl/worksheets/sheet2.xml", content: sheetXml('<row r="2"><c r="B2" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>1.5</v></c></row>') },
      ]),
      "xlsx",
    );
    expect(await openSpreadsheet(path)).toMatchObject({ sheet: "Data", sheets: ["Read & weep", "Data", "Chart"] });
    expect(await allRows(path, { sheet: 1 })).toEqual([{ row: 1, cells: ["Not this one"] }]);
    expect(await refusal(path, { sheet: "Chart" })).toBe('The sheet "Chart" is a chart, not cells; choose another sheet.');
    expect(await allRows(path)).toEqual([
      { row: 1, cells: [] },
      { row: 2, cells: ["", "Name"] },
      { row: 3, cells: ["Line one\nline two", "", "1.5"] },
    ]);
  });

  it("stops reading when the caller stops, and reads again from the start", async () => {
    const opened = await openSpreadsheet(workbookPath);
    for await (const row of opened.rows()) {
      expect(row.row).toBe(1);
      break;
    }
    expect(await allRows(workbookPath)).toHaveLength(7);
    const csv = await openSpreadsheet(await fixture("a,b\nc,d\n"));
    for await (const row of csv.rows()) {
      expect(row).toEqual({ row: 1, cells: ["a", "b"] });
      break;
    }
    const again: Row[] = [];
    for await (const row of csv.rows()) again.push(row);
    expect(again).toHaveLength(2);
  });

  it("reads the file by its content, whatever its name", async () => {
    const { readFile } = await import("node:fs/promises");
    const path = await fixture(await readFile(workbookPath), "csv");
    expect(await openSpreadsheet(path)).toMatchObject({ format: "xlsx", sheet: "Organisations" });
  });

  it("refuses a file cut short", async () => {
    const { readFile } = await import("node:fs/promises");
    const whole = await readFile(workbookPath);
    for (const length of [Math.floor(whole.length / 2), whole.length - 10, 10]) {
      expect(await refusal(await fixture(whole.subarray(0, length), "xlsx"))).toBe("This Excel file is damaged or cut short.");
    }
  });

  it("refuses other ZIP files", async () => {
    const openDocument = await fixture(zipOf([{ name: "mimetype", content: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") }, { name: "content.xml", content: Buffer.from("<office:document-content/>") }]), "ods");
    expect(await refusal(openDocument)).toBe("This is an OpenDocument (.ods) spreadsheet; save it as Excel (.xlsx) or CSV and try again.");
    const other = await fixture(zipOf([{ name: "notes.txt", content: Buffer.from("hello") }]), "xlsx");
    expect(await refusal(other)).toBe("This is not a CSV or an Excel (.xlsx) file.");
  });

  it("refuses a zip bomb from its directory, without inflating it", async () => {
    // 300 MB of zeros deflate to about 300 KB, as in a real zip bomb.
    const deflater = createDeflateRaw({ level: 9 });
    const compressed: Buffer[] = [];
    deflater.on("data", (chunk: Buffer) => compressed.push(chunk));
    const zeros = Buffer.alloc(1024 * 1024);
    for (let megabytes = 0; megabytes < 300; megabytes++) if (!deflater.write(zeros)) await new Promise((resolve) => deflater.once("drain", resolve));
    await new Promise((resolve) => deflater.end(resolve));
    // The directory tells the truth: it is the size that gives it away.
    const bomb = zipOf([
      { name: "xl/workbook.xml", content: workbookXml },
      { name: "xl/worksheets/sheet1.xml", deflated: Buffer.concat(compressed), claimedSize: 300 * 1024 * 1024 },
    ]);
    const path = await fixture(bomb, "xlsx");
    let message = "";
    const growth = await memoryGrowth(async () => (message = await refusal(path)));
    expect(message).toBe("This Excel file expands to far more data than a spreadsheet holds, so it is not read.");
    expect(growth).toBeLessThan(20);
  });

  it("refuses entries that overlap (a bomb that inflates one stream many times)", async () => {
    const archive = zipOf([
      { name: "xl/workbook.xml", content: workbookXml },
      { name: "xl/worksheets/sheet1.xml", content: Buffer.from("<worksheet/>") },
    ]);
    const directoryAt = archive.readUInt32LE(archive.length - 22 + 16);
    const secondEntry = directoryAt + 46 + archive.readUInt16LE(directoryAt + 28);
    archive.writeUInt32LE(0, secondEntry + 42); // its data is the first entry's
    expect(await refusal(await fixture(archive, "xlsx"))).toBe("This Excel file is damaged or cut short.");
  });

  it("refuses an entry that inflates past what the directory claims, in fixed memory", async () => {
    const lying = zipOf([
      { name: "xl/workbook.xml", content: workbookXml },
      { name: "xl/worksheets/sheet1.xml", content: Buffer.alloc(40 * 1024 * 1024), claimedSize: 1000 },
    ]);
    const path = await fixture(lying, "xlsx");
    let message = "";
    const growth = await memoryGrowth(async () => (message = await refusal(path)));
    expect(message).toBe("This Excel file expands to far more data than a spreadsheet holds, so it is not read.");
    expect(growth).toBeLessThan(20);
  });
});
