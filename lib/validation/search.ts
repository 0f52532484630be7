import "./zod-config";
import { z } from "zod";
import { OrganisationKind } from "@/lib/generated/prisma/enums";

export const maxQueryLength = 200;

/** Strips what PostgreSQL cannot store (NUL) and what no one searches for (control characters). */
export function cleanQuery(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxQueryLength)
    .trim();
}

/**
 * The query as the search reads it: words match without regard to case (PostgreSQL lower-cases
 * them, and "or" is an operator in any case), and the two Unicode spellings of an accented letter
 * are one. Queries that differ only in these ("Prevention " and "prevention") are one search, with
 * one cached result.
 */
export function normaliseQuery(q: string): string {
  return cleanQuery(q).normalize("NFC").toLowerCase();
}

/** What identifies a search's result: the normalised query, the filters and the page. */
export function searchKey({ q, country, kind, page }: SearchParams): string {
  return JSON.stringify([normaliseQuery(q), country ?? "", kind ?? "", page]);
}

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The search page's parameters. A page must answer any URL, so bad values fall back to the
 * default instead of failing: an unknown kind or country is ignored, a bad page is page 1.
 */
export const searchParamsSchema = z.object({
  q: z.preprocess(single, z.string().catch("")).transform(cleanQuery),
  country: z.preprocess(
    single,
    z
      .string()
      .regex(/^[a-z]{2}$/i)
      .transform((code) => code.toUpperCase())
      .optional()
      .catch(undefined),
  ),
  kind: z.preprocess(
    (value) => (typeof single(value) === "string" ? (single(value) as string).toUpperCase() : undefined),
    z.enum(OrganisationKind).optional().catch(undefined),
  ),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export type SearchParams = z.output<typeof searchParamsSchema>;
