import { describe, expect, it } from "vitest";
import { diffDocuments, type OrganisationDocument } from "@/lib/change-sets/document";
import type { ImportField } from "./mapping";
import type { ImportedOrganisation } from "./rows";
import { describeDifferences, keysOf, newDocument, proposedUpdate, sameProposal } from "./plan";

const base: OrganisationDocument = {
  slug: "allo-tolerance",
  name: "Allo-Tolérance",
  acronym: "AT",
  kind: "NGO",
  description: "Listens.",
  website: "https://www.allo-tolerance.eu",
  countries: ["BE"],
  contacts: [
    { id: "c1", type: "EMAIL", label: null, value: "info@allo-tolerance.eu", rawValue: "Info@Allo-Tolerance.eu" },
    { id: "c2", type: "PHONE", label: "Office", value: "+32471512745", rawValue: "0032 471 51 27 45" },
  ],
  archived: false,
  originalLanguage: "en",
  translations: {},
};

/** The row as the file says it (what parseRow returns). */
const row = (overrides: Partial<ImportedOrganisation> = {}): ImportedOrganisation => ({
  name: base.name,
  acronym: base.acronym,
  kind: base.kind,
  description: base.description,
  website: base.website,
  countries: base.countries,
  contacts: [{ type: "EMAIL", label: null, value: "info@allo-tolerance.eu", rawValue: "info@allo-tolerance.eu" }],
  originalLanguage: null,
  translations: {},
  ...overrides,
});

describe("proposedUpdate", () => {
  it("proposes nothing for a row that says what is published (contacts keep their identity and raw text)", () => {
    const proposed = proposedUpdate(base, row(), new Set(["name", "kind", "countries", "email", "website"]));
    expect(diffDocuments(base, proposed)).toEqual([]);
  });

  it("changes only the fields the file has columns for, and of the contacts only the types it has", () => {
    const proposed = proposedUpdate(
      base,
      row({ name: "Allo Tolérance", description: "Something else", contacts: [{ type: "EMAIL", label: null, value: "contact@allo-tolerance.eu", rawValue: "contact@allo-tolerance.eu" }] }),
      new Set(["name", "email"]),
    );
    expect(diffDocuments(base, proposed).map((change) => change.key)).toEqual(["name", expect.stringMatching(/^contact:/), "contact:c1"]);
    expect(proposed.description).toBe("Listens.");
    expect(proposed.contacts.map((contact) => contact.value)).toEqual(["+32471512745", "contact@allo-tolerance.eu"]);
  });

  it("leaves the acronym, the website and the description when the file's cell is empty", () => {
    const proposed = proposedUpdate(base, row({ acronym: null, website: null, description: "" }), new Set(["acronym", "website", "description"]));
    expect(diffDocuments(base, proposed)).toEqual([]);
  });
});

describe("keysOf and newDocument", () => {
  it("matches by the website's host (without www.), the e-mails, or the name in each country, as asked", () => {
    const organisation = row({ countries: ["BE", "FR"] });
    expect(keysOf(organisation, ["website", "email", "name"])).toEqual(["website:allo-tolerance.eu", "email:info@allo-tolerance.eu", "name:BE:allo-tolerance", "name:FR:allo-tolerance"]);
    expect(keysOf(organisation, ["email"])).toEqual(["email:info@allo-tolerance.eu"]);
  });

  it("makes a new organisation's document with fresh contact ids and no address yet", () => {
    const document = newDocument(row());
    expect(document).toMatchObject({ slug: "", name: base.name, archived: false, contacts: [{ type: "EMAIL", value: "info@allo-tolerance.eu" }] });
    expect(document.contacts[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("sameProposal", () => {
  it("compares what a row proposes whatever its contacts' ids and its address, but not whatever its values or their order", () => {
    const once = newDocument(row());
    const twice = { ...newDocument(row()), slug: "allo-tolerance-2" };
    expect(once.contacts[0].id).not.toBe(twice.contacts[0].id);
    expect(sameProposal(once, twice)).toBe(true);
    expect(sameProposal(once, { ...twice, website: "https://other.example" })).toBe(false);
    expect(sameProposal(once, { ...twice, contacts: [{ ...twice.contacts[0], label: "Office" }] })).toBe(false);
    const two = newDocument(row({ contacts: [...row().contacts, { type: "PHONE", label: null, value: "+3221234567", rawValue: "02 123 45 67" }] }));
    expect(sameProposal(two, { ...two, contacts: [...two.contacts].reverse() })).toBe(false);
  });
});

describe("describeDifferences", () => {
  it("says each change of an update in words, with its values before and after", () => {
    const proposed = { ...base, website: "https://new.example", countries: ["BE", "FR"], contacts: [{ ...base.contacts[0], value: "new@allo-tolerance.eu" }] };
    expect(describeDifferences(diffDocuments(base, proposed))).toEqual(
      expect.arrayContaining([
        { what: "Website", before: base.website, after: "https://new.example" },
        { what: "Countries", before: base.countries.join(", "), after: "BE, FR" },
        { what: "E-mail", before: base.contacts[0].value, after: "new@allo-tolerance.eu" },
      ]),
    );
  });
});

describe("translation columns", () => {
  it("propose a filled cell's translation, keep the published one for an empty cell, and never make the original a translation", () => {
    const published = { ...base, translations: { "de:description": "Hört zu." } };
    const proposed = proposedUpdate(published, row({ translations: { "fr:description": "Écoute.", "en:description": "Listens again." } }), new Set(["name", "description_fr", "description_de", "description_en"]));
    expect(diffDocuments(published, proposed).map((change) => [change.key, change.proposed])).toEqual([["translation:fr:description", "Écoute."]]);
    expect(newDocument(row({ translations: { "nl:description": "Luistert." } })).translations).toEqual({ "nl:description": "Luistert." });
  });
});

describe("the original-language column", () => {
  it("gives a new organisation its original language, whose description column is then no translation", () => {
    const created = newDocument(row({ originalLanguage: "fr", translations: { "fr:description": "Écoute.", "en:description": "Listens." } }));
    expect(created.originalLanguage).toBe("fr");
    expect(created.translations).toEqual({ "en:description": "Listens." });
    expect(newDocument(row()).originalLanguage).toBe("en");
  });

  it("changes a listing's original language when its cell is filled, dropping the translation into it; an empty cell says nothing", () => {
    const published = { ...base, translations: { "fr:description": "Écoute.", "de:description": "Hört zu." } };
    const mapped = new Set<ImportField>(["name", "original_language"]);
    const proposed = proposedUpdate(published, row({ originalLanguage: "fr" }), mapped);
    expect(diffDocuments(published, proposed).map((change) => [change.key, change.proposed])).toEqual([
      ["originalLanguage", "fr"],
      ["translation:fr:description", null],
    ]);
    expect(diffDocuments(published, proposedUpdate(published, row(), mapped))).toEqual([]);
  });
});

