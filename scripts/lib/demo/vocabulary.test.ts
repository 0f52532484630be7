// The demo generator's word lists (scripts/data/demo/) hang together: a country a language
// places organisations in has cities, streets and a row in the seeded countries.
import { describe, expect, it } from "vitest";
import seedCountries from "../../../prisma/seed/countries.json" with { type: "json" };
import { countryInfo, governmentDomains, languages } from "./vocabulary";

const seeded = new Set(seedCountries.countries.map((country) => country.code));
const languageCodes = new Set(languages.map((language) => language.code));

describe("demo vocabulary", () => {
  it("has one entry per language", () => {
    expect(languageCodes.size).toBe(languages.length);
  });

  it("knows the places of every country a language names, and every such country is seeded", () => {
    for (const language of languages) {
      for (const code of Object.keys(language.countries)) {
        expect(countryInfo[code], `${language.code}: ${code}`).toBeDefined();
        expect(seeded.has(code), `${language.code}: ${code}`).toBe(true);
      }
    }
  });

  it("gives local places only in languages it has", () => {
    for (const [code, info] of Object.entries(countryInfo)) {
      for (const language of Object.keys(info.local ?? {})) expect(languageCodes.has(language), `${code}: ${language}`).toBe(true);
    }
    for (const code of Object.keys(governmentDomains)) expect(countryInfo[code], code).toBeDefined();
  });
});
