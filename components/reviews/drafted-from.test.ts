import { describe, expect, it } from "vitest";
import { changedSinceText, draftedFromText, revisionText } from "./drafted-from";

describe("what a change was drafted from, in words", () => {
  const march = { revision: 4, publishedAt: new Date("2026-03-03T10:00:00Z") };
  const may = { revision: 6, publishedAt: new Date("2026-05-03T23:30:00Z") };

  it("names the version by the day it was published, and its revision", () => {
    expect(draftedFromText(march)).toBe("Drafted from the version published on 3 March 2026 (revision 4).");
    expect(draftedFromText({ revision: 2, publishedAt: null })).toBe("Drafted from revision 2 of the listing.");
    expect(draftedFromText(null)).toBe("A new organisation: nothing of it was published before.");
  });

  it("says when the listing has moved on since, to which revision (days in UTC)", () => {
    expect(changedSinceText(may)).toBe("The listing has changed since: revision 6 of 3 May 2026.");
    expect(changedSinceText(null)).toBeNull();
    expect(revisionText({ revision: 7, publishedAt: null })).toBe("revision 7");
  });
});
