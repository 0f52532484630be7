import { describe, expect, it } from "vitest";
import { countryNameIn, formatDay, languageAlternates, languageName, localePath, negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("takes the most preferred language the directory has, by its primary subtag", () => {
    expect(negotiateLocale("fr-BE,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("ja, nl-BE;q=0.5, de;q=0.7")).toBe("de");
    expect(negotiateLocale("RO")).toBe("ro");
  });

  it("keeps the order of equal qualities and leaves out q=0", () => {
    expect(negotiateLocale("it, es")).toBe("it");
    expect(negotiateLocale("es;q=0, it;q=0.1")).toBe("it");
  });

  it("answers English when nothing matches or the header is missing or malformed", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("ja, zh-CN;q=0.9")).toBe("en");
    expect(negotiateLocale(";;;,,q=banana")).toBe("en");
    expect(negotiateLocale("x".repeat(100_000))).toBe("en");
  });
});

describe("addresses", () => {
  it("prefixes a path with its language, the home page as the bare prefix", () => {
    expect(localePath("fr", "/organisations/x")).toBe("/fr/organisations/x");
    expect(localePath("nl", "/")).toBe("/nl");
  });

  it("lists every language and x-default (the bare / for the home page, English elsewhere)", () => {
    const page = languageAlternates("/countries/be", "https://prova.example");
    expect(Object.keys(page)).toEqual(["en", "fr", "nl", "de", "it", "es", "ro", "x-default"]);
    expect(page.fr).toBe("https://prova.example/fr/countries/be");
    expect(page["x-default"]).toBe("https://prova.example/en/countries/be");
    expect(languageAlternates("/")["x-default"]).toBe("/");
  });
});

describe("names and dates", () => {
  it("names languages in themselves and countries in the reader's language", () => {
    expect(languageName("fr")).toBe("Français");
    expect(languageName("nl")).toBe("Nederlands");
    expect(countryNameIn("de", "be", "Belgium")).toBe("Belgien");
    expect(countryNameIn("fr", "AA", "Elsewhere")).toBe("Elsewhere");
    // English is the directory's own name, as the API and the admin give it (CLDR: "Bosnia & Herzegovina").
    expect(countryNameIn("en", "BA", "Bosnia and Herzegovina")).toBe("Bosnia and Herzegovina");
  });

  it("writes days as each language does, English day first", () => {
    const day = new Date("2026-03-03T12:00:00Z");
    expect(formatDay("en", day)).toBe("3 March 2026");
    expect(formatDay("fr", day)).toBe("3 mars 2026");
    expect(formatDay("de", day)).toBe("3. März 2026");
  });
});
