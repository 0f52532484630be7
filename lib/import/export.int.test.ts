// The export read back by the importer: every organisation of the file unchanged, in CSV and XLSX,
// the seed's own listings (multi-line addresses, labels, E.164 phones) and a few made here.
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eachOrganisationForExport } from "@/lib/data/export";
import { db } from "@/lib/db";
import { dryRun } from "./dry-run";
import { exportHeaders, writeExport } from "./export";

const run = crypto.randomUUID().slice(0, 8);
const created: string[] = [];
let dir: string;
let ids: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "prova-export-"));
  const made = [
    { name: `=Formula-looking ${run}`, kind: "OTHER" as const, status: "PUBLISHED" as const, contacts: [{ type: "PHONE" as const, label: "Office", value: "+3222385686", rawValue: "02 / 238.56.86" }] },
    {
      name: `Archived ${run}`,
      kind: "NETWORK" as const,
      status: "ARCHIVED" as const,
      contacts: [
        { type: "EMAIL" as const, label: null, value: `one-${run}@example.org`, rawValue: `One-${run}@Example.org` },
        { type: "EMAIL" as const, label: "Press", value: `press-${run}@example.org`, rawValue: `press-${run}@example.org` },
        { type: "ADDRESS" as const, label: null, value: "Rue de la Loi 22\n1000 Brussels", rawValue: "Rue de la Loi 22\n1000 Brussels" },
      ],
    },
  ];
  for (const [index, organisation] of made.entries()) {
    const { id } = await db.organisation.create({
      data: {
        slug: `export-${run}-${index}`,
        name: organisation.name,
        kind: organisation.kind,
        status: organisation.status,
        acronym: index === 0 ? "FL" : null,
        // One written in French, with its English translation: both read back as they are.
        ...(index === 1 ? { originalLanguage: "fr", translations: { "en:description": "In English." } } : {}),
        description: 'Two lines,\nwith "quotes"; and a semicolon.',
        website: `https://www.export-${run}-${index}.example/about`,
        countryCodes: ["BE", "FR"],
        countries: { create: [{ countryCode: "BE", position: 0 }, { countryCode: "FR", position: 1 }] },
        contacts: { create: organisation.contacts.map((contact, position) => ({ ...contact, position })) },
      },
      select: { id: true },
    });
    created.push(id);
  }
  const seed = await db.organisation.findMany({ where: { slug: { in: ["allo-tolerance", "save-belgium", "state-security-service", "coordination-unit-for-threat-assessment"] } }, select: { id: true } });
  ids = [...seed.map((row) => row.id), ...created];
});

afterAll(async () => {
  await db.organisation.deleteMany({ where: { id: { in: created } } });
  await rm(dir, { recursive: true, force: true });
  await db.$disconnect();
});

async function exported(format: "csv" | "xlsx") {
  const target = path.join(dir, `directory.${format}`);
  const output = createWriteStream(target);
  await writeExport(eachOrganisationForExport({ ids }), format, output);
  await finished(output);
  return target;
}

describe("the export", () => {
  for (const format of ["csv", "xlsx"] as const) {
    it(`imports back as ${format.toUpperCase()} proposing no change at all`, async () => {
      const result = await dryRun(await exported(format));
      expect(result.problems).toEqual([]);
      expect(result.mapping.columns).toMatchObject({ Name: "name", Kind: "kind", Countries: "countries", "E-mail": "email", Phone: "phone", Address: "address", "Contact form": "contact_form", "Original language": "original_language", Status: "ignore", Slug: "ignore" });
      expect(result.rows.filter((row) => row.outcome !== "unchanged")).toEqual([]);
      expect(result.summary).toMatchObject({ rows: ids.length, unchanged: ids.length });
    });
  }

  it("marks archived listings, and keeps a formula-looking cell from running in a spreadsheet", async () => {
    const text = await readFile(await exported("csv"), "utf8");
    expect(text.startsWith(`\ufeff${exportHeaders.join(",")}\r\n`)).toBe(true);
    expect(text).toContain(`'=Formula-looking ${run}`);
    expect(text).toMatch(new RegExp(`Archived ${run},,network,BE FR,.*,fr,https://www.export-${run}-1.example/about,.*,archived,export-${run}-1,In English.,`, "s"));
    expect(text).toContain(`one-${run}@example.org | Press: press-${run}@example.org`);
  });
});
