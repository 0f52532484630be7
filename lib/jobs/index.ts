import "server-only";
import type { z } from "zod";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { serverEnv } from "@/lib/env";
import { mailConfigured, type DecisionOutcome, type SuggestionOutcome } from "@/lib/mail";
import type { MailJob } from "./mail";
import { appQueues, type AppQueues, type QueueName } from "./queues";
import { JobRunner, type EnqueueOptions, type RunnerOptions } from "./runner";
import { seal } from "./sealed";

export type { EnqueueOptions } from "./runner";
export type { QueueName } from "./queues";

// One runner per process, on globalThis: Next loads a module from more than one bundle.
const holder = globalThis as unknown as { provaJobs?: JobRunner<AppQueues> };

/** This process's runner: a sender in a web server (started on first use), the worker's own in the worker. */
export function jobRunner(): JobRunner<AppQueues> {
  holder.provaJobs ??= new JobRunner(appQueues, { connectionString: serverEnv().DATABASE_URL, role: "sender" });
  return holder.provaJobs;
}

/** Starts working every queue in this process (scripts/worker.ts); `options` are for tests. */
export async function startWorkers(options: Partial<RunnerOptions> = {}): Promise<JobRunner<AppQueues>> {
  if (holder.provaJobs) throw new Error("This process already has a job runner: start the workers before sending any job.");
  const runner = new JobRunner(appQueues, { connectionString: serverEnv().DATABASE_URL, ...options, role: "worker" });
  holder.provaJobs = runner;
  await runner.work();
  return runner;
}

/** Stops this process's runner (graceful: jobs under way get `timeoutMs` to finish). */
export async function stopJobs(timeoutMs?: number): Promise<void> {
  const runner = holder.provaJobs;
  holder.provaJobs = undefined;
  await runner?.stop(timeoutMs);
}

/** Sends a job to one of the app's queues; with `tx`, inside that Prisma transaction. */
export function enqueue<N extends QueueName>(name: N, data: z.input<AppQueues[N]["data"]>, options?: EnqueueOptions): Promise<string | null> {
  return jobRunner().enqueue(name, data, options);
}

export type MailMessage =
  | { kind: "password-link"; to: string; name: string; reason: "invite" | "reset"; validHours: number; link: string; language?: Locale }
  | { kind: "suggestion-outcome"; to: string; name: string | null; organisation: string; outcome: SuggestionOutcome; note: string; language?: Locale }
  | { kind: "confirmation-request"; to: string; organisation: string; requestId: string }
  | { kind: "decision"; to: string; name: string; organisation: string; outcome: DecisionOutcome; note: string; changeSetId: string; language?: Locale }
  | { kind: "review-digest"; to: string; name: string; count: number; oldest: { name: string; days: number }[]; language?: Locale };

/** A mail job's data: the current format, a set-password link sealed. */
export function mailJobData(message: MailMessage): MailJob {
  // A confirmation request is written in its listing's language, read when it is sent.
  if (message.kind === "confirmation-request") return { format: 1, ...message };
  const addressed = { ...message, language: message.language ?? defaultLocale };
  return addressed.kind === "password-link" ? { format: 1, ...addressed, link: seal(addressed.link) } : { format: 1, ...addressed };
}

/**
 * Queues a message for the worker to send (retried while the mail server refuses). Returns false,
 * and queues nothing, when mail is not configured.
 */
export async function queueMail(message: MailMessage, options: EnqueueOptions = {}): Promise<boolean> {
  if (!mailConfigured()) return false;
  await enqueue("mail", mailJobData(message), options);
  return true;
}
