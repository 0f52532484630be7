import { describe, expect, it } from "vitest";
import { ownDomain, registrableDomain } from "./domains";

describe("registrableDomain", () => {
  it("is what an organisation owns, whatever the subdomain, scheme, port or path", () => {
    for (const url of ["https://www.example.org", "http://example.org/about/us", "HTTPS://News.Example.ORG:8080/x?y#z", "example.org", "www.example.org.", "//example.org/"]) {
      expect(registrableDomain(url), url).toBe("example.org");
    }
  });

  it("reads the public suffix list: co.uk, gov.it and the like are nobody's", () => {
    expect(registrableDomain("https://shop.example.co.uk/")).toBe("example.co.uk");
    expect(registrableDomain("https://unit.interno.gov.it")).toBe("interno.gov.it");
    expect(registrableDomain("co.uk")).toBeNull();
    expect(registrableDomain("https://gov.it/")).toBeNull();
  });

  it("has none for addresses, local names and what is not a URL", () => {
    for (const url of ["http://192.168.1.1/", "https://[::1]/", "https://localhost:3000/", "", "   ", "https://", "x".repeat(3000)]) expect(registrableDomain(url), url).toBeNull();
  });

  it("gives an international name in its ASCII form, however it was typed", () => {
    expect(registrableDomain("https://www.bücher.de/")).toBe("xn--bcher-kva.de");
    expect(registrableDomain("https://xn--bcher-kva.de")).toBe("xn--bcher-kva.de");
  });
});

describe("ownDomain", () => {
  it("leaves out the platforms many unrelated organisations use", () => {
    expect(ownDomain("https://www.facebook.com/some.page")).toBeNull();
    expect(ownDomain("https://sites.google.com/view/someone")).toBeNull();
    expect(ownDomain("https://someone.wordpress.com/")).toBeNull();
    expect(ownDomain("https://www.example.org/")).toBe("example.org");
  });
});
