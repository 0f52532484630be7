import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { assertMay, type Actor } from "@/lib/data/actor";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import type { CheckedRow, DryRun, FileFacts } from "@/lib/import/dry-run";
import { mappingSchema, normaliseHeader, type Mapping } from "@/lib/import/mapping";
import { importSettingsSchema, type ImportSettings } from "@/lib/validation/import";

// Imports as staff see them (/admin/imports): an uploaded file is stored with its batch and
// checked by a job (the same dry run as `npm run import`), its rows kept (ImportRow) to be shown and
// those with errors downloaded. The author may change how it is read and mapped, then send it to
// review: a job checks the file again and saves a submitted change set per row that proposes
// something (one transaction each). A reviewer who is not the author decides them one by one (the
// review pages) or all at once (a job). Importing the same file again proposes nothing new: a row
// that an import waiting for review already proposes is unchanged (lib/import/dry-run.ts). What
// the jobs do: lib/data/import-steps.ts.

/** What a job of the `imports` queue does to a batch (lib/jobs/imports.ts). */
export type ImportStep = "check" | "send" | "approve" | "reject";

export type ImportSummary = DryRun["summary"] & { sent?: number; failed?: number; approved?: number; rejected?: number };

export type ImportBatchView = {
  id: string;
  fileName: string;
  fileSize: number;
  status: ImportStatus;
  authorId: string | null;
  authorName: string | null;
  settings: ImportSettings;
  mapping: Mapping | null;
  facts: FileFacts | null;
  headers: string[];
  problems: string[];
  summary: ImportSummary | null;
  done: number;
  total: number | null;
  failure: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Its change sets still waiting for a decision. */
  waiting: number;
};

const running: ImportStatus[] = ["CHECKING", "SENDING", "DECIDING"];
// Its row holds the uploaded file: it is changed with updateMany, which reads nothing back (update
// would read the whole file back each time).

async function enqueueStep(batchId: string, step: ImportStep, actorId: string, note = "", tx?: Prisma.TransactionClient) {
  const { enqueue } = await import("@/lib/jobs");
  await enqueue("imports", { format: 1, batchId, step, actorId, note }, { tx });
}

/** Whether a step is left to a job (the page), or the caller runs it itself (`npm run import`). */
type StepOptions = { queue?: boolean };

/** Stores an uploaded file as a new import and queues its check. */
export async function createImportBatch(
  actor: Actor,
  { fileName, bytes, settings = {}, mapping = null }: { fileName: string; bytes: Uint8Array<ArrayBuffer>; settings?: ImportSettings; mapping?: Mapping | null },
  { queue = true }: StepOptions = {},
): Promise<string> {
  assertMay(actor, "organisations.propose");
  return db.$transaction(async (tx) => {
    const batch = await tx.importBatch.create({
      data: { authorId: actor.id, fileName: fileName.slice(0, 200) || "spreadsheet", file: bytes, fileSize: bytes.byteLength, settings, mapping: mapping ?? Prisma.DbNull },
      select: { id: true },
    });
    await recordAudit({ action: "import.uploaded", actorId: actor.id, subject: `import:${batch.id}`, address: actor.address, details: { fileName, bytes: bytes.byteLength } }, tx);
    if (queue) await enqueueStep(batch.id, "check", actor.id, "", tx);
    return batch.id;
  });
}

/** The key a mapping is remembered under: the file's headers as the mapping compares them, in order. */
export function headersKey(headers: string[]): string {
  return createHash("sha256").update(JSON.stringify(headers.map(normaliseHeader))).digest("base64url");
}

/** The mapping last confirmed for files with these headers. */
export async function rememberedMapping(headers: string[]): Promise<Mapping | null> {
  const found = await db.importMapping.findUnique({ where: { headersKey: headersKey(headers) }, select: { mapping: true } });
  const parsed = found ? mappingSchema.safeParse(found.mapping) : null;
  return parsed?.success ? parsed.data : null;
}

function rememberMapping(tx: Prisma.TransactionClient, headers: string[], mapping: Mapping) {
  const key = headersKey(headers);
  return tx.importMapping.upsert({ where: { headersKey: key }, create: { headersKey: key, mapping }, update: { mapping } });
}

/**
 * The author changes how the file is read, mapped and matched: remembered for files with the
 * same headers, and checked again by a job.
 */
export async function changeImportSettings(actor: Actor, batchId: string, settings: ImportSettings, mapping: Mapping | null): Promise<void> {
  assertMay(actor, "organisations.propose");
  await db.$transaction(async (tx) => {
    const earlier = await tx.importBatch.findFirst({ where: { id: batchId, authorId: actor.id }, select: { mapping: true, headers: true, settings: true } });
    // Read otherwise (another sheet, header row, encoding or delimiter), the file has other headers:
    // the mapping is suggested (or remembered) for them again.
    const before = earlier ? importSettingsSchema.parse(earlier.settings) : null;
    if (before && (["encoding", "delimiter", "sheet", "headerRow"] as const).some((key) => before[key] !== settings[key])) mapping = null;
    // The page does not show how cell values translate to kinds: those of the mapping used stay.
    if (mapping && earlier?.mapping) mapping = { ...mapping, values: mappingSchema.parse(earlier.mapping).values };
    const { count } = await tx.importBatch.updateMany({
      where: { id: batchId, authorId: actor.id, status: { in: ["CHECKED", "FAILED"] } },
      data: { settings, mapping: mapping ?? Prisma.DbNull, status: "CHECKING", done: 0, total: null, failure: null },
    });
    if (count === 0 || !earlier) throw await whyNot(tx, actor, batchId, "change");
    if (mapping && earlier.headers.length) await rememberMapping(tx, earlier.headers, mapping);
    await enqueueStep(batchId, "check", actor.id, "", tx);
  });
}

/** The author sends the import to review: a job saves a change set per row that proposes something. */
export async function sendImport(actor: Actor, batchId: string, { queue = true }: StepOptions = {}): Promise<void> {
  assertMay(actor, "organisations.propose");
  await db.$transaction(async (tx) => {
    const batch = await tx.importBatch.findFirst({ where: { id: batchId, authorId: actor.id }, select: { status: true, summary: true, problems: true, headers: true, mapping: true } });
    if (!batch) throw await whyNot(tx, actor, batchId, "send");
    const summary = batch.summary as ImportSummary | null;
    if (batch.status !== "CHECKED" || batch.problems.length > 0) throw new ConflictError("Only a checked import whose columns are mapped can be sent to review.");
    if (!summary || summary.creates + summary.updates === 0) throw new ConflictError("This import proposes nothing: every row is unchanged, a duplicate or has errors.");
    await tx.importBatch.updateMany({ where: { id: batchId }, data: { status: "SENDING", done: 0, total: summary.creates + summary.updates } });
    // Sent as it was suggested, the mapping is confirmed: offered again for the same headers.
    if (batch.mapping && batch.headers.length) await rememberMapping(tx, batch.headers, mappingSchema.parse(batch.mapping));
    await recordAudit({ action: "import.sent", actorId: actor.id, subject: `import:${batchId}`, address: actor.address }, tx);
    if (queue) await enqueueStep(batchId, "send", actor.id, "", tx);
  });
}

/** A reviewer approves, or rejects with a reason, every change of the import still waiting: a job. */
export async function decideImport(actor: Actor, batchId: string, decision: "approve" | "reject", note: string): Promise<void> {
  assertMay(actor, "changes.decide");
  await db.$transaction(async (tx) => {
    const batch = await tx.importBatch.findUnique({ where: { id: batchId }, select: { authorId: true, status: true } });
    if (!batch) throw new NotFoundError("This import does not exist.");
    if (batch.authorId === actor.id) throw new ConflictError("You cannot decide on an import you made yourself: another reviewer decides it.");
    if (batch.status !== "IN_REVIEW") throw new ConflictError("Only an import waiting for review can be decided; this one is not (reload the page).");
    const waiting = await tx.changeSet.count({ where: { importBatchId: batchId, status: "SUBMITTED" } });
    await tx.importBatch.updateMany({ where: { id: batchId }, data: { status: "DECIDING", done: 0, total: waiting, failure: null } });
    await recordAudit({ action: decision === "approve" ? "import.approved" : "import.rejected", actorId: actor.id, subject: `import:${batchId}`, address: actor.address, details: { note } }, tx);
    await enqueueStep(batchId, decision, actor.id, note, tx);
  });
}

/** Why the author cannot change or send this import, as the error to throw. */
async function whyNot(tx: Prisma.TransactionClient, actor: Actor, batchId: string, action: "change" | "send"): Promise<Error> {
  const batch = await tx.importBatch.findUnique({ where: { id: batchId }, select: { authorId: true, status: true } });
  if (!batch) return new NotFoundError("This import does not exist.");
  // Logged, not shown (lib/auth/define-action.ts): stays in English.
  if (batch.authorId !== actor.id) return new ForbiddenError(`Only the person who uploaded an import can have it ${action === "change" ? "changed" : "sent"}.`);
  if (running.includes(batch.status)) return new ConflictError("This import is being worked on: wait until it is done.");
  // One whole message each (messages/*.json's "Errors").
  return new ConflictError(action === "change" ? "This import has been sent to review: it can no longer be changed." : "This import has been sent to review: it can no longer be sent.");
}

export type ImportListItem = { id: string; fileName: string; status: ImportStatus; authorName: string | null; createdAt: Date; summary: ImportSummary | null; done: number; total: number | null };

/** The latest imports, newest first. */
export async function listImports(limit = 50): Promise<ImportListItem[]> {
  const batches = await db.importBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, fileName: true, status: true, createdAt: true, summary: true, done: true, total: true, author: { select: { name: true } } },
  });
  return batches.map(({ author, summary, ...batch }) => ({ ...batch, authorName: author?.name ?? null, summary: summary as ImportSummary | null }));
}

/** One import as its page shows it. */
export async function getImport(id: string): Promise<ImportBatchView | null> {
  const batch = await db.importBatch.findUnique({
    where: { id },
    select: {
      id: true, fileName: true, fileSize: true, status: true, authorId: true, settings: true, mapping: true, facts: true, headers: true, problems: true,
      summary: true, done: true, total: true, failure: true, createdAt: true, sentAt: true, author: { select: { name: true } },
    },
  });
  if (!batch) return null;
  const waiting = await db.changeSet.count({ where: { importBatchId: id, status: "SUBMITTED" } });
  const { author, settings, mapping, facts, summary, ...rest } = batch;
  return {
    ...rest,
    authorName: author?.name ?? null,
    settings: importSettingsSchema.parse(settings),
    mapping: mapping ? mappingSchema.parse(mapping) : null,
    facts: facts as FileFacts | null,
    summary: summary as ImportSummary | null,
    waiting,
  };
}

export type ImportRowView = {
  row: number;
  outcome: CheckedRow["outcome"];
  organisation: string | null;
  organisationId: string | null;
  changes: string[];
  differences: CheckedRow["differences"];
  duplicateOf: number | null;
  errors: CheckedRow["errors"];
  changeSetId: string | null;
  changeSetStatus: string | null;
};

/** A page of an import's rows, in the file's order, of one outcome or all. */
export async function listImportRows(batchId: string, { outcome, fromRow = 0, limit = 100 }: { outcome?: string; fromRow?: number; limit?: number }): Promise<ImportRowView[]> {
  const rows = await db.importRow.findMany({
    where: { batchId, ...(outcome ? { outcome } : {}), row: { gt: fromRow } },
    orderBy: { row: "asc" },
    take: limit,
    select: { row: true, outcome: true, organisation: true, organisationId: true, changes: true, differences: true, duplicateOf: true, errors: true, changeSetId: true },
  });
  const ids = rows.flatMap((row) => (row.changeSetId ? [row.changeSetId] : []));
  const statuses = new Map((await db.changeSet.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })).map((changeSet) => [changeSet.id, changeSet.status]));
  return rows.map((row) => ({
    ...row,
    outcome: row.outcome as CheckedRow["outcome"],
    errors: row.errors as CheckedRow["errors"],
    differences: row.differences as CheckedRow["differences"],
    changeSetStatus: row.changeSetId ? (statuses.get(row.changeSetId) ?? null) : null,
  }));
}

/** The rows with errors, with their cells, a batch at a time (the download to fix and import again). */
export async function* importErrorRows(batchId: string): AsyncGenerator<{ row: number; cells: string[]; errors: CheckedRow["errors"] }> {
  let after = 0;
  for (;;) {
    const rows = await db.importRow.findMany({ where: { batchId, outcome: "error", row: { gt: after } }, orderBy: { row: "asc" }, take: 1000, select: { row: true, cells: true, errors: true } });
    for (const row of rows) yield { row: row.row, cells: row.cells, errors: row.errors as CheckedRow["errors"] };
    if (rows.length < 1000) return;
    after = rows.at(-1)!.row;
  }
}
