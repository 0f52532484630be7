import "server-only";
import { z } from "zod";
import { checkImport, decideImportRows, importStepFailed, sendImportRows } from "@/lib/data/import-steps";
import { refreshPublicPages } from "./public-pages";
import { defineQueue, type QueueSettings } from "./runner";

// The long work of a spreadsheet import (lib/data/import-steps.ts): checking the file, sending
// its rows to review, deciding them all at once. Each step looks at the import's status first, so
// a job run twice, or again after a worker died mid-way, does the step once; the page shows the
// progress the step records.

export const importsQueue = defineQueue({
  data: z.strictObject({
    format: z.literal(1),
    batchId: z.uuid(),
    step: z.enum(["check", "send", "approve", "reject"]),
    /** Who asked: the author (check, send) or the reviewer (approve, reject). */
    actorId: z.uuid(),
    note: z.string().max(2000).default(""),
  }),
  settings: {
    retryLimit: 2,
    retryDelay: 60,
    // 200,000 rows sent to review take a while; a worker that dies stops its heartbeat.
    expireInSeconds: 4 * 60 * 60,
    heartbeatSeconds: 60,
    deleteAfterSeconds: 14 * 24 * 60 * 60,
    notify: true,
  } satisfies QueueSettings,
  describe: (data) => ({ check: "Check an import", send: "Send an import to review", approve: "Approve an import", reject: "Reject an import" })[data.step],
  async handle({ batchId, step, actorId, note }, job) {
    try {
      if (step === "check") return { summary: await checkImport(batchId) };
      if (step === "send") return { summary: await sendImportRows(batchId) };
      const { decided, left, tags } = await decideImportRows(batchId, actorId, step, note);
      await refreshPublicPages(tags);
      return { decided, left };
    } catch (error) {
      // The page says so (and shows the settings to try again), rather than a progress that never ends.
      await importStepFailed(batchId, step, job.id);
      throw error;
    }
  },
});
