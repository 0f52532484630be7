import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { queryWords } from "./statistics";

// The typo fallback: each word of the query corrected against the dictionary of names' words.

/** The typo fallback's tsqueries (`correctedQuery`): `any` finds the candidates, `best` ranks them. */
export type Corrected = { any: string; best: string };

/** The dictionary lookups of `correctedQuery`, one per distinct word of `q` (at most eight; exported for `npm run search:plans`). */
export function correctionStatements(q: string) {
  return [...new Set(queryWords(q))]
    .slice(0, 8)
    .map(
      (word) =>
        Prisma.sql`SELECT w.word FROM "SearchWord" w WHERE w.word % f_unaccent(${word}) ORDER BY similarity(w.word, f_unaccent(${word})) DESC, w.word LIMIT 3`,
    );
}

/**
 * The typo fallback's queries: each word of `q` replaced by the (up to three) dictionary words that
 * resemble it most (`SearchWord`, trigram similarity through its GIN index), to be looked for in
 * names and acronyms only (weight A). `any` holds every alternative ("tolerence" becomes
 * `(tolerance:A | tolera:A | …)`) and finds the candidates; `best` only the closest of each word
 * (`tolerance:A`) and ranks the names holding them first. Words nothing resembles are left out;
 * null when none is left. One indexed lookup per word, in a dictionary of tens of thousands of
 * words, where comparing the query with a million names took 70 ms.
 */
export async function correctedQuery(q: string): Promise<Corrected | null> {
  const alternatives = await Promise.all(
    correctionStatements(q).map(async (statement) => {
      const rows = await db.$queryRaw<{ word: string }[]>(statement);
      // Dictionary words are letters and digits only (split so when stored): safe in a tsquery.
      return rows.filter((row) => /^[\p{L}\p{N}]+$/u.test(row.word)).map((row) => `${row.word}:A`);
    }),
  );
  const found = alternatives.filter((list) => list.length > 0);
  if (found.length === 0) return null;
  return { any: found.map((list) => `(${list.join(" | ")})`).join(" & "), best: found.map((list) => list[0]).join(" & ") };
}
