import "server-only";
import { z } from "zod";
import { scanDuplicates } from "@/lib/data/duplicate-scan";
import { defineQueue, type QueueSettings } from "./runner";

// Likely duplicate organisations: found every night among the published ones (lib/data/duplicates.ts),
// listed for staff at /admin/duplicates. The scan recomputes everything from what is published, so
// a job that runs twice, or again after a worker died mid-way, leaves the same list; scans run one
// at a time (an advisory lock), and the queue keeps at most one waiting and one running.

export const duplicatesScanQueue = defineQueue({
  data: z.strictObject({ format: z.literal(1) }),
  settings: {
    policy: "stately",
    retryLimit: 2,
    retryDelay: 600,
    // A few minutes at a million organisations; a worker that dies stops its heartbeat.
    expireInSeconds: 60 * 60,
    heartbeatSeconds: 60,
    deleteAfterSeconds: 14 * 24 * 60 * 60,
    notify: true,
  } satisfies QueueSettings,
  schedule: { cron: "41 2 * * *", data: { format: 1 } },
  describe: () => "Find likely duplicate organisations",
  handle: () => scanDuplicates(),
});
