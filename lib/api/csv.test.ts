import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ApiOrganisation } from "@/lib/data/public-api";
import { csvColumns, csvStream, neutralise } from "./csv";

const organisation = (name: string, extra: Partial<ApiOrganisation> = {}): ApiOrganisation => ({
  slug: name.toLowerCase().replace(/\W+/g, "-"),
  name,
  acronym: null,
  kind: "ngo",
  description: 'Line one, with "quotes"\nLine two',
  website: "https://example.org",
  countries: [{ code: "BE", name: "Belgium" }],
  contacts: [
    { type: "email", label: null, value: "a@example.org" },
    { type: "phone", label: "Office", value: "+3222385686" },
    { type: "email", label: null, value: "b@example.org" },
  ],
  lastVerifiedAt: null,
  lastVerifiedSource: null,
  updatedAt: "2026-11-28T00:00:00.000Z",
  originalLanguage: "en",
  language: "en",
  translations: {},
  ...extra,
});

async function* from(items: ApiOrganisation[]) {
  yield* items;
}

describe("csvStream", () => {
  it("writes a BOM, a header, and rows a real CSV parser reads back", async () => {
    const bytes = new Uint8Array(await new Response(csvStream(from([organisation("Allo-Tolérance"), organisation("=cmd|' /C calc'!A0")]))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...csvColumns]);
    expect(rows[0]).toMatchObject({ name: "Allo-Tolérance", emails: "a@example.org | b@example.org", phones: "Office: +3222385686", countries: "be" });
    expect(rows[0].description).toBe('Line one, with "quotes"\nLine two');
    expect(rows[1].name).toBe("'=cmd|' /C calc'!A0");
  });

  it("quotes a cell with a line break (a multi-line address), so that a parser splitting records on CRLF only keeps it whole", async () => {
    const address = organisation("Palace", { contacts: [{ type: "address", label: null, value: "Rue de la Loi 155 C\n1040 Brussels" }], description: "One line" });
    const text = await new Response(csvStream(from([address]))).text();
    expect(text).toContain('"Rue de la Loi 155 C\n1040 Brussels"');
    const rows = parse(text.slice(1), { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0].addresses).toBe("Rue de la Loi 155 C\n1040 Brussels");
  });

  it("neutralises every formula-like cell", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(cell).startsWith("'")).toBe(true);
    expect(neutralise("plain text")).toBe("plain text");
  });
});

describe("csvRow", () => {
  it("has one description column per language: the original in its own, each translation in its, empty elsewhere", async () => {
    const text = await new Response(
      csvStream(from([organisation("Bilingual", { originalLanguage: "fr", language: "fr", description: "Aide.", translations: { nl: { description: "Helpt.", name: "Tweetalig" } } })])),
    ).text();
    const [row] = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ description: "Aide.", original_language: "fr", description_fr: "Aide.", description_nl: "Helpt.", description_en: "", description_de: "" });
  });
});

