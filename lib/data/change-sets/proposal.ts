import "server-only";
import { randomUUID } from "node:crypto";
import { type OrganisationDocument, sortedTranslations } from "@/lib/change-sets/document";
import { ConflictError, FieldConflictError, NotFoundError, openChangeMessage } from "@/lib/data/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeSetKind } from "@/lib/generated/prisma/enums";
import { slugFor, uniqueSlug } from "@/lib/slug";
import type { DraftInput } from "./drafts";
import { readOrganisation } from "./published";
import { openStatuses, openStatusesSql, type Actor, type Tx } from "./shared";

// What every saved change set goes through: its base, its contacts' ids, a free slug, one open change per author.

/** Whether a slug is in use by another organisation, now or as an old address. */
export async function slugTaken(tx: Tx, slug: string, organisationId?: string | null): Promise<boolean> {
  const [current, old] = await Promise.all([
    tx.organisation.findFirst({ where: { slug, ...(organisationId ? { id: { not: organisationId } } : {}) }, select: { id: true } }),
    tx.slugRedirect.findFirst({ where: { slug, ...(organisationId ? { organisationId: { not: organisationId } } : {}) }, select: { slug: true } }),
  ]);
  return Boolean(current || old);
}

/**
 * Whether another open change set (a draft or one waiting for review, of any author) proposes
 * this slug as a new address: a creation, or a change of address. Two such drafts would otherwise
 * both be saved, and collide only at the second approval.
 */
async function slugClaimed(tx: Tx, slug: string, changeSetId?: string | null): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "ChangeSet"
    WHERE "status" IN (${openStatusesSql}) AND "proposed"->>'slug' = ${slug}
      AND ("base" IS NULL OR "base"->>'slug' IS DISTINCT FROM "proposed"->>'slug')
      ${changeSetId ? Prisma.sql`AND "id" <> ${changeSetId}::uuid` : Prisma.empty}
    LIMIT 1`;
  return rows.length > 0;
}

/** A slug made from the name that no organisation uses (nor used), nor another open change proposes. */
async function freeSlug(tx: Tx, name: string, changeSetId?: string | null): Promise<string> {
  const stem = slugFor(name);
  const [current, old, claimed] = await Promise.all([
    tx.organisation.findMany({ where: { slug: { startsWith: stem } }, select: { slug: true } }),
    tx.slugRedirect.findMany({ where: { slug: { startsWith: stem } }, select: { slug: true } }),
    tx.$queryRaw<{ slug: string }[]>`
      SELECT "proposed"->>'slug' AS "slug" FROM "ChangeSet"
      WHERE "status" IN (${openStatusesSql}) AND starts_with("proposed"->>'slug', ${stem})
        ${changeSetId ? Prisma.sql`AND "id" <> ${changeSetId}::uuid` : Prisma.empty}`,
  ]);
  return uniqueSlug(name, new Set([...current, ...old, ...claimed].map((row) => row.slug)));
}

/**
 * One open change set per author and organisation: a second would be reviewed against the same
 * base and overwrite the first. The partial unique index `ChangeSet_one_open_per_author_key`
 * holds it when two requests race past this check.
 */
export async function refuseSecondOpenChange(tx: Tx, actor: Actor, organisationId: string | null): Promise<void> {
  if (!organisationId) return;
  const open = await tx.changeSet.findFirst({ where: { authorId: actor.id, organisationId, status: { in: openStatuses } }, select: { id: true } });
  if (open) throw new ConflictError(openChangeMessage);
}

type ProposalInput = {
  kind: ChangeSetKind;
  organisationId: string | null;
  /** The change set being saved again, whose own slug is not a collision. */
  changeSetId?: string | null;
  document: DraftInput["document"];
  /** The change set saved before, when saving it again. */
  earlier: { base: OrganisationDocument | null; baseLockVersion: number | null; proposed: OrganisationDocument } | null;
};

/**
 * The base and proposed documents of a change set being saved: an update records the published
 * document and lock version it starts from (once); contacts keep their ids and new ones get one; an id
 * that is neither one of this organisation's contacts nor one the change set already had is
 * refused (mass assignment); the slug must be free: no other organisation has (or had) it, and
 * no other open change proposes it as a new address.
 */
export async function prepareProposal(tx: Tx, { kind, organisationId, changeSetId, document, earlier }: ProposalInput) {
  let base = earlier?.base ?? null;
  let baseLockVersion = earlier?.baseLockVersion ?? null;
  if (kind !== "CREATE" && !earlier) {
    if (!organisationId) throw new NotFoundError("Choose the organisation to change.");
    const published = await readOrganisation(tx, organisationId);
    if (!published) throw new NotFoundError("This organisation does not exist.");
    base = published.document;
    baseLockVersion = published.lockVersion;
  }
  const knownIds = new Set([...(base?.contacts ?? []), ...(earlier?.proposed.contacts ?? [])].map((contact) => contact.id));
  const contacts = document.contacts.map((contact, index) => {
    if (contact.id && !knownIds.has(contact.id)) throw new FieldConflictError(`contacts.${index}.value`, "This contact does not belong to this organisation.");
    return { ...contact, id: contact.id ?? randomUUID() };
  });
  const archived = kind === "ARCHIVE" ? true : kind === "RESTORE" ? false : (base?.archived ?? false);
  const slug = document.slug || base?.slug || (await freeSlug(tx, document.name, changeSetId));
  const kept = earlier?.proposed ?? base;
  const originalLanguage = document.originalLanguage ?? kept?.originalLanguage ?? "en";
  // A translation in the original language would be a second original: left out.
  const translations = sortedTranslations(
    Object.fromEntries(Object.entries(document.translations ?? kept?.translations ?? {}).filter(([key]) => !key.startsWith(`${originalLanguage}:`))),
  );
  const proposed: OrganisationDocument = { ...document, originalLanguage, translations, slug, contacts, archived };
  if (await slugTaken(tx, proposed.slug, organisationId)) {
    throw new FieldConflictError("slug", `The address "${proposed.slug}" is already used by another organisation. Choose another.`);
  }
  if (proposed.slug !== base?.slug && (await slugClaimed(tx, proposed.slug, changeSetId))) {
    throw new FieldConflictError("slug", `The address "${proposed.slug}" is already proposed for another organisation, in a change not yet decided. Choose another.`);
  }
  return { base, baseLockVersion, proposed };
}
