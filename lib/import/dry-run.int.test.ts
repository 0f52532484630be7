// The dry run against the real database (seeded with the original Belgian directory): files made
// the way spreadsheets make them, matched to the seed's organisations, nothing written.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dryRun } from "./dry-run";
import { mappingSchema } from "./mapping";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "prova-dry-run-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.$disconnect();
});

const file = async (name: string, content: string | Buffer) => {
  const target = path.join(dir, name);
  await writeFile(target, content);
  return target;
};

describe("dryRun", () => {
  it("reads a Windows-1252 semicolon file with a title row, matches the seed's organisations, and changes nothing", async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const csv = [
      "Liste des organisations – Belgique;;;;",
      "Nom;Type;Pays;Site web;Courriel",
      "S.A.V.E. BELGIUM;NGO;Belgique;http://www.savebelgium.org;info@savebelgium.org",
      "Allo-Tolerance;Non-governmental organisation;BE;https://www.allo-tolerance.eu;",
      `Nouvelle Asbl ${run};NGO;Belgique;https://nouvelle-${run}.example;contact@nouvelle-${run}.example`,
      `Nouvelle Asbl ${run} (bis);NGO;BE;https://nouvelle-${run}.example;`,
      ";Club;Atlantis;;pas une adresse",
      ";;;;",
    ].join("\r\n");
    const before = await db.changeSet.count();
    const result = await dryRun(await file("belgique.csv", iconv.encode(csv, "win1252")));
    expect(result.file).toMatchObject({ format: "csv", encoding: "windows-1252", delimiter: ";", headerRow: 2 });
    expect(result.problems).toEqual([]);
    expect(result.mapping.columns).toEqual({ Nom: "name", Type: "kind", Pays: "countries", "Site web": "website", Courriel: "email" });
    expect(result.rows.map((row) => [row.row, row.outcome])).toEqual([
      [3, "unchanged"],
      [4, "update"],
      [5, "create"],
      [6, "duplicate"],
      [7, "error"],
    ]);
    // Allo-Tolerance's kind in the seed is not an NGO: the one field that differs.
    expect(result.rows[1]).toMatchObject({ organisation: "Allo-Tolerance (allo-tolerance)", changes: ["kind"] });
    expect(result.rows[3].duplicateOf).toBe(5);
    expect(result.rows[4].errors.map((error) => [error.field, error.column])).toEqual([
      ["kind", "B"],
      ["countries", "C"],
      ["name", "A"],
      ["email", "E"],
    ]);
    expect(result.summary).toEqual({ rows: 5, creates: 1, updates: 1, unchanged: 1, duplicates: 1, errors: 1 });
    expect(await db.changeSet.count()).toBe(before);
  });

  it("follows a given mapping by header or letter, with kinds translated and a default country", async () => {
    const csv = "Bezeichnung,Art,Telefon\nS.A.V.E. BELGIUM,Verein,0032 471 51 27 45\n";
    const mapping = mappingSchema.parse({ columns: { Bezeichnung: "name", B: "kind", Telefon: "phone" }, values: { kind: { Verein: "ngo" } }, defaults: { countries: "BE" } });
    const result = await dryRun(await file("verein.csv", csv), { mapping, matchBy: ["name"] });
    expect(result.rows).toEqual([{ row: 2, outcome: "unchanged", organisation: "S.A.V.E. BELGIUM (save-belgium)", changes: [], differences: [], duplicateOf: null, errors: [], proposedIn: null }]);
  });

  it("says what is wrong with a mapping before reading any row", async () => {
    const result = await dryRun(await file("nothing.csv", "Remarks,Notes\nx,y\n"));
    expect(result.problems).toEqual([
      "No column is mapped to the name: map the column that holds the organisations' names.",
      "No column is mapped to the countries, and no default country is given.",
      "No column is mapped to the kind, and no default kind is given.",
    ]);
    expect(result.rows).toEqual([]);
  });

  it("refuses a file with more rows than an import reads, in one sentence", async () => {
    const csv = ["Name;Country;Kind", ...Array.from({ length: 4 }, (_, index) => `Row ${index};BE;ngo`)].join("\n");
    await expect(dryRun(await file("long.csv", csv), { mostRows: 3 })).rejects.toThrow("This file has more than 3 rows; split it into smaller files.");
    expect((await dryRun(await file("long.csv", csv), { mostRows: 4 })).summary.rows).toBe(4);
  });
});
