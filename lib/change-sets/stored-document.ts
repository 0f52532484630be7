import "@/lib/validation/zod-config";
import { z } from "zod";
import { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";
import type { OrganisationDocument } from "./document";

/**
 * The format of the organisation documents stored as JSON (a change set's `base` and `proposed`,
 * a revision's `snapshot`). Every read parses them with `readDocument`, which upgrades older
 * formats; every write stores this one. To change the shape: add a schema for the new version, a
 * step in `upgrade`, a fixture in `fixtures/`, bump this, and update the SQL function
 * `prova_backfill_revisions` (a migration) that writes revisions in bulk.
 */
export const documentSchemaVersion = 2;

const contactFields = z.object({
  id: z.string().min(1),
  type: z.enum(ContactType),
  label: z.string().nullable(),
  value: z.string(),
  rawValue: z.string(),
});

/** The fields of a document, unknown keys dropped. */
const documentFields = z.object({
  slug: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.enum(OrganisationKind),
  description: z.string(),
  website: z.string().nullable(),
  countries: z.array(z.string()),
  contacts: z.array(contactFields),
  archived: z.boolean(),
});

/**
 * Version 1: written from the start until `schemaVersion` existed, without that field (by
 * lib/data, and by the SQL function `prova_backfill_revisions` of the change-sets migration).
 * Lenient about unknown keys, which early drafts may have carried along: they are dropped.
 */
const documentV1 = documentFields;

/** Version 2: the same fields, marked with their version, and nothing else. */
const documentV2 = z.strictObject({
  schemaVersion: z.literal(2),
  ...documentFields.shape,
  contacts: z.array(z.strictObject(contactFields.shape)),
});

type DocumentV2 = z.output<typeof documentV2>;

// The current format's fields are exactly OrganisationDocument: a drift fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const currentIsOrganisationDocument: Same<Omit<DocumentV2, "schemaVersion">, OrganisationDocument> = true;
void currentIsOrganisationDocument;

/** A stored document that no schema version reads: a bug or a damaged row, never shown as if it were fine. */
export class StoredDocumentError extends Error {}

/** The format a stored value says it has: no `schemaVersion` is version 1. */
function versionOf(json: unknown): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  return "schemaVersion" in json ? json.schemaVersion : 1;
}

/** One function upgrades every older format to the current one, a step per version. */
function upgrade(json: unknown): DocumentV2 {
  const version = versionOf(json);
  switch (version) {
    case 1:
      return { schemaVersion: 2, ...documentV1.parse(json) };
    case 2:
      return documentV2.parse(json);
    default:
      throw new StoredDocumentError(`Unknown document schemaVersion ${JSON.stringify(version)}.`);
  }
}

/** A document read back from the database, in the current shape. Throws StoredDocumentError when it is not one. */
export function readDocument(json: unknown): OrganisationDocument {
  try {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { schemaVersion, ...document } = upgrade(json);
    return document;
  } catch (error) {
    if (error instanceof StoredDocumentError) throw error;
    if (error instanceof z.ZodError) throw new StoredDocumentError(`Not an organisation document: ${z.prettifyError(error)}`, { cause: error });
    throw error;
  }
}

/** The JSON to store for a document: the current format, its fields only. */
export function storedDocument(document: OrganisationDocument): DocumentV2 {
  return { schemaVersion: documentSchemaVersion, ...documentFields.parse(document) };
}
