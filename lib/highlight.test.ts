import { describe, expect, it } from "vitest";
import { highlight, queryTerms } from "./highlight";

const marked = (text: string, query: string) =>
  highlight(text, query)
    .filter((s) => s.match)
    .map((s) => s.text);

describe("highlight", () => {
  it("marks each query word, ignoring case and accents", () => {
    expect(marked("Allo-Tolerance", "tolerance")).toEqual(["Tolerance"]);
    expect(marked("Résidence Palace", "residence")).toEqual(["Résidence"]);
    expect(marked("Zentrum für Demokratie", "FUR demokratie")).toEqual(["für", "Demokratie"]);
  });

  it("keeps the whole text, in order", () => {
    const segments = highlight("Coordination Unit for Threat Assessment", "threat");
    expect(segments.map((s) => s.text).join("")).toBe("Coordination Unit for Threat Assessment");
    expect(segments).toContainEqual({ text: "Threat", match: true });
  });

  it("leaves text alone for queries without words", () => {
    expect(highlight("<script>alert(1)</script>", "%_\\ \"")).toEqual([{ text: "<script>alert(1)</script>", match: false }]);
    expect(queryTerms("a ' \" -- ; 😀")).toEqual([]);
  });

  it("handles characters outside the basic plane", () => {
    expect(marked("Émoji 😀 test", "test")).toEqual(["test"]);
  });

  it("marks the same in ASCII and accented text, and with a query asked before", () => {
    expect(marked("Prevention of radicalisation", "RADICALISATION prevention")).toEqual(["Prevention", "radicalisation"]);
    expect(marked("Prévention de la radicalisation", "RADICALISATION prevention")).toEqual(["Prévention", "radicalisation"]);
    expect(marked("Straße Ærø œuvre", "strasse aero")).toEqual([]);
    expect(marked("İstanbul centre", "centre")).toEqual(["centre"]);
    expect(marked("İstanbul centre", "istanbul")).toEqual(["İstanbul"]);
    expect(marked("Prevention", "other")).toEqual([]);
  });
});
