import "server-only";
import { z } from "zod";
import { appUrl } from "@/lib/env";
import { passwordLinkSubject, sendPasswordLink, sendSuggestionOutcome, suggestionOutcomeSubject } from "@/lib/mail";
import { defineQueue, type QueueSettings } from "./runner";
import { sealedSchema, unseal } from "./sealed";

// Mail leaves the request: an action (or the approval's transaction) sends a job to the `mail`
// queue and the worker delivers it through lib/mail.ts, retrying while the mail server refuses.

const email = z.email().max(320);

/** What a mail job carries, format 1. A set-password link is sealed (lib/jobs/sealed.ts). */
export const mailJobSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    format: z.literal(1),
    kind: z.literal("password-link"),
    to: email,
    name: z.string().max(200),
    reason: z.enum(["invite", "reset"]),
    validHours: z.number().int().positive(),
    link: sealedSchema,
  }),
  z.strictObject({
    format: z.literal(1),
    kind: z.literal("suggestion-outcome"),
    to: email,
    name: z.string().max(200).nullable(),
    organisation: z.string().max(500),
    outcome: z.enum(["approved", "partly-approved", "rejected"]),
    note: z.string().max(10_000),
  }),
]);

export type MailJob = z.infer<typeof mailJobSchema>;

/** Recipient and subject of a mail job, for the admin page: never the link. */
export function describeMail(data: MailJob): { to: string; subject: string } {
  return { to: data.to, subject: data.kind === "password-link" ? passwordLinkSubject(data.reason) : suggestionOutcomeSubject(data.organisation) };
}

/**
 * A mail server that is away for hours still gets the message: 10 retries, 30 s after the first
 * failure and doubling up to an hour between tries (about 4 to 8 hours in all). A worker that dies
 * while sending stops its heartbeat, and the job is handed back within a minute.
 */
export const mailSettings: QueueSettings = {
  retryLimit: 10,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 3600,
  expireInSeconds: 300,
  heartbeatSeconds: 30,
  deleteAfterSeconds: 14 * 24 * 60 * 60,
  notify: true,
};

export const mailQueue = defineQueue({
  data: mailJobSchema,
  settings: mailSettings,
  concurrency: 2,
  describe(data) {
    const { to, subject } = describeMail(data);
    return `Mail to ${to}: ${subject}`;
  },
  // At least once: a worker that dies after the server accepted the message but before the job is
  // marked done sends it again on the retry, with the same Message-ID (the job's), which mail
  // clients show once. Everything else about a retry is the same message again.
  async handle(data, job) {
    const messageId = `<${job.id}@${new URL(appUrl()).hostname}>`;
    if (data.kind === "password-link") {
      await sendPasswordLink({ to: data.to, name: data.name, reason: data.reason, validHours: data.validHours, link: unseal(data.link), messageId });
    } else {
      await sendSuggestionOutcome({ to: data.to, name: data.name, organisation: data.organisation, outcome: data.outcome, note: data.note, messageId });
    }
    return { messageId };
  },
});
