import { describe, expect, it } from "vitest";
import { dismissPairSchema, similarLookupSchema } from "./duplicates";

describe("similarLookupSchema", () => {
  it("normalises the e-mail and phone contacts as they are stored, phones read in the first country", () => {
    const parsed = similarLookupSchema.parse({
      name: "Allo",
      region: "be",
      contacts: [
        { type: "EMAIL", value: " Info@Example.ORG " },
        { type: "PHONE", value: "02 / 238.56.86" },
        { type: "FAX", value: "+32 2 238 56 86" },
      ],
    });
    expect(parsed).toEqual({ name: "Allo", emails: ["info@example.org"], phones: ["+3222385686"] });
  });

  it("leaves out a contact that is not valid yet, and takes one contact as FormData sends it", () => {
    expect(similarLookupSchema.parse({ contacts: { type: "EMAIL", value: "half@" } })).toEqual({ emails: [], phones: [] });
    expect(similarLookupSchema.parse({ contacts: { type: "PHONE", value: "+356 2123 4567" } }).phones).toEqual(["+35621234567"]);
    expect(similarLookupSchema.parse({ organisationId: "", region: "" })).toEqual({ emails: [], phones: [] });
  });

  it("is strict and bounded: no other field, contact kind or size", () => {
    expect(similarLookupSchema.safeParse({ status: "ARCHIVED" }).success).toBe(false);
    expect(similarLookupSchema.safeParse({ contacts: [{ type: "ADDRESS", value: "Main Street 1" }] }).success).toBe(false);
    expect(similarLookupSchema.safeParse({ contacts: [{ type: "EMAIL", value: "a@b.org", label: "x" }] }).success).toBe(false);
    expect(similarLookupSchema.safeParse({ contacts: [{ type: "EMAIL", value: `${"a".repeat(320)}@b.org` }] }).success).toBe(false);
    expect(similarLookupSchema.safeParse({ contacts: Array.from({ length: 51 }, () => ({ type: "EMAIL", value: "a@b.org" })) }).success).toBe(false);
    expect(similarLookupSchema.safeParse({ region: "BEL" }).success).toBe(false);
    expect(similarLookupSchema.safeParse({ name: "x".repeat(201) }).success).toBe(false);
    expect(similarLookupSchema.safeParse({ organisationId: "not-an-id" }).success).toBe(false);
  });
});

describe("dismissPairSchema", () => {
  it("takes the two organisations' ids and nothing else", () => {
    const ids = { organisationId: crypto.randomUUID(), otherId: crypto.randomUUID() };
    expect(dismissPairSchema.parse(ids)).toEqual(ids);
    expect(dismissPairSchema.safeParse({ ...ids, dismissedById: crypto.randomUUID() }).success).toBe(false);
    expect(dismissPairSchema.safeParse({ organisationId: ids.organisationId }).success).toBe(false);
  });

  it("takes the list's view to go back to, as the page's URL has it", () => {
    const ids = { organisationId: crypto.randomUUID(), otherId: crypto.randomUUID() };
    expect(dismissPairSchema.parse({ ...ids, reason: "email", country: "li", after: "eyJ2YWx1ZSI6In0-_x" })).toMatchObject({ reason: "email", country: "li" });
    for (const view of [{ reason: "website" }, { country: "LIE" }, { after: "../x?y" }, { after: "" }]) expect(dismissPairSchema.safeParse({ ...ids, ...view }).success, JSON.stringify(view)).toBe(false);
  });
});
