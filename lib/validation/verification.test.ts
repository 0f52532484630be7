import { describe, expect, it } from "vitest";
import { dueBatchSchema, dueFilterSchema } from "./verification";

describe("the due list's filter", () => {
  it("takes a country code in either case and a kind, and empty values as no filter", () => {
    expect(dueFilterSchema.parse({ country: "be", kind: "NGO" })).toEqual({ country: "BE", kind: "NGO" });
    expect(dueFilterSchema.parse({ country: "", kind: "" })).toEqual({ country: undefined, kind: undefined });
    expect(dueFilterSchema.parse({})).toEqual({});
  });

  it("refuses what is not a country code or a kind, with a message for the field", () => {
    const result = dueFilterSchema.safeParse({ country: "Belgium", kind: "club" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["country", "Choose a country from the list."],
      ["kind", "Choose a kind from the list."],
    ]);
  });
});

describe("the due list's batch", () => {
  it("needs its scope, so that an empty post asks nobody", () => {
    expect(dueBatchSchema.parse({ country: "it", kind: "", scope: "overdue" })).toEqual({ country: "IT", kind: undefined, scope: "overdue" });
    expect(dueBatchSchema.safeParse({}).error?.issues.map((issue) => issue.message)).toEqual(["Send the request from the due list."]);
  });
});
