import "server-only";
import nodemailer from "nodemailer";
import { createTranslator } from "use-intl/core";
import { serverEnv } from "@/lib/env";
import { countryNameIn, defaultLocale, formatDay, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import english from "@/messages/en.json";

// The messages to the public are in the recipient's language (messages/*.json, "Mail"); the
// subjects that the admin's jobs page lists are in English.
const inEnglish = createTranslator({ locale: defaultLocale, messages: english, namespace: "Mail" });

/** Whether outgoing mail is configured (SMTP_URL). Without it the admin passes set-password links on. */
export function mailConfigured(): boolean {
  return Boolean(serverEnv().SMTP_URL);
}

type Message = { to: string; subject: string; text: string; messageId?: string; headers?: Record<string, string> };

/**
 * Sends one plain-text message, or throws (the mail job is then retried). `messageId` makes a
 * message sent again after an unknown outcome the same message, which mail clients show once.
 */
async function send(message: Message): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = serverEnv();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set in the worker's environment: the message was not sent.");
  await nodemailer.createTransport(SMTP_URL, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000 }).sendMail({ from: MAIL_FROM, ...message });
}

type PasswordLink = { to: string; name: string; link: string; validHours: number; reason: "invite" | "reset"; messageId?: string };

export function passwordLinkSubject(reason: PasswordLink["reason"]): string {
  return reason === "invite" ? "Your PROVA directory account" : "Choose a new password for the PROVA directory";
}

/** E-mails a set-password link; throws when it cannot be sent. */
export function sendPasswordLink({ to, name, link, validHours, reason, messageId }: PasswordLink): Promise<void> {
  const opening =
    reason === "invite"
      ? "An account has been created for you in the PROVA directory."
      : "An administrator has reset your password for the PROVA directory.";
  return send({
    to,
    subject: passwordLinkSubject(reason),
    text: `Hello ${name},\n\n${opening} Choose your password here (the link works once, for ${validHours} hours):\n\n${link}\n\nIf you did not expect this message, you can ignore it.\n`,
    messageId,
  });
}

export type SuggestionOutcome = "approved" | "partly-approved" | "rejected";
type Outcome = { to: string; name: string | null; organisation: string; outcome: SuggestionOutcome; note: string; language: Locale; messageId?: string };

export function suggestionOutcomeSubject(organisation: string): string {
  return inEnglish("suggestionSubject", { organisation });
}

/** Tells a member of the public what became of their suggestion, in the language they wrote it in; throws when it cannot be sent. */
export async function sendSuggestionOutcome({ to, name, organisation, outcome, note, language, messageId }: Outcome): Promise<void> {
  const t = await translator(language, "Mail");
  const said = { approved: "approved", "partly-approved": "partly", rejected: "rejected" }[outcome];
  return send({
    to,
    subject: t("suggestionSubject", { organisation }),
    text: `${name ? t("helloName", { name }) : t("hello")}\n\n${t("suggestionOutcome", { organisation, outcome: said })}\n${note ? `\n${t("reviewerWrote", { note })}\n` : ""}\n${t("signature")}\n`,
    messageId,
  });
}

type ConfirmationRequest = {
  to: string;
  /** The listing as it is published, its countries by code. */
  listing: { name: string; acronym: string | null; website: string | null; description: string; countries: { code: string; name: string }[]; contacts: { type: string; label: string | null; value: string }[] };
  /** The language of the listing (its original): the message and its links are in it. */
  language: Locale;
  confirmLink: string;
  unsubscribeLink: string;
  /** Where a mail client's one-click unsubscription is POSTed. */
  oneClickUnsubscribe: string;
  expiresAt: Date;
  messageId?: string;
};

export function confirmationRequestSubject(organisation: string): string {
  return inEnglish("confirmationSubject", { organisation });
}

/**
 * Asks an organisation to confirm its listing: how it is listed, the link to answer, and a way to
 * stop these messages (also as List-Unsubscribe, which mail clients offer as a button: RFC 8058).
 */
export async function sendConfirmationRequest({ to, listing, language, confirmLink, unsubscribeLink, oneClickUnsubscribe, expiresAt, messageId }: ConfirmationRequest): Promise<void> {
  const t = await translator(language, "Mail");
  const contactTypes = await translator(language, "ContactTypes");
  const countries = listing.countries.map((country) => countryNameIn(language, country.code, country.name)).join(", ");
  const lines = [
    `${t("name")}: ${listing.name}${listing.acronym ? ` (${listing.acronym})` : ""}`,
    `${t("countries")}: ${countries || t("none")}`,
    `${t("website")}: ${listing.website ?? t("none")}`,
    ...listing.contacts.map((contact) => `${contact.label || contactTypes(contact.type as "EMAIL")}: ${contact.value}`),
    "",
    listing.description.length > 1_000 ? `${listing.description.slice(0, 1_000)}…` : listing.description,
  ];
  return send({
    to,
    subject: t("confirmationSubject", { organisation: listing.name }),
    text: `${t("hello")}\n\n${t("confirmationIntro")}\n\n${lines.join("\n")}\n\n${t("confirmationAsk", { date: formatDay(language, expiresAt) })}\n\n${confirmLink}\n\n${t("confirmationHow")}\n\n${t("unsubscribe", { link: unsubscribeLink })}\n\n${t("signature")}\n`,
    messageId,
    headers: { "List-Unsubscribe": `<${oneClickUnsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
}

export type DecisionOutcome = "approved" | "partly-approved" | "rejected" | "changes-requested";

const decisionWords: Record<DecisionOutcome, string> = {
  approved: "was approved: it is public now.",
  "partly-approved": "was partly approved: the accepted parts are public now.",
  rejected: "was rejected.",
  "changes-requested": "was sent back to you for changes.",
};

export function decisionSubject(organisation: string, outcome: DecisionOutcome): string {
  return `Your change to ${organisation} ${outcome === "changes-requested" ? "needs changes" : outcome === "rejected" ? "was rejected" : "was approved"}`;
}

type Decision = { to: string; name: string; organisation: string; outcome: DecisionOutcome; note: string; link: string; settings: string; messageId?: string };

/** Tells a member of staff what became of their change, with the reviewer's reason. */
export function sendDecision({ to, name, organisation, outcome, note, link, settings, messageId }: Decision): Promise<void> {
  return send({
    to,
    subject: decisionSubject(organisation, outcome),
    text: `Hello ${name},\n\nYour change to ${organisation} ${decisionWords[outcome]}\n${note ? `\nThe reviewer wrote: ${note}\n` : ""}\nSee it here: ${link}\n\nYou can turn these messages off on your account page: ${settings}\n`,
    messageId,
  });
}

export function reviewDigestSubject(count: number): string {
  return `${count === 1 ? "1 change has" : `${count} changes have`} waited for review for more than a day`;
}

type Digest = { to: string; name: string; count: number; oldest: { name: string; days: number }[]; link: string; settings: string; messageId?: string };

/** A reviewer's daily digest of the changes waiting longer than a day. */
export function sendReviewDigest({ to, name, count, oldest, link, settings, messageId }: Digest): Promise<void> {
  const lines = oldest.map((change) => `- ${change.name}, waiting ${change.days} ${change.days === 1 ? "day" : "days"}`);
  const more = count > oldest.length ? `\n…and ${count - oldest.length} more.` : "";
  return send({
    to,
    subject: reviewDigestSubject(count),
    text: `Hello ${name},\n\n${reviewDigestSubject(count)}, the oldest first:\n\n${lines.join("\n")}${more}\n\nReview them here: ${link}\n\nYou get this message once a day because you asked for it on your account page: ${settings}\n`,
    messageId,
  });
}
