import "server-only";
import { arrivals, changedTags, type PublicListing } from "@/lib/cache-tags";
import type { OrganisationDocument } from "@/lib/change-sets/document";
import type { Prisma } from "@/lib/generated/prisma/client";
import { summarise } from "@/lib/text";

/** What the public pages show of an organisation's document; null when it is not published. */
export function publicListing(document: OrganisationDocument | null): PublicListing | null {
  if (!document || document.archived) return null;
  const { slug, name, acronym, kind, website, description, countries } = document;
  return { slug, name, acronym, kind, website, summary: summarise(description), countries };
}

/**
 * The cache tags of the public pages a change of one organisation changed (lib/cache-tags.ts).
 * Called in the change's transaction after its writes, so that the organisation's new neighbours
 * in each country's list are those its pages will show.
 */
export async function pagesChangedBy(
  tx: Prisma.TransactionClient,
  id: string,
  before: OrganisationDocument | null,
  after: OrganisationDocument | null,
): Promise<string[]> {
  const [was, is] = [publicListing(before), publicListing(after)];
  const predecessors = new Map<string, string | null>();
  for (const code of arrivals(was, is)) {
    const rows = await tx.$queryRaw<{ organisationId: string }[]>`
      SELECT "organisationId" FROM "CountryListing"
      WHERE "countryCode" = ${code} AND ("name", "organisationId") < (${is!.name}, ${id}::uuid)
      ORDER BY "name" DESC, "organisationId" DESC LIMIT 1`;
    predecessors.set(code, rows[0]?.organisationId ?? null);
  }
  return changedTags(id, was, is, predecessors);
}
