import type { OrganisationDetail } from "@/lib/data/organisations";

/** schema.org Organization for an organisation page. */
export function organisationJsonLd(organisation: OrganisationDetail, pageUrl: string) {
  const values = (type: string) => organisation.contacts.filter((c) => c.type === type).map((c) => c.value);
  const one = (list: string[]) => (list.length === 0 ? undefined : list.length === 1 ? list[0] : list);
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": pageUrl,
    name: organisation.name,
    alternateName: organisation.acronym ?? undefined,
    url: organisation.website ?? pageUrl,
    description: organisation.description || undefined,
    email: one(values("EMAIL")),
    telephone: one(values("PHONE")),
    faxNumber: one(values("FAX")),
    address: one(values("ADDRESS").map((address) => address.replaceAll("\n", ", "))),
    areaServed: organisation.countries.map((country) => ({ "@type": "Country", name: country.name, identifier: country.code })),
    // The page describing it, and when its content last changed (a verification changes none of
    // it): dateModified belongs to a page (CreativeWork), not to an Organization.
    mainEntityOfPage: { "@type": "WebPage", url: pageUrl, dateModified: organisation.updatedAt },
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>`, `&` and the line separators are
 * escaped as \u sequences, so no value can close the script element or open a comment.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
