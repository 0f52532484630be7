import "server-only";
import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/data/actor";
import { applyChangeSet, declineChangeSet, saveDraftIn, submitChangeSetIn } from "@/lib/data/change-sets";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { rememberedMapping, type ImportStep, type ImportSummary } from "@/lib/data/import-batches";
import { findActor } from "@/lib/data/users";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkFile, type CheckedRow, type DryRunOptions, type Proposal } from "@/lib/import/dry-run";
import { mappingSchema, type Mapping } from "@/lib/import/mapping";
import { UnreadableFileError } from "@/lib/import/read";
import { importSettingsSchema, type ImportSettings } from "@/lib/validation/import";

// The long work of an import (lib/data/import-batches.ts), run by the jobs of the `imports` queue
// (lib/jobs/imports.ts) or in-process by `npm run import -- --as`: check the stored file, send its
// rows to review, decide all its waiting changes. Each looks at the import's status first, so a
// retried job does its step once. The import's row holds the uploaded file: it is changed with
// updateMany, which reads nothing back (update would read the whole file back each time).

/** Changes decided between two progress updates. */
const progressEvery = 200;

/** Writes the stored file where the readers can open it, for as long as `use` runs. */
async function withStoredFile<T>(file: Uint8Array, read: (path: string) => Promise<T>): Promise<T> {
  const path = join(tmpdir(), `prova-import-${randomUUID()}`);
  await writeFile(path, file, { mode: 0o600 });
  try {
    return await read(path);
  } finally {
    await rm(path, { force: true });
  }
}

function readOptions(settings: ImportSettings, mapping: Mapping | null): DryRunOptions {
  return { ...settings, mapping: mapping ?? undefined, rememberedMapping: mapping ? undefined : rememberedMapping };
}

/**
 * Stores a batch of checked rows in one statement: the rows as one JSON parameter, turned into
 * records by PostgreSQL (Prisma's createMany builds each row's values in the process, several times slower).
 */
async function storeRows(batchId: string, rows: CheckedRow[]): Promise<void> {
  const json = JSON.stringify(
    rows.map((row) => ({
      row: row.row,
      outcome: row.outcome,
      organisation: row.organisation,
      organisationId: row.organisationId,
      changes: row.changes,
      differences: row.differences,
      duplicateOf: row.duplicateOf,
      errors: row.errors,
      cells: row.cells,
      changeSetId: row.proposedIn,
    })),
  );
  await db.$executeRaw`
    INSERT INTO "ImportRow" ("batchId", "row", "outcome", "organisation", "organisationId", "changes", "differences", "duplicateOf", "errors", "cells", "changeSetId")
    SELECT ${batchId}::uuid, r."row", r."outcome", r."organisation", r."organisationId", r."changes", r."differences", r."duplicateOf", r."errors", r."cells", r."changeSetId"
    FROM jsonb_to_recordset(${json}::jsonb)
      AS r("row" int, "outcome" text, "organisation" text, "organisationId" uuid, "changes" text[], "differences" jsonb, "duplicateOf" int, "errors" jsonb, "cells" text[], "changeSetId" uuid)`;
}

/**
 * The `check` step: reads and checks the whole file again, replacing the rows of the last check.
 * Run twice (a retried job), it stores the same.
 */
export async function checkImport(batchId: string): Promise<ImportSummary | null> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId }, select: { status: true, file: true, settings: true, mapping: true } });
  if (!batch || batch.status !== "CHECKING" || !batch.file) return null;
  const settings = importSettingsSchema.parse(batch.settings);
  const mapping = batch.mapping ? mappingSchema.parse(batch.mapping) : null;
  await db.importRow.deleteMany({ where: { batchId } });
  try {
    const summary = await withStoredFile(batch.file, (path) =>
      checkFile(path, readOptions(settings, mapping), {
        async start({ file, headers, mapping: used, problems }) {
          await db.importBatch.updateMany({ where: { id: batchId }, data: { facts: file, headers, mapping: used, problems } });
        },
        async rows(rows, summary) {
          await storeRows(batchId, rows);
          await db.importBatch.updateMany({ where: { id: batchId }, data: { done: summary.rows } });
        },
      }),
    );
    await db.importBatch.updateMany({ where: { id: batchId }, data: { status: "CHECKED", summary, total: summary.rows } });
    return summary;
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    await db.importBatch.updateMany({ where: { id: batchId }, data: { status: "FAILED", failure: error.message, problems: [], summary: Prisma.DbNull } });
    return null;
  }
}

/**
 * The `send` step: checks the file again (the directory may have changed since the check the
 * author saw) and saves, for each row that proposes something, a submitted change set of the
 * author's, marked with the batch. A row whose change cannot be saved (the author has another
 * open change of that organisation; an address taken meanwhile) becomes an error row. A retried
 * job finds the change sets it saved: they are unchanged rows now, and are not saved twice.
 */
export async function sendImportRows(batchId: string): Promise<ImportSummary | null> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId }, select: { status: true, file: true, settings: true, mapping: true, authorId: true, summary: true } });
  if (!batch || batch.status !== "SENDING" || !batch.file) return null;
  const author = batch.authorId ? await findActor(batch.authorId) : null;
  if (!author) {
    await db.importBatch.updateMany({ where: { id: batchId }, data: { status: "FAILED", failure: "The account that uploaded this import is no longer active, so it was not sent." } });
    return null;
  }
  const settings = importSettingsSchema.parse(batch.settings);
  const mapping = batch.mapping ? mappingSchema.parse(batch.mapping) : null;
  let failed = 0;
  let done = 0;
  await db.importRow.deleteMany({ where: { batchId } });
  const summary: ImportSummary = await withStoredFile(batch.file, (path) =>
    checkFile(path, readOptions(settings, mapping), {
      async rows(rows) {
        for (const row of rows) {
          if (!row.proposal) continue;
          try {
            row.proposedIn = await saveProposal(author, batchId, row.proposal);
            done++;
          } catch (error) {
            if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
            row.errors = [{ field: "row", column: null, message: error.message }];
            row.outcome = "error";
            failed++;
          }
        }
        await storeRows(batchId, rows);
        await db.importBatch.updateMany({ where: { id: batchId }, data: { done: done + failed } });
      },
    }),
  );
  // Counted from the database: a retried job finds what an earlier attempt saved as unchanged rows.
  summary.sent = await db.changeSet.count({ where: { importBatchId: batchId } });
  summary.failed = failed;
  // Nothing left to propose (the directory caught up since the check): nothing waits for review.
  const waiting = await db.changeSet.count({ where: { importBatchId: batchId, status: "SUBMITTED" } });
  await db.importBatch.updateMany({ where: { id: batchId }, data: { status: waiting ? "IN_REVIEW" : "DONE", summary, file: null, sentAt: new Date() } });
  return summary;
}

/** One row's submitted change set, saved as the author's own draft would be (the same checks), in one transaction. */
async function saveProposal(author: Actor, batchId: string, proposal: Proposal): Promise<string> {
  const known = new Set(proposal.kind === "UPDATE" ? proposal.base.contacts.map((contact) => contact.id) : []);
  const document = proposal.proposed;
  return db.$transaction(async (tx) => {
    const { id, revision } = await saveDraftIn(tx, author, {
      kind: proposal.kind,
      organisationId: proposal.kind === "UPDATE" ? proposal.organisationId : null,
      document: { ...document, contacts: document.contacts.map(({ id: contactId, ...contact }) => ({ ...contact, id: known.has(contactId) ? contactId : undefined })) },
      note: "",
    });
    await tx.changeSet.update({ where: { id }, data: { importBatchId: batchId, importKeys: proposal.kind === "CREATE" ? proposal.keys : [] } });
    await submitChangeSetIn(tx, author, id, revision);
    return id;
  });
}

/**
 * The `approve` and `reject` steps: every change of the import still waiting, decided as the
 * review page decides one (a change that cannot be applied, e.g. it collides with an edit
 * published since, stays waiting for a decision of its own). Returns the public cache tags to refresh.
 */
export async function decideImportRows(batchId: string, reviewerId: string, decision: "approve" | "reject", note: string): Promise<{ decided: number; left: number; tags: string[] }> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId }, select: { status: true, summary: true } });
  if (!batch || batch.status !== "DECIDING") return { decided: 0, left: 0, tags: [] };
  const reviewer = await findActor(reviewerId);
  const tags = new Set<string>();
  let decided = 0;
  let left = 0;
  if (reviewer) {
    let after: string | undefined;
    for (;;) {
      const waiting = await db.changeSet.findMany({
        where: { importBatchId: batchId, status: "SUBMITTED", ...(after ? { id: { gt: after } } : {}) },
        select: { id: true },
        orderBy: { id: "asc" },
        take: progressEvery,
      });
      if (waiting.length === 0) break;
      for (const { id } of waiting) {
        try {
          if (decision === "approve") for (const tag of (await applyChangeSet(reviewer, id, "all", { note })).tags) tags.add(tag);
          else await declineChangeSet(reviewer, id, "REJECTED", note);
          decided++;
        } catch (error) {
          if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
          left++;
        }
      }
      after = waiting.at(-1)!.id;
      await db.importBatch.updateMany({ where: { id: batchId }, data: { done: decided + left } });
    }
  }
  const summary = { ...(batch.summary as ImportSummary), [decision === "approve" ? "approved" : "rejected"]: decided };
  const stillWaiting = await db.changeSet.count({ where: { importBatchId: batchId, status: "SUBMITTED" } });
  await db.importBatch.updateMany({
    where: { id: batchId },
    data: {
      status: stillWaiting ? "IN_REVIEW" : "DONE",
      summary,
      failure: reviewer ? (left ? `${left} ${left === 1 ? "change" : "changes"} could not be ${decision === "approve" ? "applied" : "rejected"} (published since, or decided meanwhile): decide ${left === 1 ? "it" : "them"} one by one.` : null) : "The reviewer's account is no longer active: nothing was decided.",
    },
  });
  return { decided, left, tags: [...tags] };
}

/**
 * A step that failed unexpectedly (the job is failed, with its error, on the jobs page): the
 * import says so. A check or a sending can be started again from the import's page (what was
 * already sent is unchanged then); changes not decided yet stay waiting.
 */
export async function importStepFailed(batchId: string, step: ImportStep, jobId: string): Promise<void> {
  const reference = `Something went wrong (job ${jobId}); try again, and if it fails again, give this reference to an administrator.`;
  if (step === "check" || step === "send") {
    await db.importBatch.updateMany({ where: { id: batchId, status: step === "check" ? "CHECKING" : "SENDING" }, data: { status: "FAILED", failure: reference } });
  } else {
    await db.importBatch.updateMany({ where: { id: batchId, status: "DECIDING" }, data: { status: "IN_REVIEW", failure: reference } });
  }
}
