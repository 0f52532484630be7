import { describe, expect, it } from "vitest";
import { arrivals, changedTags, everyPageOf, mostReadPages, sitemapIndexOf, sitemapTagsOf, tags, type PublicListing } from "./cache-tags";

const id = "01a23ac1-95f8-77ef-8476-6a33150c0a01";
const listing: PublicListing = {
  slug: "allo-tolerance",
  name: "Allo-Tolerance",
  acronym: null,
  kind: "NGO",
  website: "https://www.allo-tolerance.eu",
  summary: "Listens.",
  countries: ["BE"],
};
const dated = [tags.recent, ...sitemapTagsOf(id)];
const sorted = (list: string[]) => [...list].sort();

describe("changedTags", () => {
  it("a change of what only its own page shows (contacts, the rest of the description): its page, its date", () => {
    expect(sorted(changedTags(id, listing, { ...listing }, new Map()))).toEqual(sorted([tags.organisation(id), ...dated]));
  });

  it("a change of what lists show, in place: the list pages that show it, and search", () => {
    const after = { ...listing, summary: "Listens, and answers." };
    expect(sorted(changedTags(id, listing, after, new Map()))).toEqual(sorted([tags.organisation(id), ...dated, tags.countryPlace("BE", id), tags.search]));
  });

  it("a rename: where it was and where it arrives in each country, and both addresses", () => {
    const after = { ...listing, name: "Tolerance Line", slug: "tolerance-line" };
    expect(arrivals(listing, after)).toEqual(["BE"]);
    const changed = changedTags(id, listing, after, new Map([["BE", "neighbour"]]));
    expect(sorted(changed)).toEqual(
      sorted([tags.organisation(id), ...dated, tags.slug("allo-tolerance"), tags.slug("tolerance-line"), tags.countryPlace("BE", id), tags.countryPlace("BE", "neighbour"), tags.search]),
    );
  });

  it("a move from Belgium to France: Belgium's count and its place there, France's count and the place it arrives at", () => {
    const after = { ...listing, countries: ["FR"] };
    expect(arrivals(listing, after)).toEqual(["FR"]);
    const changed = changedTags(id, listing, after, new Map([["FR", null]]));
    expect(sorted(changed)).toEqual(sorted([tags.organisation(id), ...dated, tags.directory, tags.search, tags.countryPlace("BE", id), tags.countryList("BE"), tags.countryList("FR")]));
  });

  it("an archive, and a restore: also what answers at its address", () => {
    const archived = changedTags(id, listing, null, new Map());
    expect(sorted(archived)).toEqual(sorted([tags.organisation(id), tags.slug("allo-tolerance"), ...dated, tags.directory, tags.search, tags.countryPlace("BE", id), tags.countryList("BE")]));
    const restored = changedTags(id, null, listing, new Map([["BE", "neighbour"]]));
    expect(sorted(restored)).toEqual(sorted([tags.organisation(id), tags.slug("allo-tolerance"), ...dated, tags.directory, tags.search, tags.countryList("BE"), tags.countryPlace("BE", "neighbour")]));
  });

  it("a change to an archived organisation that stays archived: its page alone", () => {
    expect(changedTags(id, null, null, new Map())).toEqual([tags.organisation(id)]);
  });

  it("refuses to guess a missing neighbour", () => {
    expect(() => changedTags(id, null, listing, new Map())).toThrow(/predecessor in BE/);
  });
});

describe("mostReadPages", () => {
  it("names the organisation's page, the home page and the first page of each country whose count or first entries changed", () => {
    const moved = changedTags(id, listing, { ...listing, countries: ["FR"] }, new Map([["FR", null]]));
    expect(mostReadPages(moved, "allo-tolerance")).toEqual(["/en/organisations/allo-tolerance", "/en", "/en/countries/be", "/en/countries/fr"]);
    expect(mostReadPages(changedTags(id, listing, { ...listing }, new Map()), "allo-tolerance")).toEqual(["/en/organisations/allo-tolerance", "/en"]);
  });

  it("names no page of an organisation that is no longer published", () => {
    const archived = changedTags(id, listing, null, new Map());
    expect(mostReadPages(archived, null)).toEqual(["/en", "/en/countries/be"]);
  });
});

describe("sitemaps", () => {
  it("keep an organisation in the sitemap its id's last two bytes choose, whatever the count", () => {
    expect(sitemapIndexOf("00000000-0000-7000-8000-000000000000", 64)).toBe(0);
    expect(sitemapIndexOf("00000000-0000-7000-8000-00000000ffff", 64)).toBe(63);
    expect(sitemapIndexOf("00000000-0000-7000-8000-000000008000", 2)).toBe(1);
    expect(sitemapTagsOf("00000000-0000-7000-8000-000000008000").slice(0, 3)).toEqual(["sitemap:1:0", "sitemap:2:1", "sitemap:4:2"]);
  });

  it("everyPageOf names every page that can show an organisation", () => {
    expect(everyPageOf(id, "a", ["BE", "FR"])).toEqual(expect.arrayContaining([tags.organisation(id), tags.slug("a"), tags.countryPages("BE"), tags.countryPages("FR"), tags.directory, tags.recent, tags.search]));
  });
});
