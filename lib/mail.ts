import "server-only";
import nodemailer from "nodemailer";
import { serverEnv } from "@/lib/env";

/** Sends one plain-text message; false (and a log line) when it fails, never an exception. */
async function send(message: { to: string; subject: string; text: string }, what: string): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = serverEnv();
  if (!SMTP_URL) return false;
  try {
    await nodemailer.createTransport(SMTP_URL, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000 }).sendMail({ from: MAIL_FROM, ...message });
    return true;
  } catch (error) {
    console.error(`[mail] could not send ${what} to ${message.to}:`, error);
    return false;
  }
}

type PasswordLink = { to: string; name: string; link: string; validHours: number; reason: "invite" | "reset" };

/**
 * E-mails a set-password link when SMTP_URL is configured. Returns whether it was sent; the admin
 * is shown the link either way, so a mail failure is logged, not fatal.
 */
export function sendPasswordLink({ to, name, link, validHours, reason }: PasswordLink): Promise<boolean> {
  const opening =
    reason === "invite"
      ? "An account has been created for you in the PROVA directory."
      : "An administrator has reset your password for the PROVA directory.";
  return send(
    {
      to,
      subject: reason === "invite" ? "Your PROVA directory account" : "Choose a new password for the PROVA directory",
      text: `Hello ${name},\n\n${opening} Choose your password here (the link works once, for ${validHours} hours):\n\n${link}\n\nIf you did not expect this message, you can ignore it.\n`,
    },
    "the password link",
  );
}

type Outcome = { to: string; name: string | null; organisation: string; outcome: "approved" | "partly-approved" | "rejected"; note: string };

const outcomes: Record<Outcome["outcome"], string> = {
  approved: "was approved: the directory shows it now.",
  "partly-approved": "was partly approved: the directory shows the parts a reviewer could confirm.",
  rejected: "was not taken up.",
};

/** Tells a member of the public what became of their suggestion, when they left an e-mail and SMTP is configured. */
export function sendSuggestionOutcome({ to, name, organisation, outcome, note }: Outcome): Promise<boolean> {
  return send(
    {
      to,
      subject: `Your suggestion about ${organisation}`,
      text: `Hello${name ? ` ${name}` : ""},\n\nThank you for your suggestion about ${organisation}. It ${outcomes[outcome]}\n${note ? `\nThe reviewer wrote: ${note}\n` : ""}\nThe PROVA directory\n`,
    },
    "the outcome of a suggestion",
  );
}
