import "server-only";
import { db } from "@/lib/db";
import { matchCap } from "./limits";

// What decides how a query's words are read: the table's statistics and the relative costs.

/**
 * What the search knows of the table: how many organisations it holds and, for PostgreSQL's most
 * common lexemes of their search documents, the share of organisations holding each.
 */
export type TableStats = { rows: number; shares: ReadonlyMap<string, number> };

export const noStats: TableStats = { rows: 0, shares: new Map() };
let stats = { loadedAt: 0, value: noStats };

/**
 * The table's size and most common lexemes from PostgreSQL's own statistics (`pg_class.reltuples`,
 * `pg_stats.most_common_elems`, kept by ANALYZE), read at most every ten minutes. Lexemes missing
 * from them are rarer than every one listed.
 */
export async function tableStats(): Promise<TableStats> {
  if (Date.now() - stats.loadedAt < 10 * 60_000) return stats.value;
  const [row] = await db.$queryRaw<{ rows: number; elems: string[] | null; freqs: number[] | null }[]>`
    SELECT c.reltuples::float8 AS rows, s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs
    FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'Organisation' AND s.attname = 'search'
    WHERE c.oid = '"Organisation"'::regclass`;
  const shares = new Map((row?.elems ?? []).map((lexeme, index) => [lexeme, row!.freqs![index]]));
  const value = { rows: Math.max(0, row?.rows ?? 0), shares };
  // No statistics yet (a new database before ANALYZE): asked again at the next search.
  if (shares.size) stats = { loadedAt: Date.now(), value };
  return value;
}

/** The words of a query as the search document holds them: unaccented, lower-case, letters and digits. */
export function queryWords(q: string): string[] {
  return q
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Relative costs, measured at a million organisations (docs/performance.md, "Sixth round"): reading
 * one row of the table and testing its document; reading one organisation of a country's list
 * (an index entry, then its row by primary key); decoding one entry of a lexeme's list in the GIN
 * index; adding one match to the index scan's bitmap.
 */
const cost = { row: 1, countryRow: 3, posting: 0.07, match: 0.25 };

/**
 * Whether reading organisations in order (the table, or with a country that country's list of
 * organisations: `matches`) finds the capped candidates sooner than the GIN index. The index has
 * to decode the whole list of every word (and the country) and collect every match before the
 * first is returned: for common words, tens of thousands of entries (50 ms for two words at a
 * million rows). Read in order, it stops at the cap: about cap / share rows, the share of the
 * words among the organisations read. Shares come from the statistics, the words assumed
 * independent (which underestimates the share of related words, so leans towards the index); a
 * word missing from them is rare and the index wins. Null when the query uses operators (quotes,
 * "or", "-"): PostgreSQL decides.
 */
export function scanIsCheaper(q: string, country: string | undefined, { rows, shares }: TableStats): boolean | null {
  if (/["]|(^|\s)-|(^|\s)or(\s|$)/i.test(q)) return null;
  const words = queryWords(q);
  if (words.length === 0) return null;
  // A word missing from the statistics is rare: the index wins. A country missing from them is a
  // small one, which its own list reads best: counted as common as the least common lexeme listed.
  const least = Math.min(1, ...shares.values());
  const shareOf = (lexeme: string) => shares.get(lexeme) ?? (lexeme === country ? least : 0);
  const share = (lexemes: string[]) => lexemes.reduce((product, lexeme) => product * shareOf(lexeme), 1);
  const lexemes = country ? [...words, country] : words;
  const wordShare = share(words);
  if (wordShare === 0) return false;
  const index = rows * (lexemes.reduce((sum, lexeme) => sum + shareOf(lexeme), 0) * cost.posting + share(lexemes) * cost.match);
  const ordered = ((matchCap + 1) / wordShare) * (country ? cost.countryRow : cost.row);
  return ordered < index;
}
