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
export const documentSchemaVersion = 3;

const contactFields = z.object({
  id: z.string().min(1),
  type: z.enum(ContactType),
  label: z.string().nullable(),
  value: z.string(),
  rawValue: z.string(),
});

/** The fields of a version 1 or 2 document, unknown keys dropped. */
const documentFieldsV2 = z.object({
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
const documentV1 = documentFieldsV2;

/** Version 2: the same fields, marked with their version, and nothing else. */
const documentV2 = z.strictObject({
  schemaVersion: z.literal(2),
  ...documentFieldsV2.shape,
  contacts: z.array(z.strictObject(contactFields.shape)),
});

/** The fields of a version 3 document: version 2's, the listing's original language and its translations. */
const documentFields = documentFieldsV2.extend({
  originalLanguage: z.string().regex(/^[a-z]{2}$/),
  translations: z.record(z.string().regex(/^[a-z]{2}:(?:name|description)$/), z.string()),
});

/** Version 3: with `originalLanguage` and `translations` ("fr:description" → text). */
const documentV3 = z.strictObject({
  schemaVersion: z.literal(3),
  ...documentFields.shape,
  contacts: z.array(z.strictObject(contactFields.shape)),
});

type DocumentV3 = z.output<typeof documentV3>;

/** What versions 1 and 2 meant: English, without translations. */
const untranslated = { originalLanguage: "en", translations: {} };

// The current format's fields are exactly OrganisationDocument: a drift fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const currentIsOrganisationDocument: Same<Omit<DocumentV3, "schemaVersion">, OrganisationDocument> = true;
void currentIsOrganisationDocument;

/** A stored document that no schema version reads: a bug or a damaged row, never shown as if it were fine. */
export class StoredDocumentError extends Error {}

/** The format a stored value says it has: no `schemaVersion` is version 1. */
function versionOf(json: unknown): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  return "schemaVersion" in json ? json.schemaVersion : 1;
}

/** One function upgrades every older format to the current one, a step per version. */
function upgrade(json: unknown): DocumentV3 {
  const version = versionOf(json);
  switch (version) {
    case 1:
      return { schemaVersion: 3, ...documentV1.parse(json), ...untranslated };
    case 2: {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { schemaVersion, ...fields } = documentV2.parse(json);
      return { schemaVersion: 3, ...fields, ...untranslated };
    }
    case 3:
      return documentV3.parse(json);
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
export function storedDocument(document: OrganisationDocument): DocumentV3 {
  return { schemaVersion: documentSchemaVersion, ...documentFields.parse(document) };
}
