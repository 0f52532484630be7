"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/auth/define-action";
import { retryFailedJob } from "@/lib/data/jobs";
import { retryJobSchema } from "@/lib/validation/jobs";

/**
 * Gives a failed job one more attempt. Nothing is destroyed (the job keeps its id, data and
 * history), so it asks no confirmation; a job that is no longer failed is refused with a message.
 */
export const retryJob = defineAction({ name: "jobs.retry", schema: retryJobSchema, roles: ["ADMIN"] }, async ({ jobId }, actor) => {
  await retryFailedJob(actor, jobId);
  revalidatePath("/admin/jobs");
  // The job leaves the failed list: the page says what happened.
  redirect("/admin/jobs?retried=1");
});
