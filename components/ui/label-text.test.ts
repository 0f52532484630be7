import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Small texts read out as one: a field's label, and a button's visible words followed by words
// only screen readers get. Checked in every page and component source.

const root = path.resolve(import.meta.dirname, "../..");

function sources(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const files = [...sources("app"), ...sources("components")].map((file) => ({ file, source: readFileSync(path.join(root, file), "utf8") }));
const text = (markup: string) => markup.replace(/\{\/\*.*?\*\/\}/gs, "").replace(/\s+/g, " ").trim();

describe("label texts", () => {
  it("labels and legends carry no trailing colon", () => {
    const withColon = files.flatMap(({ file, source }) =>
      [...source.matchAll(/<(label|legend)\b[^>]*>(.*?)<\/\1>/gs)].map((match) => text(match[2])).filter((label) => /:\s*$/.test(label)).map((label) => `${file}: ${label}`),
    );
    expect(withColon).toEqual([]);
  });

  it("words for screen readers only go on from the visible ones with a space, never a colon or comma (read as a stray \" : \")", () => {
    const stray = files.flatMap(({ file, source }) =>
      [...source.matchAll(/<span className="sr-only">([^<]*)<\/span>/g)].map((match) => match[1]).filter((hidden) => /^[:,;]/.test(hidden)).map((hidden) => `${file}: ${hidden}`),
    );
    expect(stray).toEqual([]);
  });
});
