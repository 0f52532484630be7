import "server-only";
import { z } from "zod";
import { assertMay, type Actor } from "@/lib/data/actor";
import { recordAudit } from "@/lib/data/audit";
import { NotFoundError } from "@/lib/data/errors";
import { jobRunner } from "@/lib/jobs";
import { describeMail, mailJobSchema } from "@/lib/jobs/mail";
import { appQueues } from "@/lib/jobs/queues";
import type { QueueDefinition } from "@/lib/jobs/runner";

// The admin page's view of the background jobs: SQL on pg-boss's tables (schema `pgboss`) through
// its own connection pool, and its API for a retry. Only the app's queues are shown.

/** How far back the page counts failed and completed jobs: as long as pg-boss keeps them (lib/jobs/mail.ts). */
export const recentDays = 14;

const queueNames = Object.keys(appQueues);
const failedListLimit = 50;

export type QueueCounts = { name: string; queued: number; active: number; failed: number; completed: number };
export type FailedJob = { id: string; queue: string; about: string | null; error: string; attempts: number; failedAt: Date | null; createdAt: Date };
export type UndeliveredMail = { id: string; to: string; subject: string; error: string; attempts: number; failedAt: Date | null };
export type WorkerStatus = { running: number; lastHeardAt: Date | null };
export type JobsOverview = { queues: QueueCounts[]; failed: FailedJob[]; undeliveredMail: UndeliveredMail[]; workers: WorkerStatus };

const countRow = z.object({ name: z.string(), queued: z.coerce.number(), active: z.coerce.number(), failed: z.coerce.number(), completed: z.coerce.number() });
const failedRow = z.object({
  id: z.string(),
  name: z.string(),
  data: z.unknown(),
  output: z.unknown(),
  retry_count: z.coerce.number(),
  created_on: z.coerce.date(),
  completed_on: z.coerce.date().nullable(),
});

/** pg-boss stores a thrown error as its serialisation, a shutdown as a string: the message either way. */
const errorOutput = z.union([z.object({ message: z.string() }).loose(), z.object({ value: z.string() }).loose().transform((output) => ({ message: output.value })), z.string().transform((message) => ({ message }))]);

function errorMessage(output: unknown): string {
  const parsed = errorOutput.safeParse(output);
  const message = parsed.success ? parsed.data.message : output == null ? "No error was recorded." : JSON.stringify(output);
  return message.length > 1_000 ? `${message.slice(0, 1_000)}…` : message;
}

/** What a job is about, from its queue's own description; null when its data does not fit the format. */
function about(queue: string, data: unknown): string | null {
  // Looked up by a name read from the database: any queue's definition, its data unknown until parsed.
  const definition = appQueues[queue as keyof typeof appQueues] as QueueDefinition | undefined;
  const parsed = definition?.data.safeParse(data);
  return parsed?.success && definition?.describe ? definition.describe(parsed.data) : null;
}

/** Each queue's jobs by state (failed and completed within `recentDays`), failed jobs newest first, undelivered mail, live workers. */
export async function getJobsOverview(actor: Actor): Promise<JobsOverview> {
  assertMay(actor, "jobs.manage");
  const runner = jobRunner();
  const job = runner.table("job");
  const window = `${recentDays} days`;
  const [counts, failed, instances] = await Promise.all([
    runner.query(
      `SELECT name,
              count(*) FILTER (WHERE state IN ('created', 'retry')) AS queued,
              count(*) FILTER (WHERE state = 'active') AS active,
              count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - $2::interval) AS failed,
              count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - $2::interval) AS completed
         FROM ${job} WHERE name = ANY($1::text[]) GROUP BY name`,
      [queueNames, window],
    ),
    runner.query(
      `SELECT id, name, data, output, retry_count, created_on, completed_on
         FROM ${job} WHERE name = ANY($1::text[]) AND state = 'failed'
        ORDER BY completed_on DESC NULLS LAST, id LIMIT ${failedListLimit}`,
      [queueNames],
    ),
    runner.boss.getInstances(),
  ]);
  const byName = new Map(counts.map((row) => countRow.parse(row)).map((row) => [row.name, row]));
  const rows = failed.map((row) => failedRow.parse(row));
  const workers = instances.filter((instance) => instance.live && instance.name === "prova-worker");
  return {
    queues: queueNames.map((name) => byName.get(name) ?? { name, queued: 0, active: 0, failed: 0, completed: 0 }),
    failed: rows.map((row) => ({
      id: row.id,
      queue: row.name,
      about: about(row.name, row.data),
      error: errorMessage(row.output),
      attempts: row.retry_count + 1,
      failedAt: row.completed_on,
      createdAt: row.created_on,
    })),
    undeliveredMail: rows.flatMap((row) => {
      const mail = row.name === "mail" ? mailJobSchema.safeParse(row.data) : null;
      if (!mail?.success) return [];
      return [{ id: row.id, ...describeMail(mail.data), error: errorMessage(row.output), attempts: row.retry_count + 1, failedAt: row.completed_on }];
    }),
    workers: { running: workers.length, lastHeardAt: workers.reduce<Date | null>((last, instance) => (!last || instance.heartbeatOn > last ? instance.heartbeatOn : last), null) },
  };
}

/**
 * Sends a failed job back to its queue: pg-boss gives it one more attempt (its data, history and id
 * stay; nothing is deleted). Retrying a job that is no longer failed is refused as not found.
 */
export async function retryFailedJob(actor: Actor, jobId: string): Promise<{ queue: string }> {
  assertMay(actor, "jobs.manage");
  const runner = jobRunner();
  const [row] = await runner.query<{ name: string }>(`SELECT name FROM ${runner.table("job")} WHERE id = $1::uuid AND state = 'failed' AND name = ANY($2::text[])`, [jobId, queueNames]);
  if (!row) throw new NotFoundError(`This job has not failed (any more): it may have been retried already, or removed after ${recentDays} days.`);
  await runner.boss.retry(row.name, jobId);
  // A retry sends no NOTIFY, so an idle worker would find it at its next poll; moving its start to
  // now does, and a worker takes it within a second.
  await runner.boss.update(row.name, undefined, { id: jobId, startAfter: 0 });
  await recordAudit({ action: "job.retried", actorId: actor.id, subject: `job:${jobId}`, address: actor.address, details: { queue: row.name } });
  return { queue: row.name };
}
