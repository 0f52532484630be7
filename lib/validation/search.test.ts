import { describe, expect, it } from "vitest";
import { cleanQuery, normaliseQuery, searchKey, searchParamsSchema } from "./search";

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

describe("normaliseQuery and searchKey", () => {
  it("make searches that differ only in case, spacing or Unicode spelling one search", () => {
    expect(normaliseQuery(" Prevention ")).toBe("prevention");
    expect(normaliseQuery("De\u0301mocratie  OR  exit")).toBe("d\u00e9mocratie or exit");
    const key = (input: Record<string, string>) => searchKey(searchParamsSchema.parse(input));
    expect(key({ q: "Prevention ", country: "fr" })).toBe(key({ q: "prevention", country: "FR" }));
    expect(key({ q: "prevention", kind: "ngo" })).toBe(key({ q: "PREVENTION", kind: "NGO", page: "1" }));
    expect(key({ q: "prevention" })).not.toBe(key({ q: "prevention", page: "2" }));
    expect(key({ q: "prevention" })).not.toBe(key({ q: "prevention", country: "fr" }));
    expect(key({ q: "a", kind: "ngo" })).not.toBe(key({ q: "a", country: "ng" }));
  });
});
