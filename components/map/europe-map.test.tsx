import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import seedCountries from "@/prisma/seed/countries.json" with { type: "json" };
import { EuropeMap, type EuropeMapCountry } from "./europe-map";

/** The opening tags of the links in the markup, as attribute maps. */
function links(html: string): Record<string, string>[] {
  return [...html.matchAll(/<a\s([^>]*)>/g)].map(([, attributes]) =>
    Object.fromEntries([...attributes.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
  );
}

const countries: EuropeMapCountry[] = [
  { code: "BE", name: "Belgium", organisationCount: 7 },
  { code: "DE", name: "Germany", organisationCount: 1 },
  { code: "FR", name: "France", organisationCount: 0 },
  { code: "LU", name: "Luxembourg", organisationCount: 3 },
  { code: "MT", name: "Malta", organisationCount: 150 },
  { code: "TR", name: "Türkiye", organisationCount: 42 },
];

describe("EuropeMap", () => {
  const html = renderToStaticMarkup(<EuropeMap countries={countries} />);
  const byHref = new Map(links(html).map((link) => [link.href, link]));

  it("links each country with listings to its page, named with its count", () => {
    expect(byHref.get("/countries/be")?.["aria-label"]).toBe("Belgium: 7 organisations");
    expect(html).toContain("<title>Belgium: 7 organisations</title>");
    expect(byHref.get("/countries/tr")?.["aria-label"]).toBe("Türkiye: 42 organisations");
  });

  it("says organisation in the singular for one", () => {
    expect(byHref.get("/countries/de")?.["aria-label"]).toBe("Germany: 1 organisation");
  });

  it("does not link countries without listings", () => {
    expect(byHref.has("/countries/fr")).toBe(false); // count 0
    expect(byHref.has("/countries/it")).toBe(false); // absent
    expect(links(html)).toHaveLength(5);
  });

  it("draws micro-states as links too", () => {
    expect(byHref.get("/countries/lu")?.["aria-label"]).toBe("Luxembourg: 3 organisations");
    expect(byHref.get("/countries/mt")?.["aria-label"]).toBe("Malta: 150 organisations");
    expect(html).toMatch(/<a href="\/countries\/mt"[^>]*><title>[^<]*<\/title><circle /);
  });

  it("shades by count and keeps the countries without listings out of the accessibility tree", () => {
    const fills = (code: string) =>
      html.match(new RegExp(`<a href="/countries/${code}"[^>]*><title>[^<]*</title><(?:path|circle)[^>]* fill="(#[0-9a-f]{6})"`))?.[1];
    expect(new Set(["be", "de", "mt", "tr"].map(fills)).size).toBe(4);
    expect(html).toMatch(/^<figure><svg viewBox="0 0 1000 \d+" class="h-auto w-full"/);
    expect(html).toMatch(/<g aria-hidden="true"[^>]*><path d="M[^"]{1000,}"/);
    expect(html).toContain("<figcaption");
  });

  it("can link every member state, small and without script", () => {
    const all = seedCountries.countries.map((country) => ({ ...country, organisationCount: 2 }));
    expect(all).toHaveLength(46);
    const everything = renderToStaticMarkup(<EuropeMap countries={all} />);
    expect(links(everything).map((link) => link.href)).toEqual(all.map((country) => `/countries/${country.code.toLowerCase()}`));
    for (const markup of [html, everything]) {
      expect(markup.length).toBeLessThan(100_000);
      expect(markup).not.toContain("<script");
    }
  });

  it("accepts lower-case codes", () => {
    const markup = renderToStaticMarkup(<EuropeMap countries={[{ code: "be", name: "Belgium", organisationCount: 1 }]} />);
    expect(links(markup)[0]).toMatchObject({ href: "/countries/be", "aria-label": "Belgium: 1 organisation" });
  });

  it("renders an empty directory as a plain grey map", () => {
    expect(links(renderToStaticMarkup(<EuropeMap countries={[]} />))).toEqual([]);
  });
});
