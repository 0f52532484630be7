import { describe, expect, it } from "vitest";
import { isSlug, slugFor, uniqueSlug } from "./slug";

describe("slugFor", () => {
  it("turns names into readable ASCII slugs", () => {
    expect(slugFor("S.A.V.E. BELGIUM")).toBe("save-belgium");
    expect(slugFor("Résidence Palace – Ärzte für Europa")).toBe("residence-palace-arzte-fur-europa");
    expect(slugFor("State Security Service (VSSE)")).toBe("state-security-service-vsse");
  });

  it("cuts long names at a word boundary", () => {
    const slug = slugFor("Kingdom of Belgium / Foreign Affairs, Foreign Trade and Development Cooperation of the Realm");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect("kingdom-of-belgium-foreign-affairs-foreign-trade-and-development-cooperation-of-the-realm".startsWith(slug)).toBe(true);
  });

  it("never returns an empty slug", () => {
    expect(slugFor("!!!")).toBe("organisation");
  });
});

describe("uniqueSlug", () => {
  it("appends the first free number", () => {
    expect(uniqueSlug("Allo-Tolerance", new Set())).toBe("allo-tolerance");
    expect(uniqueSlug("Allo-Tolerance", new Set(["allo-tolerance", "allo-tolerance-2"]))).toBe("allo-tolerance-3");
  });

  it("tells a slug from anything else, which is looked up nowhere", () => {
    expect(["allo-tolerance", "vsse", "s-a-v-e-belgium-2"].every(isSlug)).toBe(true);
    expect(["", "Allo-Tolerance", "allo--tolerance", "-x", "x-", "a\u0000b", "a b", "a".repeat(102), "%00"].some(isSlug)).toBe(false);
    // A name's slug cut at 80 characters, made unique: still an address.
    const long = uniqueSlug("Dipartimento dell'Amministrazione Penitenziaria Ufficio contro i discorsi d'odio e la radicalizzazione", new Set());
    expect(isSlug(`${long}-708497`)).toBe(true);
  });
});
