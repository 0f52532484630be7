import "./zod-config";
import { z } from "zod";

/**
 * The one validator for record ids (UUIDs) from URLs, forms and cursors: a value that passes is
 * one PostgreSQL's uuid type takes, so a lookup by it answers "not found", never an error.
 */
export const idSchema = z.uuid();

export const isId = (value: unknown): value is string => idSchema.safeParse(value).success;

/** An id, or undefined for anything else (a page must answer any URL). */
export const idOrUndefined = (value: unknown): string | undefined => (isId(value) ? value : undefined);

/** Text PostgreSQL can compare: no NUL, bounded. */
const storableText = z.string().max(1_000).regex(/^[^\u0000]*$/);

/** The admin lists' keyset cursor: the last row's sort value and id. */
export const cursorSchema = z.object({ value: storableText, id: idSchema });
