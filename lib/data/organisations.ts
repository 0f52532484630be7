import "server-only";
import { db } from "@/lib/db";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";

export type OrganisationListItem = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  website: string | null;
  summary: string;
};

const summaryLength = 240;

/** The first paragraph of a description, cut at a word near `summaryLength` characters. */
export function summarise(description: string): string {
  const first = description.split(/\n\s*\n/)[0]?.trim() ?? "";
  if (first.length <= summaryLength) return first;
  const cut = first.slice(0, summaryLength);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : summaryLength)}…`;
}

/** Published organisations active in a country (ISO code), by name. */
export async function listPublishedByCountry(code: string): Promise<OrganisationListItem[]> {
  const organisations = await db.organisation.findMany({
    where: { status: "PUBLISHED", countries: { some: { countryCode: code.toUpperCase() } } },
    select: { id: true, slug: true, name: true, acronym: true, kind: true, website: true, description: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return organisations.map(({ description, ...organisation }) => ({ ...organisation, summary: summarise(description) }));
}

/** The most recently updated published organisations. */
export async function listRecentlyUpdated(limit: number): Promise<OrganisationListItem[]> {
  const organisations = await db.organisation.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true, slug: true, name: true, acronym: true, kind: true, website: true, description: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return organisations.map(({ description, ...organisation }) => ({ ...organisation, summary: summarise(description) }));
}
