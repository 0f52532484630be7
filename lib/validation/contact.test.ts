import { describe, expect, it } from "vitest";
import { valuePreviewSchema } from "./contact";

describe("valuePreviewSchema", () => {
  it("shows each value as it will be saved and shown, phones read in the first country", () => {
    const preview = valuePreviewSchema.parse({
      website: "www.allo-tolerance.eu",
      region: "be",
      contacts: [
        { type: "PHONE", value: "0032 471 51 27 45" },
        { type: "FAX", value: "02 / 238.56.86" },
        { type: "EMAIL", value: " Info@Example.ORG " },
        { type: "CONTACT_FORM", value: "example.org/contact" },
      ],
    });
    expect(preview).toEqual({
      website: "https://www.allo-tolerance.eu",
      contacts: ["+32 471 51 27 45", "+32 2 238 56 86", "info@example.org", "https://example.org/contact"],
    });
  });

  it("previews a value that is not valid yet, or empty, as nothing", () => {
    const preview = valuePreviewSchema.parse({ website: "javascript:alert(1)", contacts: [{ type: "PHONE", value: "12" }, { type: "EMAIL", value: " " }] });
    expect(preview).toEqual({ website: null, contacts: [null, null] });
  });

  it("takes one contact as FormData sends it, and refuses fields it does not know", () => {
    expect(valuePreviewSchema.parse({ contacts: { type: "EMAIL", value: "a@example.org" } }).contacts).toEqual(["a@example.org"]);
    expect(valuePreviewSchema.safeParse({ website: "", status: "APPROVED" }).success).toBe(false);
  });
});
