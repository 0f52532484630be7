import { describe, expect, it } from "vitest";
import { conflictArguments } from "./conflict-parts";
import { validationTranslator } from "./validation";

// A conflict's message is written in English with English lists in it; its parts give the lists
// again in the reader's words, which replace the English ones where the message is translated.
describe("a conflict's parts", () => {
  it("name the changes in the reader's words, each once", async () => {
    const localise = await validationTranslator("fr");
    const english = "The published organisation changed since this was drafted, in: website, description in french, the contact 02 / 238. Reject those, or ask the author to redo them on the current version.";
    const said = localise(english, await conflictArguments("fr", { changes: ["website", "translation:fr:description", "contact:1", "contact:2"] }));
    expect(said).toBe(
      "L'organisation publiée a changé depuis la rédaction de cette modification, pour\u00a0: Site web, Description en français, Contacts. Refusez ces éléments, ou demandez à l'auteur de les refaire sur la version actuelle.",
    );
  });

  it("give a draft's differences with both values, an empty one as empty, and the contacts by name", async () => {
    const localise = await validationTranslator("de");
    const english = "This draft was saved elsewhere (another tab?) since you opened it, so nothing was saved here. It differs in Name: “A” there, “(empty)” here; the contacts. Copy what you need, then reload.";
    const said = localise(english, await conflictArguments("de", { differences: [{ key: "name", there: "A", here: null }, { key: "contacts" }] }));
    expect(said).toContain("Name: „A“ dort, „(leer)“ hier; Kontakte");
    expect(said).not.toMatch(/there|here|the contacts/);
  });

  it("are not needed in English, whose message already says them", async () => {
    expect(await conflictArguments("en", { changes: ["website"] })).toBeUndefined();
    expect(await conflictArguments("fr", undefined)).toBeUndefined();
  });
});
