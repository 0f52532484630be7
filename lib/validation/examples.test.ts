import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isSlug } from "@/lib/slug";
import { importSettingsSchema } from "./import";
import { normaliseEmail, normalisePhone, normaliseUrl } from "./normalise";
import { parseApiQuery } from "./public-api";

// Every example a validation message offers ("e.g. …", "such as …") must pass the validation
// whose message it is: an example the checks themselves refuse sends people round in circles.

const directory = import.meta.dirname;

/** The string literals of lib/validation's sources that offer an example, with the example. */
function examples(): { file: string; message: string; example: string }[] {
  const found: { file: string; message: string; example: string }[] = [];
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
    const source = readFileSync(path.join(directory, file), "utf8");
    for (const [, , message] of source.matchAll(/(["`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
      // The example runs to a closing bracket, a comma, or the sentence's last full stop.
      for (const [, example] of message.matchAll(/\b(?:e\.g\.|such as) (.+?)(?:\)|,|\.?$|\.? or )/g)) found.push({ file, message, example });
    }
  }
  return found;
}

/** How each kind of message validates its input, recognised by what the message asks for. */
const checks: { asks: RegExp; passes: (example: string) => boolean }[] = [
  { asks: /phone number/, passes: (example) => [undefined, "BE", "FR"].every((region) => normalisePhone(example, region).ok) },
  { asks: /e-mail address/, passes: (example) => normaliseEmail(example).ok && z.email().safeParse(example).success },
  { asks: /web address/, passes: (example) => normaliseUrl(example).ok },
  { asks: /hyphens/, passes: isSlug },
  { asks: /two-letter country code/, passes: (example) => !("parameter" in parseApiQuery(new URLSearchParams({ country: example }))) },
  { asks: /row with the headers/, passes: (example) => importSettingsSchema.safeParse({ headerRow: example }).success },
];

describe("the examples in validation messages", () => {
  const all = examples();

  it("are found, at least phone, e-mail, web address and slug", () => {
    for (const asks of [/phone number/, /e-mail address/, /web address/, /hyphens/]) {
      expect(all.some(({ message }) => asks.test(message)), String(asks)).toBe(true);
    }
  });

  it.each(all.map(({ file, message, example }) => [example, file, message]))("%s (%s: %s) passes its own validation", (example, _file, message) => {
    const matching = checks.filter(({ asks }) => asks.test(message));
    // A message with an example of a new kind needs its check here.
    expect(matching, `no check for: ${message}`).toHaveLength(1);
    expect(matching[0].passes(example)).toBe(true);
  });
});
