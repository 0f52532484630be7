import { readdirSync, readFileSync } from "node:fs";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";

// Every language has every message of the English file, no other, each valid ICU with the same
// arguments (names and types) and tags, and the plural forms its language needs.
type Messages = { [key: string]: string | Messages };

const read = (locale: string): Messages => JSON.parse(readFileSync(new URL(`./${locale}.json`, import.meta.url), "utf8"));
const flatten = (messages: Messages, prefix = ""): [string, string][] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));

/** A message's arguments ("count:plural"), tags and plural categories. */
function shape(elements: MessageFormatElement[], found = { args: new Set<string>(), tags: new Set<string>(), plurals: [] as string[][] }) {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.args.add(`${element.value}:${element.type}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.args.add(`${element.value}:${element.type}`);
      if (element.type === TYPE.plural) found.plurals.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) shape(option.value, found);
    }
    if (element.type === TYPE.tag) {
      found.tags.add(element.value);
      shape(element.children, found);
    }
  }
  return found;
}

const english = new Map(flatten(read("en")));
const sorted = (set: Set<string>) => [...set].sort();

describe("messages", () => {
  it("has a file for each language and no other", () => {
    const files = readdirSync(new URL(".", import.meta.url)).filter((file) => file.endsWith(".json"));
    expect(files.map((file) => file.replace(".json", "")).sort()).toEqual([...locales].sort());
  });

  describe.each(locales.filter((locale) => locale !== "en"))("%s", (locale) => {
    const messages = flatten(read(locale));

    it("has exactly the English keys", () => {
      expect(messages.map(([key]) => key)).toEqual([...english.keys()]);
    });

    it("has the same arguments and tags as English, in valid ICU, with the plural forms of the language", () => {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, message] of messages) {
        const own = shape(parse(message));
        const theirs = shape(parse(english.get(key)!));
        expect(sorted(own.args), key).toEqual(sorted(theirs.args));
        expect(sorted(own.tags), key).toEqual(sorted(theirs.tags));
        // "many" is for large numbers in some languages (fr, it, es: "1 000 000 d'organisations"); "other" covers it.
        for (const categories of own.plurals) for (const category of needed.filter((each) => each !== "many")) expect(categories, `${key}: ${category}`).toContain(category);
      }
    });
  });

  it("parses every English message", () => {
    for (const [key, message] of english) expect(() => parse(message), key).not.toThrow();
  });
});
