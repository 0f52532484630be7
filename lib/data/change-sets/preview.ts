import "server-only";
import { applyChanges, diffDocuments } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { countryNames } from "@/lib/data/countries";
import type { OrganisationDetail } from "@/lib/data/organisations";
import { parseStored, parseStoredOrNull } from "@/lib/data/stored-documents";
import type { ChangeSetKind, ChangeSetStatus } from "@/lib/generated/prisma/enums";
import { readOrganisation } from "./published";
import type { Actor } from "./shared";

export type ChangePreview = {
  id: string;
  kind: ChangeSetKind;
  status: ChangeSetStatus;
  /** The viewer wrote it (its way back is the author's page; else the review page). */
  own: boolean;
  /** The published page's address, when there is one to switch to. */
  publishedSlug: string | null;
  /** Published values this change has not caught up with are kept: applying it changes only what it changes. */
  organisation: OrganisationDetail;
};

/**
 * The public organisation page as it will look once this change is approved: the published
 * organisation with the change's own changes applied (a creation: the proposal itself). Staff see
 * their own change sets in any state and others' only while they wait for review (a draft stays
 * private to its author). Read per request, never cached.
 */
export async function getChangePreview(actor: Actor, id: string): Promise<ChangePreview | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.changeSet.findFirst({
      where: { id, OR: [{ authorId: actor.id }, { status: "SUBMITTED" }] },
      select: { id: true, kind: true, status: true, authorId: true, organisationId: true, base: true, proposed: true },
    });
    if (!row) return null;
    const base = parseStoredOrNull(row.base, "ChangeSet.base", row.id);
    const proposed = parseStored(row.proposed, "ChangeSet.proposed", row.id);
    const published = row.organisationId ? await readOrganisation(tx, row.organisationId) : null;
    const changes = diffDocuments(base, proposed);
    const document = published ? applyChanges(published.document, proposed, changes) : proposed;
    // Read per request, like the rest of a preview.
    const names = await countryNames({ fresh: true });
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      own: row.authorId === actor.id,
      publishedSlug: published && !published.document.archived ? published.document.slug : null,
      organisation: {
        id: row.organisationId ?? row.id,
        slug: document.slug,
        name: document.name,
        acronym: document.acronym,
        kind: document.kind,
        description: document.description,
        website: document.website,
        originalLanguage: document.originalLanguage,
        translations: document.translations,
        brokenWebsiteCheckedAt: null,
        // As it will read once approved: updated today.
        updatedAt: new Date().toISOString(),
        lastVerifiedAt: published?.lastVerifiedAt?.toISOString() ?? null,
        lastVerifiedSource: published?.lastVerifiedSource ?? null,
        countries: document.countries.map((code) => ({ code, name: names.get(code) ?? code })),
        contacts: document.contacts.map(({ id, type, label, value }) => ({ id, type, label, value })),
      },
    };
  });
}
