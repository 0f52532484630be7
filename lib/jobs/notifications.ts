import "server-only";
import { z } from "zod";
import { reviewDigests } from "@/lib/data/notifications";
import { defineQueue, type QueueSettings } from "./runner";

// The daily review digest: every morning (pg-boss fires a schedule once, whatever the number of
// workers) each reviewer and admin who asked for it gets one message listing the changes waiting
// for them longer than a day. A run again the same day (a retry) sends no second message: each
// digest is a mail job keyed by person and day.

export const reviewDigestQueue = defineQueue({
  data: z.strictObject({ format: z.literal(1) }),
  settings: { retryLimit: 2, retryDelay: 300, expireInSeconds: 15 * 60, deleteAfterSeconds: 14 * 24 * 60 * 60, notify: true } satisfies QueueSettings,
  schedule: { cron: "0 7 * * *", data: { format: 1 } },
  describe: () => "Send the daily review digests",
  async handle() {
    const { queueMail } = await import("./index");
    const day = new Date().toISOString().slice(0, 10);
    const digests = await reviewDigests();
    for (const { userId, ...digest } of digests) {
      await queueMail({ kind: "review-digest", ...digest }, { singletonKey: `review-digest:${userId}:${day}`, singletonSeconds: 24 * 60 * 60 });
    }
    return { digests: digests.length };
  },
});
