import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import english from "@/messages/en.json";
import { validationKeyOf, validationTranslator } from "./validation";

// Every message the data layer throws to a form (ConflictError, NotFoundError, FieldConflictError:
// lib/auth/define-action.ts shows them) is a message of messages/en.json's "Errors" (or
// "Validation") namespace, so that it reaches staff and the public in their language. This reads
// the source: a new message written without its translations fails here.

const lib = fileURLToPath(new URL("..", import.meta.url));
/** Not the data layer: lib/actions and lib/auth write their own messages; generated code has none. */
const skipped = new Set(["actions", "auth", "generated"]);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return directory === lib && skipped.has(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Stands for an argument: `${…}` in a template literal, `{name}` in a message with arguments filled in later. */
const argument = "\u0000";
const constructors = /\bnew (ConflictError|NotFoundError|FieldConflictError)\(/g;
/** Messages kept in constants (`ownChangeMessage`) or tables of them (`missingFieldMessages`). */
const messageConstants = /\bconst (\w+Messages?)\b[^=;]*=/g;
/** String constants a message is built from (`${nothingSaved}`): their value, not an argument. */
const stringConstants = /\bconst (\w+) = ("(?:[^"\\\n]|\\.)*");/g;

/** The index just past the `}` that closes the `${` whose content starts at `start`. */
function skipExpression(source: string, start: number): number {
  let depth = 0;
  for (let index = start; index < source.length; index++) {
    const char = source[index];
    if (char === '"' || char === "'" || char === "`") index = readLiteral(source, index, {}).end - 1;
    else if (char === "{") depth++;
    else if (char === "}") {
      if (depth === 0) return index + 1;
      depth--;
    }
  }
  throw new Error(`unclosed \${ at ${start}`);
}

/** The string or template literal whose quote is at `start`: its text (each `${…}` an argument, or a constant's value) and the index past it. */
function readLiteral(source: string, start: number, constants: Record<string, string>): { text: string; end: number } {
  const quote = source[start];
  let text = "";
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index];
    if (char === "\\") text += source[++index];
    else if (char === quote) return { text, end: index + 1 };
    else if (quote === "`" && char === "$" && source[index + 1] === "{") {
      const end = skipExpression(source, index + 2);
      const expression = source.slice(index + 2, end - 1).trim();
      text += constants[expression] ?? argument;
      index = end - 1;
    } else text += char;
  }
  throw new Error(`unclosed ${quote} at ${start}`);
}

/**
 * The literals of the code from `start` until the bracket that closes it (or a `;` outside
 * brackets), each with the number of top-level commas before it (its argument), and the
 * identifiers named there. Comments are skipped; literals inside a template's `${…}` are not
 * messages of their own (a list joined with ", ").
 */
function scan(source: string, start: number, constants: Record<string, string>) {
  const literals: { text: string; argumentIndex: number }[] = [];
  let depth = 0;
  let commas = 0;
  let code = "";
  for (let index = start; index < source.length; index++) {
    const char = source[index];
    if (char === "/" && source[index + 1] === "/") index = source.indexOf("\n", index);
    else if (char === "/" && source[index + 1] === "*") index = source.indexOf("*/", index) + 1;
    else if (char === '"' || char === "'" || char === "`") {
      const literal = readLiteral(source, index, constants);
      literals.push({ text: literal.text, argumentIndex: commas });
      index = literal.end - 1;
    } else if ("([{".includes(char)) {
      depth++;
      code += " ";
    } else if (")]}".includes(char)) {
      if (depth === 0) break;
      depth--;
      code += " ";
    } else if (char === ";" && depth === 0) break;
    else if (char === "," && depth === 0) commas++;
    else code += char;
  }
  return { literals, code };
}

/** A message in the code: the text of a literal that has a space (not a status such as "SUBMITTED", nor a field name). */
const isMessage = (text: string) => text.includes(" ");

type Found = { file: string; message: string };
const found: Found[] = [];
const unreadable: string[] = [];
for (const file of sourceFiles(lib)) {
  const source = readFileSync(file, "utf8");
  const relative = path.relative(lib, file);
  const constants = Object.fromEntries([...source.matchAll(stringConstants)].map((match) => [match[1], JSON.parse(match[2]) as string]));
  for (const match of source.matchAll(constructors)) {
    const { literals, code } = scan(source, match.index + match[0].length, constants);
    // A FieldConflictError's first argument is the field.
    const messages = literals.filter((literal) => isMessage(literal.text) && (match[1] !== "FieldConflictError" || literal.argumentIndex > 0));
    found.push(...messages.map(({ text }) => ({ file: relative, message: text })));
    // Otherwise its message is a constant of messages, read below.
    if (!messages.length && !/\w+Messages?\b/.test(code)) unreadable.push(`${relative}: ${source.slice(match.index, match.index + 120)}`);
  }
  for (const match of source.matchAll(messageConstants)) {
    const { literals } = scan(source, match.index + match[0].length, constants);
    found.push(...literals.filter(({ text }) => isMessage(text)).map(({ text }) => ({ file: relative, message: text })));
  }
}

/** A message with its arguments as `argument`: `{name}` of a table's message, `${…}` of a template. */
const normalised = (message: string) => message.replace(/\{\w+\}/g, argument);
/** A message as thrown, with sample values. */
const sample = (message: string) => normalised(message).replaceAll(argument, "Ana Example");
const errors = english.Errors as Record<string, string>;

describe("the data layer's error messages", () => {
  it("are all read from the source", () => {
    expect(unreadable).toEqual([]);
    // The scan finds them (a broken scan would find nothing, and pass).
    expect(found.length).toBeGreaterThan(90);
    expect(found.map(({ message }) => message)).toContain("An account for \u0000 already exists.");
    expect(found.map(({ message }) => message)).toContain(
      "You already have an open change to this organisation (a draft, or one waiting for review): carry on with that one, and once it is decided, propose this. Nothing was saved.",
    );
  });

  it("are each a message of the Errors or Validation namespace, found again as exactly that message", () => {
    for (const { file, message } of found) {
      const key = validationKeyOf(sample(message));
      expect(key, `${file}: ${JSON.stringify(message)} has no message in messages/en.json`).not.toBeNull();
      // The first template that matches is this one, not one that would take part of it as an argument.
      const template = (english[key!.namespace] as Record<string, string>)[key!.key];
      expect(normalised(template), `${file}: ${JSON.stringify(message)}`).toBe(normalised(message));
    }
  });

  it("has no Errors message that no code throws any more", () => {
    const thrown = new Set(found.map(({ message }) => normalised(message)));
    expect(Object.entries(errors).filter(([, message]) => !thrown.has(normalised(message)))).toEqual([]);
  });

  it("reach a French reader in French, arguments kept", async () => {
    const localise = await validationTranslator("fr");
    expect(localise("An account for ana@example.org already exists.")).toBe("Un compte existe déjà pour ana@example.org.");
    expect(localise("Ana Reviewer already approved this change at 14:05 UTC on 2026-12-03; nothing you chose was applied.")).toBe(
      "Ana Reviewer a déjà approuvé cette modification le 2026-12-03 à 14:05 UTC\u00a0; rien de ce que vous avez choisi n'a été appliqué.",
    );
    // Not a person named "You": the reviewer themself.
    expect(localise("You already approved this change at 14:05 UTC on 2026-12-03; your decision was not recorded.")).toBe(
      "Vous avez déjà approuvé cette modification le 2026-12-03 à 14:05 UTC\u00a0; votre décision n'a pas été enregistrée.",
    );
    expect(localise("This import has been sent to review: it can no longer be changed.")).toBe("Cette importation a été envoyée en relecture\u00a0: elle ne peut plus être modifiée.");
    // A Validation message thrown by the data layer too.
    expect(localise("This suggestion changes nothing: edit a field first.")).toBe("Cette proposition ne modifie rien\u00a0: modifiez d'abord un champ.");
  });
});
