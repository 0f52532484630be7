import { describe, expect, it } from "vitest";
import { z } from "zod";
import { organisationFormSchema, organisationSchema } from "./organisation";

const valid = {
  name: "  S.A.V.E. BELGIUM ",
  kind: "NGO",
  countries: ["be"],
  description: "First.\r\n\r\nSecond.",
  website: "www.savebelgium.org",
  contacts: [
    { type: "EMAIL", value: "Info@SaveBelgium.org" },
    { type: "PHONE", label: " Office ", value: "0032 471 51 27 45" },
  ],
};

describe("organisationSchema", () => {
  it("normalises every field, with the first country as the phone region", () => {
    const result = organisationSchema.parse(valid);
    expect(result).toEqual({
      name: "S.A.V.E. BELGIUM",
      acronym: null,
      kind: "NGO",
      countries: ["BE"],
      description: "First.\n\nSecond.",
      website: "https://www.savebelgium.org",
      contacts: [
        { type: "EMAIL", label: null, value: "info@savebelgium.org", rawValue: "Info@SaveBelgium.org" },
        { type: "PHONE", label: "Office", value: "+32471512745", rawValue: "0032 471 51 27 45" },
      ],
    });
  });

  it("puts each error at the field it concerns", () => {
    const result = organisationSchema.safeParse({
      ...valid,
      name: " ",
      kind: "CLUB",
      countries: [],
      website: "javascript:alert(1)",
      contacts: [{ type: "EMAIL", value: "ok@example.org" }, { type: "PHONE", value: "12" }],
    });
    expect(result.success).toBe(false);
    const { fieldErrors } = z.flattenError(result.error!);
    expect(fieldErrors.name).toEqual(["Enter the organisation's name."]);
    expect(fieldErrors.kind).toEqual(["Choose the kind of organisation."]);
    expect(fieldErrors.countries).toEqual(["Choose at least one country."]);
    expect(fieldErrors.website).toEqual(["Only http:// and https:// web addresses are allowed."]);
    // The contact's error comes with the others, not only once they are mended.
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toContain("contacts.1.value");
  });

  it("reads phones in the first country as typed even when another field is wrong", () => {
    const form = { name: "", kind: "NGO", countries: ["fr"], contacts: [{ type: "PHONE", value: "01 23 45 67 89" }, { type: "EMAIL", value: "nope" }] };
    const result = organisationFormSchema.safeParse(form);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["name", "contacts.1.value"]);
  });

  it("reports a bad contact at contacts.<index>.value", () => {
    const result = organisationSchema.safeParse({ ...valid, contacts: [{ type: "EMAIL", value: "ok@example.org" }, { type: "PHONE", value: "12" }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ["contacts", 1, "value"], message: expect.stringContaining("valid phone number") }),
    ]);
  });

  it("refuses a country chosen twice", () => {
    const result = organisationSchema.safeParse({ ...valid, countries: ["BE", "be"] });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors.countries).toEqual(["Each country can be chosen only once."]);
  });
});

describe("organisationFormSchema", () => {
  const form = {
    name: "Allo-Tolerance\u0007",
    kind: "NGO",
    countries: "BE",
    website: "www.allo-tolerance.be",
    description: "Line one\r\nLine two",
    contacts: [{ type: "PHONE", label: "", value: "0032 471 51 27 45" }, undefined, { type: "EMAIL", value: "Info@Example.org" }],
    intent: "submit",
  };

  it("reads a single country as a list, drops form holes, strips control characters and normalises", () => {
    const result = organisationFormSchema.parse(form);
    expect(result).toMatchObject({
      name: "Allo-Tolerance",
      countries: ["BE"],
      website: "https://www.allo-tolerance.be",
      description: "Line one\nLine two",
      slug: "",
      note: "",
      intent: "submit",
    });
    expect(result.contacts.map((contact) => contact.value)).toEqual(["+32471512745", "info@example.org"]);
  });

  it("refuses fields the form does not have (mass assignment)", () => {
    const result = organisationFormSchema.safeParse({ ...form, status: "ARCHIVED", version: "9" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("These fields cannot be set here: status, version.");
  });

  it("refuses a malformed address and a contact id that is not a UUID", () => {
    const slug = organisationFormSchema.safeParse({ ...form, slug: "Not A Slug!" });
    expect(slug.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["slug", "Use only lower-case letters, digits and single hyphens, e.g. allo-tolerance."],
    ]);
    const id = organisationFormSchema.safeParse({ ...form, contacts: [{ id: "1", type: "EMAIL", value: "a@example.org" }] });
    expect(id.error?.issues.map((issue) => issue.path.join("."))).toEqual(["contacts.0.id"]);
  });
});

describe("translations in the editor's form", () => {
  const form = { name: "Organe de coordination", kind: "GOVERNMENT_BODY", countries: "BE", description: "Analyses.", originalLanguage: "fr" };

  it("keeps the filled translations by language and part, never one in the original language", () => {
    const result = organisationFormSchema.parse({
      ...form,
      "translation.nl.name": " Coördinatieorgaan ",
      "translation.nl.description": "Analyses.\r\nVoor België.",
      "translation.de.description": "",
      "translation.fr.description": "A second original",
    });
    expect(result.originalLanguage).toBe("fr");
    expect(result.translations).toEqual({ "nl:name": "Coördinatieorgaan", "nl:description": "Analyses.\nVoor België." });
    expect(result).not.toHaveProperty("translation.nl.name");
  });

  it("reports a bad translation at its own field, and refuses a language the directory does not have", () => {
    const long = organisationFormSchema.safeParse({ ...form, "translation.it.description": "x".repeat(20_001) });
    expect(long.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["translation.it.description", "Keep the description under 20,000 characters."]]);
    const unknown = organisationFormSchema.safeParse({ ...form, originalLanguage: "xx", "translation.xx.description": "?" });
    expect(unknown.error!.issues.map((issue) => issue.path.join("."))).toEqual(["originalLanguage", ""]);
  });
});

