// Text helpers of the demo generator: ASCII for domains and mailboxes, acronyms, templates.
import type { Random } from "./random";
import { stopWords, transliteration } from "./vocabulary";

/** Lower-case ASCII letters and digits for domains and mailboxes (Greek and Cyrillic transliterated). */
export function ascii(text: string): string {
  let out = "";
  for (const char of text.toLowerCase().normalize("NFD").replace(/ο\u0301?υ/g, "ou")) {
    if (char >= "a" && char <= "z") out += char;
    else if (char >= "0" && char <= "9") out += char;
    else if (char in transliteration) out += transliteration[char];
    else if (/\p{M}/u.test(char)) continue;
    else out += "-";
  }
  return out.replace(/-+/g, "-").replace(/^-|-$/g, "");
}

/** The words that make acronyms and domain names: no stop words, no short lower-case words. */
export function significantWords(text: string): string[] {
  return text
    .split(/[\s'’«»„“”"–—:,()/.-]+/u)
    .filter((word) => word.length > 0 && !stopWords.has(word.toLowerCase()) && (word.length > 2 || /^\p{Lu}/u.test(word)));
}

export function acronymOf(text: string): string | null {
  const letters = significantWords(text)
    .filter((word) => /^\p{L}/u.test(word))
    .map((word) => word[0].toUpperCase().normalize("NFD")[0]);
  return letters.length >= 2 && letters.length <= 7 ? letters.join("") : null;
}

/** Replaces `{key}` with its value (unknown keys with nothing). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

/** French elision: "de Orléans" is "d'Orléans", "de Le Mans" is "du Mans". */
export function elide(text: string): string {
  return text.replace(/(?<=^|\s)de (?=[AEIOUÉÈÂÎÔaeiouéèâîô])/g, "d'").replace(/(?<=^|\s)de Le /g, "du ");
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value from a pattern: `#` a digit, `%` a digit 1–9, `@` a letter (postcodes). */
export function pattern(random: Random, template: string): string {
  let out = "";
  for (const char of template) {
    if (char === "#") out += random.int(10);
    else if (char === "%") out += 1 + random.int(9);
    else if (char === "@") out += "ABCDEFGHJKLMNPRSTUVWXY"[random.int(22)];
    else out += char;
  }
  return out;
}

/** Replaces the last digits of `text` with `digits` (keeping spaces, dots and dashes in place). */
export function replaceLastDigits(text: string, digits: string): string {
  const chars = text.split("");
  let d = digits.length - 1;
  for (let i = chars.length - 1; i >= 0 && d >= 0; i--) {
    if (chars[i] >= "0" && chars[i] <= "9") chars[i] = digits[d--];
  }
  return chars.join("");
}
