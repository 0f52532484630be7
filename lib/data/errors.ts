/**
 * Expected failures of a data function. Only these reach the user, with their message; anything
 * else is logged and shown as a generic error (lib/auth/action.ts).
 */
export class NotFoundError extends Error {}

/** The change collides with the current state (a duplicate, a rule such as "keep one admin"). */
export class ConflictError extends Error {}

/** A conflict that concerns one field of a form (e.g. an address already in use), shown at that field. */
export class FieldConflictError extends ConflictError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
