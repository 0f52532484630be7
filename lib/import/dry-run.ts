// The dry run of an import: every row of a file read, checked and matched, nothing written. Each
// row is one of: create (no organisation has its keys), update (the fields that differ from the
// organisation it matches), unchanged (also: what an import waiting for review already proposes),
// duplicate (of an earlier row with one of the same keys) or error (each with its column, in
// words). Rows are matched in batches, three indexed lookups each. Sending an import to review
// (lib/data/import-batches.ts) checks the file again the same way and proposes what the check says.
import { createHash } from "node:crypto";
import { diffDocuments, type OrganisationDocument } from "@/lib/change-sets/document";
import { readOrganisations } from "@/lib/data/change-sets/published";
import { openImportProposals, organisationsByKeys } from "@/lib/data/imports";
import { db } from "@/lib/db";
import { resolveColumns, suggestField, suggestMapping, type ImportField, type Mapping } from "./mapping";
import { describeDifferences, keysOf, matchKeys, matchOf, newDocument, proposedUpdate, sameProposal, type Difference, type MatchKey } from "./plan";
import { openSpreadsheet, UnreadableFileError, type ReadOptions, type Row } from "./read";
import { countryLookup, parseRow, type RowError } from "./rows";

export type RowOutcome = {
  row: number;
  outcome: "create" | "update" | "unchanged" | "duplicate" | "error";
  /** The row's name; for an update, the matched organisation's address too. */
  organisation: string | null;
  /** For an update: the fields and contacts that change (keys of lib/change-sets/document.ts), and each in words with its values. */
  changes: string[];
  differences: Difference[];
  duplicateOf: number | null;
  errors: RowError[];
  /** For an unchanged row: the change set waiting for review that already proposes it. */
  proposedIn: string | null;
};

/** What sending a row to review proposes: a creation, or an update drafted from the published document. */
export type Proposal =
  | { kind: "CREATE"; proposed: OrganisationDocument; keys: string[] }
  | { kind: "UPDATE"; organisationId: string; base: OrganisationDocument; baseLockVersion: number; proposed: OrganisationDocument };

/** A checked row, with what the import needs besides what the dry run shows. */
export type CheckedRow = RowOutcome & { cells: string[]; organisationId: string | null; proposal: Proposal | null };

export type FileFacts = DryRun["file"] & { sheets: string[] };

export type DryRun = {
  file: { format: "csv" | "xlsx"; encoding: string | null; delimiter: string | null; sheet: string | null; headerRow: number };
  mapping: Mapping;
  /** What is wrong with the mapping itself: nothing is read until it is right. */
  problems: string[];
  summary: { rows: number; creates: number; updates: number; unchanged: number; duplicates: number; errors: number };
  rows: RowOutcome[];
};

export type DryRunOptions = ReadOptions & {
  headerRow?: number;
  mapping?: Mapping;
  matchBy?: readonly MatchKey[];
  /** The most rows read below the header; a file with more is refused (200,000 by default). */
  mostRows?: number;
  /** The mapping remembered for these headers (lib/data/import-batches.ts), used when none is given. */
  rememberedMapping?: (headers: string[]) => Promise<Mapping | null>;
};

type CheckHandlers = {
  /** Once the header is found: how the file is read and mapped. Nothing more is read when there are problems. */
  start?: (facts: { file: FileFacts; headers: string[]; mapping: Mapping; problems: string[] }) => Promise<void> | void;
  /** Each batch of checked rows, in the file's order. */
  rows: (rows: CheckedRow[], summary: DryRun["summary"]) => Promise<void> | void;
};

/** The most rows an import reads (below its header). */
export const mostRows = 200_000;

/** Rows matched against the database at a time. */
const batchSize = 200;
/** The header row is looked for among the first rows (a title above it is common). */
const headerSearchRows = 10;

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

/** The dry run, whole: for the command line and tests (the import page stores rows as they come). */
export async function dryRun(path: string, options: DryRunOptions = {}): Promise<DryRun> {
  const result: DryRun = { file: { format: "csv", encoding: null, delimiter: null, sheet: null, headerRow: 1 }, mapping: { columns: {}, values: {}, defaults: {} }, problems: [], summary: emptySummary(), rows: [] };
  await checkFile(path, options, {
    start({ file, mapping, problems }) {
      const { format, encoding, delimiter, sheet, headerRow } = file;
      Object.assign(result, { file: { format, encoding, delimiter, sheet, headerRow }, mapping, problems });
    },
    rows(rows, summary) {
      for (const row of rows) result.rows.push(rowOutcome(row));
      result.summary = summary;
    },
  });
  return result;
}

/** What the dry run says of a checked row (without what only sending it needs). */
export function rowOutcome({ row, outcome, organisation, changes, differences, duplicateOf, errors, proposedIn }: CheckedRow): RowOutcome {
  return { row, outcome, organisation, changes, differences, duplicateOf, errors, proposedIn };
}

const emptySummary = (): DryRun["summary"] => ({ rows: 0, creates: 0, updates: 0, unchanged: 0, duplicates: 0, errors: 0 });

/** Reads, checks and matches every row of the file, handing them over a batch at a time; returns the summary. */
export async function checkFile(path: string, options: DryRunOptions, handlers: CheckHandlers): Promise<DryRun["summary"]> {
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
  const mapping = options.mapping ?? (await options.rememberedMapping?.(headers)) ?? suggestMapping(headers);
  const { fields, problems } = resolveColumns(headers, mapping);
  const summary = emptySummary();
  const file: FileFacts = { format: opened.format, encoding: opened.encoding, delimiter: opened.delimiter, sheet: opened.sheet, sheets: opened.sheets, headerRow };
  const allProblems = header ? problems : [`The file has no row ${headerRow} to read the headers from.`];
  await handlers.start?.({ file, headers, mapping, problems: allProblems });
  if (allProblems.length > 0) {
    // Closes the file the reader holds open.
    await iterator.return?.();
    return summary;
  }

  const mapped = new Set<ImportField>(fields);
  // The first row of each key, by a 48-bit digest of the key: a few bytes a key rather than its text, at 200,000 rows.
  const seen = new Map<number, number>();
  const digest = (key: string) => createHash("sha1").update(key).digest().readUIntBE(0, 6);
  let batch: { row: number; cells: string[]; parsed: ReturnType<typeof parseRow> }[] = [];
  const flush = async () => {
    const valid = batch.flatMap(({ parsed }) => (parsed.organisation ? [parsed.organisation] : []));
    const byKey = await organisationsByKeys(
      valid.map((organisation) => ({ website: organisation.website, name: organisation.name, countries: organisation.countries, emails: organisation.contacts.filter((contact) => contact.type === "EMAIL").map((contact) => contact.value) })),
      matchBy,
    );
    const matches = batch.map(({ parsed }) => (parsed.organisation ? matchOf(keysOf(parsed.organisation, matchBy), byKey) : ({ kind: "none" } as const)));
    const matchedIds = matches.flatMap((match) => (match.kind === "one" ? [match.id] : []));
    const documents = await readOrganisations(matchedIds);
    const open = await openImportProposals(
      matchedIds,
      valid.flatMap((organisation) => keysOf(organisation, matchBy)),
    );
    const checked: CheckedRow[] = batch.map(({ row, cells, parsed }, index) => {
      const outcome: CheckedRow = { row, outcome: "error", organisation: parsed.organisation?.name ?? null, changes: [], differences: [], duplicateOf: null, errors: parsed.errors, proposedIn: null, cells, organisationId: null, proposal: null };
      if (!parsed.organisation) return outcome;
      const organisation = parsed.organisation;
      const keys = keysOf(organisation, matchBy);
      const digests = keys.map(digest);
      const earlier = digests.map((key) => seen.get(key)).find((found) => found !== undefined);
      for (const key of digests) if (!seen.has(key)) seen.set(key, row);
      const match = matches[index];
      if (earlier !== undefined) {
        outcome.outcome = "duplicate";
        outcome.duplicateOf = earlier;
      } else if (match.kind === "several") {
        outcome.errors = match.messages.map((message) => ({ field: "row", column: null, message }));
      } else if (match.kind === "one") {
        const published = documents.get(match.id);
        if (!published) return outcome;
        const proposed = proposedUpdate(published.document, organisation, mapped);
        const changes = diffDocuments(published.document, proposed);
        const waiting = open.updates.find((candidate) => candidate.organisationId === match.id && sameProposal(candidate.proposed, proposed));
        outcome.organisation = `${organisation.name} (${published.document.slug})`;
        outcome.organisationId = match.id;
        if (changes.length && !waiting) {
          outcome.outcome = "update";
          outcome.changes = changes.map((change) => change.key);
          outcome.differences = describeDifferences(changes);
          outcome.proposal = { kind: "UPDATE", organisationId: match.id, base: published.document, baseLockVersion: published.lockVersion, proposed };
        } else {
          outcome.outcome = "unchanged";
          outcome.proposedIn = waiting?.id ?? null;
        }
      } else {
        const proposed = newDocument(organisation);
        const waiting = open.creations.filter((candidate) => candidate.keys.some((key) => keys.includes(key)));
        const same = waiting.find((candidate) => sameProposal(candidate.proposed, proposed));
        if (same) {
          outcome.outcome = "unchanged";
          outcome.proposedIn = same.id;
        } else if (waiting.length > 0) {
          outcome.errors = [{ field: "row", column: null, message: "An import waiting for review already proposes a new organisation with this row's keys, with other values: decide on that one first." }];
        } else {
          outcome.outcome = "create";
          outcome.proposal = { kind: "CREATE", proposed, keys };
        }
      }
      return outcome;
    });
    for (const row of checked) {
      if (row.outcome !== "error") row.cells = [];
      summary.rows++;
      summary[({ create: "creates", update: "updates", unchanged: "unchanged", duplicate: "duplicates", error: "errors" } as const)[row.outcome]]++;
    }
    batch = [];
    await handlers.rows(checked, { ...summary });
  };

  let taken = 0;
  const take = async (row: Row) => {
    if (row.row <= headerRow || row.cells.every((cell) => !cell.trim())) return;
    const most = options.mostRows ?? mostRows;
    if (++taken > most) throw new UnreadableFileError(`This file has more than ${most.toLocaleString("en")} rows; split it into smaller files.`);
    batch.push({ row: row.row, cells: row.cells, parsed: parseRow(row.cells, fields, mapping, countries) });
    if (batch.length >= batchSize) await flush();
  };
  try {
    for (const row of start) await take(row);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) await take(next.value);
  } finally {
    // Closes the file when reading stopped early.
    await iterator.return?.();
  }
  if (batch.length > 0) await flush();
  return summary;
}
