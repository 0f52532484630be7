import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import seedCountries from "@/prisma/seed/countries.json" with { type: "json" };
import { EuropeMap, europeMapShapes, type EuropeMapCountry } from "./europe-map";

// What the build makes of the import: the file's hashed address.
const shapesUrl = "/_next/static/media/europe-map.0abc123.svg";
vi.mock("./europe-map.svg", () => ({ default: { src: "/_next/static/media/europe-map.0abc123.svg", width: 1000, height: 800 } }));

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
    expect(byHref.get("/en/countries/be")?.["aria-label"]).toBe("Belgium: 7 organisations");
    expect(html).toContain("<title>Belgium: 7 organisations</title>");
    expect(byHref.get("/en/countries/tr")?.["aria-label"]).toBe("Türkiye: 42 organisations");
  });

  it("says organisation in the singular for one", () => {
    expect(byHref.get("/en/countries/de")?.["aria-label"]).toBe("Germany: 1 organisation");
  });

  it("does not link countries without listings", () => {
    expect(byHref.has("/en/countries/fr")).toBe(false); // count 0
    expect(byHref.has("/en/countries/it")).toBe(false); // absent
    expect(links(html)).toHaveLength(5);
  });

  it("draws micro-states as links too", () => {
    expect(byHref.get("/en/countries/lu")?.["aria-label"]).toBe("Luxembourg: 3 organisations");
    expect(byHref.get("/en/countries/mt")?.["aria-label"]).toBe("Malta: 150 organisations");
    expect(html).toMatch(/<a href="\/en\/countries\/mt"[^>]*><title>[^<]*<\/title><circle /);
    expect(html).toMatch(/<a href="\/en\/countries\/lu"[^>]*><title>[^<]*<\/title><use [^>]*><\/use><circle /);
  });

  it("shades by count and keeps the countries without listings out of the accessibility tree", () => {
    const fills = (code: string) =>
      html.match(new RegExp(`<a href="/en/countries/${code}"[^>]*><title>[^<]*</title><(?:use|circle)[^>]* fill="(#[0-9a-f]{6})"`))?.[1];
    expect(new Set(["be", "de", "mt", "tr"].map(fills)).size).toBe(4);
    expect(html).toMatch(/^<figure><svg viewBox="0 0 1000 \d+" class="h-auto w-full"/);
    expect(html).toMatch(/<g aria-hidden="true" fill="#e8ecf1"[^>]*><use href="[^"]+#europe">/);
    expect(html).toContain("<figcaption");
  });

  it("can link every member state, small and without script", () => {
    const all = seedCountries.countries.map((country) => ({ ...country, organisationCount: 2 }));
    expect(all).toHaveLength(46);
    const everything = renderToStaticMarkup(<EuropeMap countries={all} />);
    expect(links(everything).map((link) => link.href)).toEqual(all.map((country) => `/en/countries/${country.code.toLowerCase()}`));
    for (const markup of [html, everything]) {
      expect(markup.length).toBeLessThan(20_000);
      expect(markup).not.toContain("<script");
    }
  });

  it("draws the outlines from europe-map.svg, which holds every shape it refers to", () => {
    const all = seedCountries.countries.map((country) => ({ ...country, organisationCount: 2 }));
    const shapes = europeMapShapes();
    const ids = new Set([...shapes.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id));
    for (const markup of [html, renderToStaticMarkup(<EuropeMap countries={all} />)]) {
      expect(markup).not.toContain("<path");
      const references = [...markup.matchAll(/<use href="([^"#]+)#([^"]+)"/g)];
      expect(references.length).toBeGreaterThan(1);
      for (const [, url, id] of references) {
        expect(url).toBe(shapesUrl);
        expect(ids).toContain(id);
      }
    }
    // Presentation comes from the <use>: a fill or stroke in the file would override it.
    expect(shapes).not.toMatch(/fill=|stroke=|style=|class=/);
    expect(shapes).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1000 \d+"><defs><g id="europe"><path d="M/);
  });

  it("europe-map.svg is up to date (vitest -u rewrites it)", async () => {
    await expect(europeMapShapes()).toMatchFileSnapshot("./europe-map.svg");
  });

  it("accepts lower-case codes", () => {
    const markup = renderToStaticMarkup(<EuropeMap countries={[{ code: "be", name: "Belgium", organisationCount: 1 }]} />);
    expect(links(markup)[0]).toMatchObject({ href: "/en/countries/be", "aria-label": "Belgium: 1 organisation" });
  });

  it("renders an empty directory as a plain grey map", () => {
    expect(links(renderToStaticMarkup(<EuropeMap countries={[]} />))).toEqual([]);
  });
});
