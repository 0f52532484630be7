import { describe, expect, it } from "vitest";
import { mappingSchema, resolveColumns, suggestField, suggestMapping } from "./mapping";

describe("suggestField", () => {
  it("reads headers in the directory's seven languages, without case, accents or punctuation", () => {
    const headers: [string, string][] = [
      ["Name", "name"],
      ["Nom de l'organisation", "name"],
      ["Naam organisatie", "name"],
      ["Bezeichnung", "name"],
      ["Denominazione", "name"],
      ["Nombre", "name"],
      ["Denumire", "name"],
      ["Sigle", "acronym"],
      ["Abkürzung", "acronym"],
      ["Type d'organisation", "kind"],
      ["Pays", "countries"],
      ["Länder", "countries"],
      ["Țara", "countries"],
      ["Webside", "website"],
      ["Site web", "website"],
      ["E-mail :", "email"],
      ["Courriel", "email"],
      ["Téléphone", "phone"],
      ["Telefonnummer", "phone"],
      ["Număr de telefon", "phone"],
      ["Adresse", "address"],
      ["Dirección", "address"],
      ["Formulaire de contact", "contact_form"],
      ["Descrizione", "description"],
      ["Original language", "original_language"],
      ["Langue d'origine", "original_language"],
      ["Originalsprache", "original_language"],
      ["Remarks", "ignore"],
    ];
    for (const [header, field] of headers) expect(suggestField(header), header).toBe(field);
  });
});

describe("suggestMapping", () => {
  it("maps each header once, a second e-mail column too, and names empty or repeated headers by their letters", () => {
    expect(suggestMapping(["Nom", "Pays", "Courriel", "E-mail", "", "Nom", "Notes"]).columns).toEqual({
      Nom: "name",
      Pays: "countries",
      Courriel: "email",
      "E-mail": "email",
      E: "ignore",
      F: "ignore",
      Notes: "ignore",
    });
  });
});

describe("resolveColumns", () => {
  it("finds columns by header text or letter, and says in words what is missing or ambiguous", () => {
    const mapping = mappingSchema.parse({ columns: { Naam: "name", B: "countries", Soort: "kind", Extra: "email" }, defaults: {} });
    expect(resolveColumns(["Naam", "Land", "Soort"], mapping)).toEqual({
      fields: ["name", "countries", "kind"],
      problems: ['The mapping names a column "Extra" that the file does not have.'],
    });
    const twice = mappingSchema.parse({ columns: { A: "name", B: "name" } });
    expect(resolveColumns(["x", "y"], twice).problems).toEqual([
      "Only one column can be the name: columns A, B are.",
      "No column is mapped to the countries, and no default country is given.",
      "No column is mapped to the kind, and no default kind is given.",
    ]);
  });

  it("refuses a mapping with an unknown field or kind, with a message that lists the right ones", () => {
    const result = mappingSchema.safeParse({ columns: { Nom: "title" }, defaults: { kind: "club" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining("Map each column to one of name, acronym, kind"),
      expect.stringContaining("Use one of the kinds project, ngo,"),
    ]);
  });
});
