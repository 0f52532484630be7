// The demo generator's word lists (scripts/data/demo/*.json), checked when loaded so that an edit
// that drops a kind or misspells a key fails here rather than as `undefined` in a generated name.
// Order matters: the generator draws from these arrays by index, so reordering an entry changes
// what a seed generates.
import { z } from "zod";
import languagesJson from "../../data/demo/languages.json" with { type: "json" };
import placesJson from "../../data/demo/places.json" with { type: "json" };
import wordsJson from "../../data/demo/words.json" with { type: "json" };

/** The database values of the OrganisationKind and ContactType enums. */
export const organisationKinds = [
  "project",
  "ngo",
  "government_body",
  "security_service",
  "network",
  "political_group",
  "research_education",
  "other",
] as const;
export type Kind = (typeof organisationKinds)[number];
export const contactTypes = ["email", "phone", "fax", "address", "contact_form"] as const;
export type ContactKind = (typeof contactTypes)[number];

const words = z.array(z.string().min(1)).min(1);

const languageSchema = z.object({
  code: z.string().regex(/^[a-z]{2}$/),
  weight: z.number().positive(),
  /** Where its organisations are based (first country), weighted. */
  countries: z.record(z.string().regex(/^[A-Z]{2}$/), z.number().positive()),
  /** Name templates: {T} a topic, {S} a slogan, {P} a person, {city} the organisation's city. */
  names: z.record(z.enum(organisationKinds), words),
  topics: words,
  slogans: words,
  /** Appended to names without {city} now and then. */
  citySuffix: z.string(),
  /** Legal forms some associations add to their name (may be none). */
  legalForms: z.array(z.string().min(1)),
  /** Description sentences: {name}, {city}, {year}; the first introduces the organisation. */
  sentences: words,
  labels: z.record(z.enum(contactTypes), words),
  mailboxes: words,
  /** First names, last names. */
  people: z.tuple([words, words]),
  contactPaths: z.array(z.string().startsWith("/")).min(1),
});
export type Language = z.infer<typeof languageSchema>;

const placeSchema = z.object({
  cities: words,
  /** `#` is the house number. */
  streets: z.array(z.string().includes("#")).min(1),
});
export type Place = z.infer<typeof placeSchema>;

const countrySchema = placeSchema.extend({
  tld: z.string().min(2),
  /** `#` a digit, `%` a digit 1–9, `@` a letter; anything else as is. */
  postcode: z.string().min(1),
  /** How the postcode and city are written: "pc city" (default), "city pc" or "city\npc". */
  cityLine: z.enum(["pc city", "city pc", "city\npc"]).optional(),
  /** Free mail domains, for organisations without a website. */
  mail: words,
  /** Cities and streets in another language of a multilingual country, by language code. */
  local: z.record(z.string(), placeSchema).optional(),
});
export type CountryInfo = z.infer<typeof countrySchema>;

/** Languages in a fixed order (the weighted draw depends on it). */
export const languages: Language[] = z.array(languageSchema).min(1).parse(languagesJson);

const places = z
  .object({
    countries: z.record(z.string().regex(/^[A-Z]{2}$/), countrySchema),
    /** Government domains (`interieur.gouv.fr`); `gov.<tld>` for countries not listed. */
    governmentDomains: z.record(z.string(), z.string()),
  })
  .parse(placesJson);
export const countryInfo: Record<string, CountryInfo> = places.countries;
export const governmentDomains: Record<string, string> = places.governmentDomains;

const wordLists = z
  .object({
    /** Pronounceable pieces of made-up brand names ("Velora", "Tamiko"). */
    syllables: words,
    /** Words left out of acronyms and domain names, in every language. */
    stopWords: words,
    /** Greek and Cyrillic letters (and a few others) in ASCII, for domains and mailboxes. */
    transliteration: z.record(z.string().length(1), z.string()),
  })
  .parse(wordsJson);
export const syllables = wordLists.syllables;
export const stopWords = new Set(wordLists.stopWords);
export const transliteration = wordLists.transliteration;
