import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./redirect";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/admin/organisations?page=2")).toBe("/admin/organisations?page=2");
    expect(safeReturnPath("/admin/organisations/x#contacts")).toBe("/admin/organisations/x#contacts");
  });

  it.each([
    undefined,
    "",
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\r\n/evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
    "admin",
    ["//x", "/admin"],
  ])("sends %j to /admin", (value) => {
    expect(safeReturnPath(value as string)).toBe("/admin");
  });

  it("never returns a line break or a tab, which would break the Location header", () => {
    expect(safeReturnPath("/admin\r\nSet-Cookie: x=1")).toBe("/adminSet-Cookie:%20x=1");
    expect(safeReturnPath("/ad\tmin")).toBe("/admin");
  });
});
