import "server-only";
import { tags } from "@/lib/cache";
import { type OrganisationDocument, sortedTranslations } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { NotFoundError } from "@/lib/data/errors";
import { toStored } from "@/lib/data/stored-documents";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VerificationSource } from "@/lib/generated/prisma/enums";
import type { Actor, Tx } from "./shared";
import { assertMay } from "@/lib/data/actor";

// The published organisation as a document: read, recorded as a revision, marked verified.

const organisationSelect = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  kind: true,
  description: true,
  website: true,
  originalLanguage: true,
  translations: true,
  status: true,
  version: true,
  countries: { select: { countryCode: true }, orderBy: { position: "asc" } },
  contacts: { select: { id: true, type: true, label: true, value: true, rawValue: true }, orderBy: { position: "asc" } },
} satisfies Prisma.OrganisationSelect;

type OrganisationRow = Prisma.OrganisationGetPayload<{ select: typeof organisationSelect }>;

function toDocument(row: OrganisationRow): OrganisationDocument {
  return {
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    description: row.description,
    website: row.website,
    countries: row.countries.map((country) => country.countryCode),
    contacts: row.contacts,
    archived: row.status === "ARCHIVED",
    originalLanguage: row.originalLanguage,
    translations: sortedTranslations(row.translations as Record<string, string>),
  };
}

/**
 * The published document of an organisation and its lock version (the `version` column, bumped by
 * every applied change); `lock` holds its row until the transaction ends (as an approval does).
 */
export async function readOrganisation(
  tx: Tx,
  id: string,
  { lock = false } = {},
): Promise<{ document: OrganisationDocument; lockVersion: number; lastVerifiedAt: Date | null; lastVerifiedSource: VerificationSource | null; lastVerifiedBy: string | null } | null> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.organisation.findUnique({
    where: { id },
    select: { ...organisationSelect, lastVerifiedAt: true, lastVerifiedSource: true, lastVerifiedBy: { select: { name: true } } },
  });
  return row
    ? { document: toDocument(row), lockVersion: row.version, lastVerifiedAt: row.lastVerifiedAt, lastVerifiedSource: row.lastVerifiedSource, lastVerifiedBy: row.lastVerifiedBy?.name ?? null }
    : null;
}

/** The published documents and lock versions of several organisations at once (an import's batch of rows), by id. */
export async function readOrganisations(ids: string[]): Promise<Map<string, { document: OrganisationDocument; lockVersion: number }>> {
  const rows = ids.length ? await db.organisation.findMany({ where: { id: { in: ids } }, select: organisationSelect }) : [];
  return new Map(rows.map((row) => [row.id, { document: toDocument(row), lockVersion: row.version }]));
}

export async function getOrganisationDocument(id: string) {
  return db.$transaction((tx) => readOrganisation(tx, id));
}

/** Stores the organisation's current state as a revision numbered by its lock version (the seed's revision 1). */
export async function recordRevision(organisationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const published = await readOrganisation(tx, organisationId);
    if (!published) throw new NotFoundError("This organisation does not exist.");
    await tx.revision.create({ data: { organisationId, version: published.lockVersion, snapshot: toStored(published.document) } });
  });
}

/**
 * Records that a member of staff checked the listing today (who, and how: a staff check). It changes no listed fact, so it needs no
 * review; it is audited. Returns the cache tags to refresh: its own page, which shows the date.
 */
export async function markVerified(actor: Actor, organisationId: string): Promise<string[]> {
  assertMay(actor, "organisations.propose");
  return db.$transaction(async (tx) => {
    // Not an update of what it says: its "last updated" date (on its page, the home page, its
    // sitemap) stays, which Prisma's @updatedAt would move.
    const count = await tx.$executeRaw`
      UPDATE "Organisation" SET "lastVerifiedAt" = now(), "lastVerifiedById" = ${actor.id}::uuid, "lastVerifiedSource" = 'staff'
      WHERE id = ${organisationId}::uuid`;
    if (count === 0) throw new NotFoundError("This organisation does not exist.");
    await recordAudit({ action: "organisation.verified", actorId: actor.id, subject: `organisation:${organisationId}`, address: actor.address }, tx);
    return [tags.organisation(organisationId)];
  });
}
