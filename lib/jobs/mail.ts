import "server-only";
import { z } from "zod";
import { appUrl } from "@/lib/env";
import { defaultLocale, localePath, locales } from "@/lib/i18n/locales";
import { confirmationMessage, recordConfirmationFailed, recordConfirmationSent } from "@/lib/data/confirmation-delivery";
import { confirmationToken } from "@/lib/data/confirmations";
import {
  confirmationRequestSubject,
  decisionSubject,
  passwordLinkSubject,
  reviewDigestSubject,
  sendConfirmationRequest,
  sendDecision,
  sendPasswordLink,
  sendReviewDigest,
  sendSuggestionOutcome,
  suggestionOutcomeSubject,
} from "@/lib/mail";
import { defineQueue, type QueueSettings } from "./runner";
import { sealedSchema, unseal } from "./sealed";

// Mail leaves the request: an action (or the approval's transaction) sends a job to the `mail`
// queue and the worker delivers it through lib/mail.ts, retrying while the mail server refuses.

const email = z.email().max(320);
/** The recipient's language (jobs queued before messages had one: English). */
const language = z.enum(locales).default(defaultLocale);

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
    language,
  }),
  z.strictObject({
    format: z.literal(1),
    kind: z.literal("suggestion-outcome"),
    to: email,
    name: z.string().max(200).nullable(),
    organisation: z.string().max(500),
    outcome: z.enum(["approved", "partly-approved", "rejected"]),
    note: z.string().max(10_000),
    /** The language of the page the suggestion was sent from. */
    language,
  }),
  z.strictObject({
    format: z.literal(1),
    kind: z.literal("confirmation-request"),
    to: email,
    organisation: z.string().max(500),
    requestId: z.uuid(),
  }),
  z.strictObject({
    format: z.literal(1),
    kind: z.literal("decision"),
    to: email,
    name: z.string().max(200),
    organisation: z.string().max(500),
    outcome: z.enum(["approved", "partly-approved", "rejected", "changes-requested"]),
    note: z.string().max(10_000),
    changeSetId: z.uuid(),
    language,
  }),
  z.strictObject({
    format: z.literal(1),
    kind: z.literal("review-digest"),
    to: email,
    name: z.string().max(200),
    count: z.number().int().positive(),
    oldest: z.array(z.strictObject({ name: z.string().max(500), days: z.number().int().nonnegative() })).max(20),
    language,
  }),
]);

export type MailJob = z.infer<typeof mailJobSchema>;

/** Recipient and subject of a mail job, for the admin page: never the link. */
export function describeMail(data: MailJob): { to: string; subject: string } {
  switch (data.kind) {
    case "password-link":
      return { to: data.to, subject: passwordLinkSubject(data.reason) };
    case "suggestion-outcome":
      return { to: data.to, subject: suggestionOutcomeSubject(data.organisation) };
    case "confirmation-request":
      return { to: data.to, subject: confirmationRequestSubject(data.organisation) };
    case "decision":
      return { to: data.to, subject: decisionSubject(data.organisation, data.outcome) };
    case "review-digest":
      return { to: data.to, subject: reviewDigestSubject(data.count) };
  }
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
    const settings = `${appUrl()}/admin/account`;
    switch (data.kind) {
      case "password-link":
        await sendPasswordLink({ to: data.to, name: data.name, reason: data.reason, validHours: data.validHours, link: unseal(data.link), language: data.language, messageId });
        break;
      case "confirmation-request":
        return sendConfirmation(data.requestId, messageId);
      case "suggestion-outcome":
        await sendSuggestionOutcome({ to: data.to, name: data.name, organisation: data.organisation, outcome: data.outcome, note: data.note, language: data.language, messageId });
        break;
      case "decision":
        await sendDecision({ ...data, link: `${appUrl()}/admin/changes/${data.changeSetId}`, settings, messageId });
        break;
      case "review-digest":
        await sendReviewDigest({ ...data, link: `${appUrl()}/admin/reviews`, settings, messageId });
        break;
    }
    return { messageId };
  },
});

/**
 * A confirmation request's message, made from the listing as it is when it is sent (nothing for a
 * request answered, expired or already sent meanwhile, or to an address that unsubscribed or
 * bounced since). Recorded on the request: sent, or why not. A refusal of the recipient for good
 * (a 5xx to RCPT TO: no such mailbox) is not retried, and no request goes to the address again;
 * anything else is retried as any mail.
 */
async function sendConfirmation(requestId: string, messageId: string) {
  const message = await confirmationMessage(requestId);
  if (!message) return { messageId, skipped: "answered, expired, sent already, unsubscribed or no longer listed" };
  const token = confirmationToken(requestId);
  try {
    await sendConfirmationRequest({
      to: message.to,
      listing: message.listing,
      language: message.language,
      expiresAt: message.expiresAt,
      confirmLink: `${appUrl()}${localePath(message.language, `/confirm/${token}`)}`,
      unsubscribeLink: `${appUrl()}${localePath(message.language, `/confirm/${token}/unsubscribe`)}`,
      oneClickUnsubscribe: `${appUrl()}/api/unsubscribe/${token}`,
      messageId,
    });
  } catch (error) {
    // For good only when the server refused the recipient (no such mailbox): a refusal of the
    // sender, of the login or of the content is this side's to fix, and the address is not at fault.
    const { responseCode, command } = error as { responseCode?: number; command?: string };
    const permanent = command === "RCPT TO" && typeof responseCode === "number" && responseCode >= 500;
    await recordConfirmationFailed(requestId, error instanceof Error ? error.message : String(error), permanent);
    if (permanent) return { messageId, refused: error instanceof Error ? error.message : String(error) };
    throw error;
  }
  await recordConfirmationSent(requestId);
  return { messageId };
}
