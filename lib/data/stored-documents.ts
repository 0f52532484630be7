import "server-only";
import type { OrganisationDocument } from "@/lib/change-sets/document";
import { readDocument, storedDocument, StoredDocumentError } from "@/lib/change-sets/stored-document";
import { Prisma } from "@/lib/generated/prisma/client";

/** The columns that hold organisation documents. */
type DocumentColumn = "ChangeSet.base" | "ChangeSet.proposed" | "Revision.snapshot";

/**
 * A document read back from the database, parsed and upgraded to the current format. One that
 * does not parse is a bug or a damaged row: logged with its row and thrown, never passed on.
 */
export function parseStored(json: Prisma.JsonValue, column: DocumentColumn, id: string): OrganisationDocument {
  try {
    return readDocument(json);
  } catch (error) {
    const where = `${column} of row ${id}`;
    console.error(`[stored document] ${where} cannot be read:`, error);
    throw new StoredDocumentError(`The stored document in ${where} cannot be read.`, { cause: error });
  }
}

/** The same for a column that may be empty (a creation has no base). */
export function parseStoredOrNull(json: Prisma.JsonValue | null, column: DocumentColumn, id: string): OrganisationDocument | null {
  return json === null ? null : parseStored(json, column, id);
}

/** What to store for a document: the current format. */
export function toStored(document: OrganisationDocument): Prisma.InputJsonValue {
  return storedDocument(document);
}

export function toStoredOrNull(document: OrganisationDocument | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return document === null ? Prisma.DbNull : storedDocument(document);
}
