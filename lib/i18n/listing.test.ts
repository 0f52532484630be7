import { describe, expect, it } from "vitest";
import { listingIn } from "./listing";

const listing = {
  name: "Organe de coordination pour l'analyse de la menace",
  description: "Analyses de la menace.",
  originalLanguage: "fr",
  translations: { "nl:name": "Coördinatieorgaan voor de dreigingsanalyse", "nl:description": "Dreigingsanalyses." },
};

describe("listingIn", () => {
  it("shows the original to readers of its language", () => {
    expect(listingIn(listing, "fr")).toEqual({ name: listing.name, description: "Analyses de la menace.", descriptionLanguage: "fr", original: false });
  });

  it("shows a translation where there is one, in that language only", () => {
    expect(listingIn(listing, "nl")).toEqual({ name: "Coördinatieorgaan voor de dreigingsanalyse", description: "Dreigingsanalyses.", descriptionLanguage: "nl", original: false });
  });

  it("falls back to the original, marked as such, never to nothing", () => {
    expect(listingIn(listing, "de")).toEqual({ name: listing.name, description: "Analyses de la menace.", descriptionLanguage: "fr", original: true });
    expect(listingIn({ ...listing, description: "" }, "de").original).toBe(false);
  });
});
