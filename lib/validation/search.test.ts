import { describe, expect, it } from "vitest";
import { cleanQuery, searchParamsSchema } from "./search";

describe("searchParamsSchema", () => {
  it("reads a plain query", () => {
    expect(searchParamsSchema.parse({ q: " allo  tolerance ", country: "be", kind: "ngo", page: "2" })).toEqual({
      q: "allo tolerance",
      country: "BE",
      kind: "NGO",
      page: 2,
    });
  });

  it("falls back to defaults for anything malformed, never failing", () => {
    for (const input of [
      {},
      { q: ["a", "b"], country: "belgium", kind: "club", page: "-3" },
      { page: "1e9" },
      { page: "abc", country: ["xx", "be"] },
      { q: 42 },
    ]) {
      const result = searchParamsSchema.safeParse(input);
      expect(result.success, JSON.stringify(input)).toBe(true);
    }
    expect(searchParamsSchema.parse({ country: "belgium", kind: "club", page: "-3" })).toEqual({
      q: "",
      country: undefined,
      kind: undefined,
      page: 1,
    });
  });
});

describe("cleanQuery", () => {
  it("removes NUL and control characters and limits the length", () => {
    expect(cleanQuery("a\u0000b\tc\u0007")).toBe("a b c");
    expect(cleanQuery("x".repeat(10_000))).toHaveLength(200);
  });
});
