// The dry run of an import: every row of a file read, checked and matched, nothing written. Each
// row is one of: create (no organisation has its keys), update (the fields that differ from the
// organisation it matches), unchanged, duplicate (of an earlier row with one of the same keys) or
// error (each with its column, in words). Rows are matched in batches, three indexed lookups each.
import { diffDocuments } from "@/lib/change-sets/document";
import { documentsOf, organisationsByKeys } from "@/lib/data/imports";
import { db } from "@/lib/db";
import { resolveColumns, suggestField, suggestMapping, type ImportField, type Mapping } from "./mapping";
import { keysOf, matchKeys, proposedUpdate, type MatchKey } from "./plan";
import { openSpreadsheet, type ReadOptions, type Row } from "./read";
import { countryLookup, parseRow, type RowError } from "./rows";

export type RowOutcome = {
  row: number;
  outcome: "create" | "update" | "unchanged" | "duplicate" | "error";
  /** The row's name; for an update, the matched organisation's address too. */
  organisation: string | null;
  /** For an update: the fields and contacts that change (keys of lib/change-sets/document.ts). */
  changes: string[];
  duplicateOf: number | null;
  errors: RowError[];
};

export type DryRun = {
  file: { format: "csv" | "xlsx"; encoding: string | null; delimiter: string | null; sheet: string | null; headerRow: number };
  mapping: Mapping;
  /** What is wrong with the mapping itself: nothing is read until it is right. */
  problems: string[];
  summary: { rows: number; creates: number; updates: number; unchanged: number; duplicates: number; errors: number };
  rows: RowOutcome[];
};

export type DryRunOptions = ReadOptions & { headerRow?: number; mapping?: Mapping; matchBy?: readonly MatchKey[] };

/** Rows matched against the database at a time. */
const batchSize = 200;
/** The header row is looked for among the first rows (a title above it is common). */
const headerSearchRows = 10;

type Match = { kind: "none" } | { kind: "one"; id: string } | { kind: "several"; message: string };

const keyWords = { email: "e-mail address", website: "website", name: "name in its country" } as const;

/**
 * The organisation a row is: the one its keys name, the most telling first (an e-mail address,
 * then the website, then the name in its country). A key that several organisations share tells
 * nothing; two keys that name different organisations leave the row for a person to decide.
 */
function matchOf(keys: string[], byKey: Map<string, { id: string }[]>): Match {
  const found: { key: keyof typeof keyWords; ids: Set<string> }[] = (["email", "website", "name"] as const).map((key) => ({
    key,
    ids: new Set(keys.filter((item) => item.startsWith(`${key}:`)).flatMap((item) => (byKey.get(item) ?? []).map((candidate) => candidate.id))),
  }));
  const telling = found.filter((entry) => entry.ids.size === 1);
  const ids = new Set(telling.map((entry) => [...entry.ids][0]));
  if (ids.size > 1) return { kind: "several", message: `This row's ${telling.map((entry) => keyWords[entry.key]).join(" and ")} name different organisations of the directory: correct the row, or match by fewer keys.` };
  if (ids.size === 1) return { kind: "one", id: [...ids][0] };
  const shared = found.filter((entry) => entry.ids.size > 1);
  if (shared.length > 0) return { kind: "several", message: `Several organisations of the directory have this row's ${shared.map((entry) => keyWords[entry.key]).join(" and ")}: add what tells them apart (an e-mail address, a website).` };
  return { kind: "none" };
}

/** The row among the first ones whose cells suggest the most fields (the first on a tie). */
function likelyHeader(rows: Row[]): Row | undefined {
  let best: Row | undefined;
  let bestCount = 0;
  for (const row of rows) {
    const count = new Set(row.cells.map(suggestField).filter((field) => field !== "ignore")).size;
    if (count > bestCount) [best, bestCount] = [row, count];
  }
  return best ?? rows.find((row) => row.cells.some((cell) => cell.trim()));
}

export async function dryRun(path: string, options: DryRunOptions = {}): Promise<DryRun> {
  const opened = await openSpreadsheet(path, options);
  const matchBy = options.matchBy ?? matchKeys;
  const countries = countryLookup((await db.country.findMany({ select: { code: true } })).map((country) => country.code));
  const iterator = opened.rows()[Symbol.asyncIterator]();
  // The rows up to the header (and the first ones, to find it), kept to be read after it.
  const start: Row[] = [];
  while (start.length < (options.headerRow ?? headerSearchRows)) {
    const next = await iterator.next();
    if (next.done) break;
    start.push(next.value);
  }
  const header = options.headerRow ? start.find((row) => row.row === options.headerRow) : likelyHeader(start);
  const headerRow = header?.row ?? options.headerRow ?? 1;
  const headers = header?.cells ?? [];
  const mapping = options.mapping ?? suggestMapping(headers);
  const { fields, problems } = resolveColumns(headers, mapping);
  const result: DryRun = {
    file: { format: opened.format, encoding: opened.encoding, delimiter: opened.delimiter, sheet: opened.sheet, headerRow },
    mapping,
    problems: header ? problems : [`The file has no row ${headerRow} to read the headers from.`],
    summary: { rows: 0, creates: 0, updates: 0, unchanged: 0, duplicates: 0, errors: 0 },
    rows: [],
  };
  if (result.problems.length > 0) {
    // Closes the file the reader holds open.
    await iterator.return?.();
    return result;
  }

  const mapped = new Set<ImportField>(fields);
  const seen = new Map<string, number>();
  let batch: { row: number; parsed: ReturnType<typeof parseRow> }[] = [];
  const flush = async () => {
    const valid = batch.flatMap(({ parsed }) => (parsed.organisation ? [parsed.organisation] : []));
    const byKey = await organisationsByKeys(
      valid.map((organisation) => ({ website: organisation.website, name: organisation.name, countries: organisation.countries, emails: organisation.contacts.filter((contact) => contact.type === "EMAIL").map((contact) => contact.value) })),
      matchBy,
    );
    const matches = batch.map(({ parsed }) => (parsed.organisation ? matchOf(keysOf(parsed.organisation, matchBy), byKey) : ({ kind: "none" } as const)));
    const documents = await documentsOf(matches.flatMap((match) => (match.kind === "one" ? [match.id] : [])));
    batch.forEach(({ row, parsed }, index) => {
      const outcome: RowOutcome = { row, outcome: "error", organisation: parsed.organisation?.name ?? null, changes: [], duplicateOf: null, errors: parsed.errors };
      if (parsed.organisation) {
        const organisation = parsed.organisation;
        const keys = keysOf(organisation, matchBy);
        const earlier = keys.map((key) => seen.get(key)).find((found) => found !== undefined);
        for (const key of keys) if (!seen.has(key)) seen.set(key, row);
        const match = matches[index];
        if (earlier !== undefined) {
          outcome.outcome = "duplicate";
          outcome.duplicateOf = earlier;
        } else if (match.kind === "several") {
          outcome.errors = [{ field: "row", column: null, message: match.message }];
        } else if (match.kind === "one") {
          const published = documents.get(match.id);
          if (published) {
            const changes = diffDocuments(published.document, proposedUpdate(published.document, organisation, mapped));
            outcome.outcome = changes.length ? "update" : "unchanged";
            outcome.organisation = `${organisation.name} (${published.document.slug})`;
            outcome.changes = changes.map((change) => change.key);
          }
        } else {
          outcome.outcome = "create";
        }
      }
      result.rows.push(outcome);
      result.summary.rows++;
      const counter = ({ create: "creates", update: "updates", unchanged: "unchanged", duplicate: "duplicates", error: "errors" } as const)[outcome.outcome];
      result.summary[counter]++;
    });
    batch = [];
  };

  const take = async (row: Row) => {
    if (row.row <= headerRow || row.cells.every((cell) => !cell.trim())) return;
    batch.push({ row: row.row, parsed: parseRow(row.cells, fields, mapping, countries) });
    if (batch.length >= batchSize) await flush();
  };
  for (const row of start) await take(row);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) await take(next.value);
  if (batch.length > 0) await flush();
  return result;
}
