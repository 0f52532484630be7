import "server-only";
import { db } from "@/lib/db";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";
import { summarise } from "@/lib/text";

export type OrganisationListItem = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  website: string | null;
  summary: string;
};

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
