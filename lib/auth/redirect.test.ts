import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./redirect";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/admin/organisations?page=2")).toBe("/admin/organisations?page=2");
  });

  it.each([undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", ["//x", "/admin"]])(
    "sends %j to /admin",
    (value) => {
      expect(safeReturnPath(value as string)).toBe("/admin");
    },
  );
});
