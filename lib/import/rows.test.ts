import { describe, expect, it } from "vitest";
import { mappingSchema, suggestField, type ImportField } from "./mapping";
import { countryLookup, parseRow } from "./rows";

const countries = countryLookup(["BE", "FR", "DE", "IT", "ES", "RO", "NL"]);
const fields: ImportField[] = ["name", "kind", "countries", "website", "email", "phone", "address"];
const mapping = mappingSchema.parse({ columns: {}, values: { kind: { Verein: "ngo" } } });

describe("countryLookup", () => {
  it("knows each country by its code and its name in the seven languages", () => {
    for (const name of ["be", "Belgium", "Belgique", "België", "Belgien", "Belgio", "Bélgica", "Belgia"]) {
      expect(countries.get(name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase()), name).toBe("BE");
    }
  });
});

describe("parseRow", () => {
  it("reads a row as the form would: normalised contacts, a kind from its label or the mapping, several countries", () => {
    const row = parseRow(
      ["Allo-Tolérance", "Verein", "Belgique, France", "www.allo-tolerance.eu", "Info@Allo-Tolerance.eu; contact@allo-tolerance.eu", "0032 471 51 27 45", "Rue Haute 1, 1000 Bruxelles"],
      fields,
      mapping,
      countries,
    );
    expect(row.errors).toEqual([]);
    expect(row.organisation).toMatchObject({
      name: "Allo-Tolérance",
      kind: "NGO",
      countries: ["BE", "FR"],
      website: "https://www.allo-tolerance.eu",
      contacts: [
        { type: "EMAIL", value: "info@allo-tolerance.eu" },
        { type: "EMAIL", value: "contact@allo-tolerance.eu" },
        { type: "PHONE", value: "+32471512745", rawValue: "0032 471 51 27 45" },
        { type: "ADDRESS", value: "Rue Haute 1, 1000 Bruxelles" },
      ],
    });
  });

  it("reads the export's own form back: country codes separated by spaces, values by ' | ', labels before a colon", () => {
    const row = parseRow(["Exit", "research_education", "be nl", "", "Office: office@exit.example | press@exit.example", "", ""], fields, mapping, countries);
    expect(row.organisation).toMatchObject({
      kind: "RESEARCH_EDUCATION",
      countries: ["BE", "NL"],
      contacts: [
        { type: "EMAIL", label: "Office", value: "office@exit.example" },
        { type: "EMAIL", label: null, value: "press@exit.example" },
      ],
    });
  });

  it("names every error with its field and column, all at once", () => {
    const row = parseRow(["", "Club", "Atlantis", "not a site", "nobody@", "12", ""], fields, mapping, countries);
    expect(row.organisation).toBeNull();
    expect(row.errors).toEqual([
      { field: "kind", column: "B", message: expect.stringContaining('"Club" is not a kind of organisation') },
      { field: "countries", column: "C", message: '"Atlantis" is not a country the directory knows: use its name or its two-letter code.' },
      { field: "name", column: "A", message: "Enter the organisation's name." },
      { field: "website", column: "D", message: expect.any(String) },
      { field: "email", column: "E", message: expect.any(String) },
      { field: "phone", column: "F", message: expect.any(String) },
    ]);
  });

  it("uses the mapping's defaults for empty cells, and keeps a formula-looking cell as text", () => {
    const withDefaults = mappingSchema.parse({ columns: {}, defaults: { kind: "project", countries: "DE" } });
    const row = parseRow(["=HYPERLINK(\"x\")", "", "", "", "", "", ""], fields, withDefaults, countries);
    expect(row.organisation).toMatchObject({ name: '=HYPERLINK("x")', kind: "PROJECT", countries: ["DE"] });
  });
});

describe("translation columns", () => {
  const withTranslations: ImportField[] = ["name", "kind", "countries", "description_fr", "description_nl"];

  it("are suggested from the export's headers and their field names", () => {
    expect(suggestField("Description (French)")).toBe("description_fr");
    expect(suggestField("description_nl")).toBe("description_nl");
    expect(suggestField("Description RO")).toBe("description_ro");
  });

  it("give the description in each language, filled cells only, a bad one at its column", () => {
    const row = parseRow(["Allo-Tolérance", "ngo", "be", "Écoute.", ""], withTranslations, mapping, countries);
    expect(row.organisation?.translations).toEqual({ "fr:description": "Écoute." });
    const long = parseRow(["Allo-Tolérance", "ngo", "be", "", "x".repeat(20_001)], withTranslations, mapping, countries);
    expect(long.errors).toEqual([{ field: "description_nl", column: "E", message: "Keep the description under 20,000 characters." }]);
  });
});

describe("the original-language column", () => {
  const withLanguage: ImportField[] = ["name", "kind", "countries", "original_language"];

  it("reads a language by its code or its name in any of the seven languages; an empty cell gives none", () => {
    for (const cell of ["fr", "FR", "French", "Français", "Frans", "Französisch", "Francese", "Francés", "franceză"]) {
      expect(parseRow(["Allo-Tolérance", "ngo", "be", cell], withLanguage, mapping, countries).organisation?.originalLanguage, cell).toBe("fr");
    }
    expect(parseRow(["Allo-Tolérance", "ngo", "be", ""], withLanguage, mapping, countries).organisation?.originalLanguage).toBeNull();
  });

  it("refuses a language the directory does not have, at its column", () => {
    expect(parseRow(["Allo-Tolérance", "ngo", "be", "Klingon"], withLanguage, mapping, countries).errors).toEqual([
      { field: "original_language", column: "D", message: `"Klingon" is not one of the directory's languages: use its two-letter code (en, fr, nl, de, it, es, ro) or its name.` },
    ]);
  });
});
