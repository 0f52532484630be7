import { describe, expect, it } from "vitest";
import { organisationJsonLd, serializeJsonLd } from "./json-ld";

const organisation = {
  id: "1",
  slug: "state-security-service",
  name: "State Security Service",
  acronym: "VSSE",
  kind: "SECURITY_SERVICE" as const,
  description: "Protects </script><script>alert(1)</script> & more",
  website: "http://www.presscenter.org/en/source/belgian-state-security-vsse?setlang=1",
  updatedAt: "2026-01-01T00:00:00.000Z",
  lastVerifiedAt: null,
  lastVerifiedSource: null,
  brokenWebsiteCheckedAt: null,
  countries: [{ code: "BE", name: "Belgium" }],
  contacts: [
    { id: "a", type: "ADDRESS" as const, label: null, value: "rue de la Loi 155 C\n1040 Brussels" },
    { id: "b", type: "PHONE" as const, label: null, value: "+3222352111" },
    { id: "c", type: "FAX" as const, label: null, value: "+3222352110" },
    { id: "d", type: "EMAIL" as const, label: null, value: "info@presscenter.org" },
  ],
  originalLanguage: "en",
  translations: {},
};

describe("organisationJsonLd", () => {
  it("describes the organisation with schema.org properties", () => {
    expect(organisationJsonLd(organisation, "https://prova.test/organisations/state-security-service")).toMatchObject({
      "@type": "Organization",
      name: "State Security Service",
      alternateName: "VSSE",
      url: organisation.website,
      email: "info@presscenter.org",
      telephone: "+3222352111",
      faxNumber: "+3222352110",
      address: "rue de la Loi 155 C, 1040 Brussels",
      areaServed: [{ "@type": "Country", name: "Belgium", identifier: "BE" }],
      mainEntityOfPage: { "@type": "WebPage", url: "https://prova.test/organisations/state-security-service", dateModified: "2026-01-01T00:00:00.000Z" },
    });
  });
});

describe("serializeJsonLd", () => {
  it("cannot be broken out of by a description", () => {
    const json = serializeJsonLd(organisationJsonLd(organisation, "https://prova.test/x"));
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json).description).toBe(organisation.description);
  });
});
