import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Change } from "@/lib/change-sets/document";
import { ChangeValue } from "./change-value";

describe("ChangeValue", () => {
  const countries = new Map([
    ["BE", "Belgium"],
    ["NL", "Netherlands"],
  ]);
  const change = { type: "field", field: "countries", key: "countries", base: ["BE"], proposed: ["BE", "NL"] } as Change;

  it("shows countries by their names, in their order, not their codes", () => {
    expect(renderToStaticMarkup(<ChangeValue change={change} side={["NL", "BE"]} countries={countries} />)).toBe("Netherlands, Belgium");
    // A code the directory does not know stays readable as it is.
    expect(renderToStaticMarkup(<ChangeValue change={change} side={["BE", "XK"]} countries={countries} />)).toBe("Belgium, XK");
  });
});
