import { describe, expect, it } from "vitest";
import { applyChanges, collisions, diffDocuments, type OrganisationDocument } from "./document";

const contact = (id: string, value: string, type: "EMAIL" | "PHONE" = "EMAIL") => ({ id, type, label: null, value, rawValue: value });

const base: OrganisationDocument = {
  slug: "allo-tolerance",
  name: "Allo-Tolerance",
  acronym: null,
  kind: "NGO",
  description: "Helps.",
  website: "https://example.org",
  countries: ["BE"],
  contacts: [contact("a", "a@example.org"), contact("b", "+3222385686", "PHONE"), contact("c", "c@example.org")],
  archived: false,
  originalLanguage: "en",
  translations: { "fr:description": "Aide." },
};

describe("diffDocuments", () => {
  it("finds nothing between equal documents", () => {
    expect(diffDocuments(base, structuredClone(base))).toEqual([]);
  });

  it("lists each changed field, and each added, changed and removed contact, and a new order", () => {
    const proposed = {
      ...base,
      name: "Allo Tolerance",
      countries: ["BE", "NL"],
      contacts: [contact("c", "c@example.org"), contact("a", "new@example.org"), contact("d", "d@example.org")],
    };
    const changes = diffDocuments(base, proposed);
    expect(changes.map((change) => change.key)).toEqual(["name", "countries", "contact:a", "contact:d", "contact:b", "contacts:order"]);
    expect(changes.find((change) => change.key === "contact:a")).toMatchObject({ change: "changed" });
    expect(changes.find((change) => change.key === "contact:d")).toMatchObject({ change: "added" });
    expect(changes.find((change) => change.key === "contact:b")).toMatchObject({ change: "removed" });
    expect(changes.find((change) => change.key === "contacts:order")).toMatchObject({ base: ["a", "c"], proposed: ["c", "a"] });
  });

  it("treats a creation as every field proposed", () => {
    const keys = diffDocuments(null, base).map((change) => change.key);
    expect(keys).toEqual(["name", "acronym", "slug", "kind", "countries", "website", "description", "originalLanguage", "contact:a", "contact:b", "contact:c", "translation:fr:description"]);
  });

  it("lists each translation added, changed or removed by itself, per language and part", () => {
    const proposed = { ...base, translations: { "de:name": "Allo-Toleranz", "fr:description": "Aide beaucoup." } };
    expect(diffDocuments(base, proposed)).toEqual([
      { key: "translation:de:name", type: "translation", language: "de", part: "name", base: null, proposed: "Allo-Toleranz" },
      { key: "translation:fr:description", type: "translation", language: "fr", part: "description", base: "Aide.", proposed: "Aide beaucoup." },
    ]);
    expect(diffDocuments(base, { ...base, translations: {} }).map((change) => [change.key, change.proposed])).toEqual([["translation:fr:description", null]]);
  });
});

describe("collisions", () => {
  it("names only the accepted changes whose published value moved since the base", () => {
    const proposed = { ...base, name: "New name", website: "https://new.example.org", contacts: base.contacts.map((c) => (c.id === "a" ? contact("a", "x@example.org") : c)) };
    const changes = diffDocuments(base, proposed);
    const current = { ...base, name: "Someone else's name", contacts: base.contacts.map((c) => (c.id === "a" ? contact("a", "y@example.org") : c)) };
    expect(collisions(changes, base, current)).toEqual(["name", "contact:a"]);
    expect(collisions(changes, base, base)).toEqual([]);
  });
});

describe("applyChanges", () => {
  it("applies only the accepted changes on top of what is published now, keeping contact ids", () => {
    const proposed = {
      ...base,
      name: "Renamed",
      description: "Rejected text",
      contacts: [contact("a", "new@example.org"), contact("d", "d@example.org"), contact("c", "c@example.org")],
    };
    const changes = diffDocuments(base, proposed);
    const accepted = changes.filter((change) => ["name", "contact:a", "contact:b", "contact:d"].includes(change.key));
    const current = { ...base, website: "https://moved.example.org" };
    const result = applyChanges(current, proposed, accepted);
    expect(result.name).toBe("Renamed");
    expect(result.description).toBe("Helps.");
    expect(result.website).toBe("https://moved.example.org");
    expect(result.contacts.map((c) => [c.id, c.value])).toEqual([
      ["a", "new@example.org"],
      ["d", "d@example.org"],
      ["c", "c@example.org"],
    ]);
  });

  it("applies an accepted new order", () => {
    const proposed = { ...base, contacts: [base.contacts[2], base.contacts[0], base.contacts[1]] };
    const changes = diffDocuments(base, proposed);
    expect(applyChanges(base, proposed, changes).contacts.map((c) => c.id)).toEqual(["c", "a", "b"]);
    expect(applyChanges(base, proposed, []).contacts.map((c) => c.id)).toEqual(["a", "b", "c"]);
  });
});

describe("translations", () => {
  it("applies only the accepted translations, and collides with one changed since", () => {
    const proposed = { ...base, translations: { "de:description": "Hilft.", "fr:description": "Aide beaucoup.", "nl:description": "Helpt." } };
    const changes = diffDocuments(base, proposed);
    const accepted = changes.filter((change) => change.key !== "translation:nl:description");
    expect(applyChanges(base, proposed, accepted).translations).toEqual({ "de:description": "Hilft.", "fr:description": "Aide beaucoup." });
    const current = { ...base, translations: { "fr:description": "Aide autrement." } };
    expect(collisions(changes, base, current)).toEqual(["translation:fr:description"]);
  });
});
