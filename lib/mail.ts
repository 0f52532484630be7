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

type PasswordLink = { to: string; name: string; link: string; validHours: number; reason: "invite" | "reset"; language: Locale; messageId?: string };

export function passwordLinkSubject(reason: PasswordLink["reason"]): string {
  return inEnglish("passwordSubject", { reason });
}

/** E-mails a set-password link, in the recipient's language; throws when it cannot be sent. */
export async function sendPasswordLink({ to, name, link, validHours, reason, language, messageId }: PasswordLink): Promise<void> {
  const t = await translator(language, "Mail");
  return send({
    to,
    subject: t("passwordSubject", { reason }),
    text: `${t("helloName", { name })}\n\n${t("passwordOpening", { reason })} ${t("passwordChoose", { hours: validHours })}\n\n${link}\n\n${t("passwordIgnore")}\n`,
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

/** A decision as the messages' select names it. */
const decisionSaid = { approved: "approved", "partly-approved": "partly", rejected: "rejected", "changes-requested": "changes" } as const;

export function decisionSubject(organisation: string, outcome: DecisionOutcome): string {
  return inEnglish("decisionSubject", { organisation, outcome: decisionSaid[outcome] });
}

type Decision = { to: string; name: string; organisation: string; outcome: DecisionOutcome; note: string; link: string; settings: string; language: Locale; messageId?: string };

/** Tells a member of staff what became of their change, with the reviewer's reason, in their language. */
export async function sendDecision({ to, name, organisation, outcome, note, link, settings, language, messageId }: Decision): Promise<void> {
  const t = await translator(language, "Mail");
  const said = decisionSaid[outcome];
  return send({
    to,
    subject: t("decisionSubject", { organisation, outcome: said }),
    text: `${t("helloName", { name })}\n\n${t("decisionOutcome", { organisation, outcome: said })}\n${note ? `\n${t("reviewerWrote", { note })}\n` : ""}\n${t("decisionLink", { link })}\n\n${t("decisionSettings", { link: settings })}\n`,
    messageId,
  });
}

export function reviewDigestSubject(count: number): string {
  return inEnglish("digestSubject", { count });
}

type Digest = { to: string; name: string; count: number; oldest: { name: string; days: number }[]; link: string; settings: string; language: Locale; messageId?: string };

/** A reviewer's daily digest of the changes waiting longer than a day, in their language. */
export async function sendReviewDigest({ to, name, count, oldest, link, settings, language, messageId }: Digest): Promise<void> {
  const t = await translator(language, "Mail");
  const lines = oldest.map((change) => t("digestLine", { name: change.name, days: change.days }));
  const more = count > oldest.length ? `\n${t("digestMore", { count: count - oldest.length })}` : "";
  return send({
    to,
    subject: t("digestSubject", { count }),
    text: `${t("helloName", { name })}\n\n${t("digestIntro", { count })}\n\n${lines.join("\n")}${more}\n\n${t("digestLink", { link })}\n\n${t("digestSettings", { link: settings })}\n`,
    messageId,
  });
}
