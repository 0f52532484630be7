import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("links web and e-mail addresses, leaving the rest as text", () => {
    expect(linkify("See www.allo-tolerance.eu, or write to info@savebelgium.org.")).toEqual([
      { text: "See " },
      { text: "www.allo-tolerance.eu", href: "https://www.allo-tolerance.eu" },
      { text: ", or write to " },
      { text: "info@savebelgium.org", href: "mailto:info@savebelgium.org" },
      { text: "." },
    ]);
  });

  it("never produces a javascript: or data: link", () => {
    const parts = linkify('javascript:alert(1) <a href="javascript:x">x</a> data:text/html,hi');
    expect(parts.every((part) => !part.href)).toBe(true);
    expect(parts.map((part) => part.text).join("")).toBe('javascript:alert(1) <a href="javascript:x">x</a> data:text/html,hi');
  });
});
