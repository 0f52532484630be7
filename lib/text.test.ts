import { describe, expect, it } from "vitest";
import { summarise } from "./text";

describe("summarise", () => {
  it("keeps a short first paragraph whole", () => {
    expect(summarise("Short.\n\nSecond paragraph.")).toBe("Short.");
    expect(summarise("")).toBe("");
  });

  it("cuts a long paragraph at a word and marks the cut", () => {
    const long = summarise(`${"word ".repeat(100)}end`);
    expect(long.length).toBeLessThanOrEqual(241);
    expect(long.endsWith("word…")).toBe(true);
  });
});
