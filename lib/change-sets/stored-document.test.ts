import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { OrganisationDocument } from "./document";
import { documentSchemaVersion, readDocument, storedDocument, StoredDocumentError } from "./stored-document";

// Documents as the code of each format wrote them, read back from PostgreSQL (jsonb orders keys):
// v1 by the seed (a revision), by a saved draft and by the SQL function prova_backfill_revisions;
// v2 by a saved draft.
const fixtures = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(fixtures, name), "utf8"));
const fixtureNames = readdirSync(fixtures).filter((name) => name.endsWith(".json"));

const expectCurrentShape = (document: OrganisationDocument) => {
  expect(Object.keys(document).sort()).toEqual(["acronym", "archived", "contacts", "countries", "description", "kind", "name", "originalLanguage", "slug", "translations", "website"]);
  for (const contact of document.contacts) expect(Object.keys(contact).sort()).toEqual(["id", "label", "rawValue", "type", "value"]);
};

describe("readDocument", () => {
  it("has a fixture for every format ever written", () => {
    for (let version = 1; version <= documentSchemaVersion; version++) {
      expect(fixtureNames.filter((name) => name.startsWith(`document-v${version}-`)), `a fixture of version ${version}`).not.toEqual([]);
    }
  });

  it.each(fixtureNames)("reads %s in the current shape", (name) => {
    const document = readDocument(fixture(name));
    expectCurrentShape(document);
    // Reading is stable: storing what was read and reading it again gives the same document.
    expect(readDocument(JSON.parse(JSON.stringify(storedDocument(document))))).toEqual(document);
  });

  it("upgrades version 1 (no schemaVersion) field for field", () => {
    const stored = fixture("document-v1-backfill.json");
    expect(stored).not.toHaveProperty("schemaVersion");
    expect(readDocument(stored)).toEqual({
      slug: "archived-fixture",
      name: "Archived Fixture",
      acronym: "AF",
      kind: "RESEARCH_EDUCATION",
      description: "Line one.\n\nLine two.",
      website: "https://fixture.example",
      countries: ["FR", "BE"],
      contacts: [{ id: "01a23a48-0000-7000-8000-0000000000c1", type: "CONTACT_FORM", label: "Tips", value: "https://fixture.example/contact", rawValue: "fixture.example/contact" }],
      archived: true,
      originalLanguage: "en",
      translations: {},
    });
  });

  it("reads version 2 as English without translations, and version 3 with its own", () => {
    expect(readDocument(fixture("document-v2-draft.json"))).toMatchObject({ originalLanguage: "en", translations: {} });
    expect(readDocument(fixture("document-v3-draft.json"))).toMatchObject({ originalLanguage: "fr", translations: { "nl:description": "Dreigingsanalyses voor België." } });
    expect(() => readDocument({ ...fixture("document-v3-draft.json"), translations: { "french:description": "x" } })).toThrow(StoredDocumentError);
  });

  it("drops keys a version 1 document carried beyond its fields", () => {
    const stored = { ...fixture("document-v1-draft.json"), note: "stray" };
    expect(readDocument(stored)).not.toHaveProperty("note");
  });

  it("refuses what is not a document of a known version, naming the problem", () => {
    const v2 = fixture("document-v2-draft.json");
    const { name: _name, ...nameless } = v2;
    void _name;
    expect(() => readDocument(nameless)).toThrow(StoredDocumentError);
    expect(() => readDocument(nameless)).toThrow(/name/);
    expect(() => readDocument({ ...v2, kind: "CLUB" })).toThrow(/kind/);
    expect(() => readDocument({ ...v2, extra: true })).toThrow(StoredDocumentError);
    expect(() => readDocument({ ...v2, schemaVersion: documentSchemaVersion + 1 })).toThrow(`Unknown document schemaVersion ${documentSchemaVersion + 1}.`);
    expect(() => readDocument({ ...v2, schemaVersion: "2" })).toThrow(StoredDocumentError);
    expect(() => readDocument({ ...v2, schemaVersion: 3 })).toThrow(/originalLanguage/);
    for (const value of [null, "text", 1, []]) expect(() => readDocument(value)).toThrow(StoredDocumentError);
  });
});

describe("storedDocument", () => {
  it("stores the current format with the document's fields only", () => {
    const document = readDocument(fixture("document-v1-seed-revision.json"));
    const withExtra = { ...document, extra: "dropped" };
    const stored = storedDocument(withExtra);
    expect(stored.schemaVersion).toBe(documentSchemaVersion);
    expect(stored).not.toHaveProperty("extra");
    expect(stored).toEqual({ schemaVersion: documentSchemaVersion, ...document });
  });
});
