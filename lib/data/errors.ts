import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Expected failures of a data function. Only these reach the user, with their message; anything
 * else is logged and shown as a generic error (lib/auth/define-action.ts).
 */
export class NotFoundError extends Error {}

/** The actor's role may not make this change (lib/data/actor.ts); nothing was written. */
export class ForbiddenError extends Error {}

/**
 * What a conflict's English message lists that the reader's language names otherwise
 * (lib/i18n/conflict-parts.ts): a listing's changes by key (lib/change-sets/document.ts), or a
 * draft's differences with both values.
 */
export type ConflictParts = {
  changes?: readonly string[];
  /** A field's value here and in the saved draft (null: empty); the contacts (`key` "contacts") without them. */
  differences?: readonly { key: string; there?: string | null; here?: string | null }[];
};

/** The change collides with the current state (a duplicate, a rule such as "keep one admin"). */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly parts?: ConflictParts,
  ) {
    super(message);
  }
}

/** A conflict that concerns one field of a form (e.g. an address already in use), shown at that field. */
export class FieldConflictError extends ConflictError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Ends every message of a collision: the transaction that hit it wrote nothing. */
const nothingSaved = "Nothing was saved.";

/** One open change set per author and organisation (lib/data/change-sets/proposal.ts, and its unique index). */
export const openChangeMessage = `You already have an open change to this organisation (a draft, or one waiting for review): carry on with that one, and once it is decided, propose this. ${nothingSaved}`;

/**
 * What a unique index that a data function checks beforehand means when a concurrent request
 * wins the race between the check and the write, by index name (Prisma's default `<Table>_<column>_key`).
 */
const uniqueIndexes: Record<string, () => ConflictError> = {
  Organisation_slug_key: () => new FieldConflictError("slug", `This address is already used by another organisation (it was taken a moment ago). Choose another. ${nothingSaved}`),
  SlugRedirect_pkey: () => new FieldConflictError("slug", `This address is already used by another organisation (it was taken a moment ago). Choose another. ${nothingSaved}`),
  ChangeSet_one_open_per_author_key: () => new ConflictError(openChangeMessage),
  User_email_key: () => new FieldConflictError("email", `An account with this e-mail address already exists. ${nothingSaved}`),
};

/**
 * The one place where Prisma's "unique" (P2002) and "not found" (P2025) errors become expected
 * errors: a field error or a conflict, and a 404. Any other error is returned as it is. The
 * driver adapter names the violated index in `meta.driverAdapterError.cause.constraint`.
 */
export function expectedError(error: unknown): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  if (error.code === "P2025") return new NotFoundError("What you are changing no longer exists (it was removed a moment ago). Reload the page.");
  if (error.code !== "P2002") return error;
  const index = uniqueConstraintOf(error);
  return uniqueIndexes[index ?? ""]?.() ?? new ConflictError(`This collides with something saved at the same moment. Reload the page and try again. ${nothingSaved}`);
}

function uniqueConstraintOf(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta?.driverAdapterError as { cause?: { constraint?: { index?: unknown; fields?: unknown } } } | undefined)?.cause;
  const index = cause?.constraint?.index;
  if (typeof index === "string") return index;
  // Without a driver adapter, Prisma names the columns instead.
  const fields = cause?.constraint?.fields ?? error.meta?.target;
  const model = error.meta?.modelName;
  return Array.isArray(fields) && typeof model === "string" ? `${model}_${fields.join("_")}_key` : undefined;
}
