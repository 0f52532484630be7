import { describe, expect, it } from "vitest";
import { keysetLinks, listQuery } from "@/components/ui/keyset-links";

describe("listQuery", () => {
  it("keeps the values that filter and drops the rest", () => {
    expect(listQuery({ q: "red cross", pending: true, unverified: false, kind: undefined, country: "", status: null })).toBe("q=red+cross&pending=1");
  });

  it("encodes what the URL needs encoded", () => {
    expect(listQuery({ q: "a&b=c", after: "eyJ2IjoiYSJ9" })).toBe("q=a%26b%3Dc&after=eyJ2IjoiYSJ9");
  });
});

describe("keysetLinks", () => {
  it("on the first page with more to come, links only the next page, keeping the filters", () => {
    expect(keysetLinks("/admin/contacts", { q: "@example.org" }, "CUR")).toEqual([{ label: "Next page", href: "/admin/contacts?q=%40example.org&after=CUR" }]);
  });

  it("on a further page, links back to the first page without the cursor", () => {
    expect(keysetLinks("/admin/organisations", { sort: "updated", pending: true, after: "OLD" }, "NEW")).toEqual([
      { label: "First page", href: "/admin/organisations?sort=updated&pending=1" },
      { label: "Next page", href: "/admin/organisations?sort=updated&pending=1&after=NEW" },
    ]);
  });

  it("on the last page, links the first page only; with no filters, the bare path", () => {
    expect(keysetLinks("/admin/contacts", { q: undefined, after: "OLD" }, null)).toEqual([{ label: "First page", href: "/admin/contacts" }]);
  });

  it("with one page in all, links nothing", () => {
    expect(keysetLinks("/admin/contacts", {}, null)).toEqual([]);
  });
});
