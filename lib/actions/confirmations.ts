"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { afterCommit } from "@/lib/after-commit";
import { defineAction } from "@/lib/auth/define-action";
import { revalidatePublic } from "@/lib/cache";
import { liftSuppression } from "@/lib/data/confirmation-delivery";
import { askForNewLink, askForNewLinkByEmail, confirmListing, requestConfirmation, unsubscribe, type RequestOutcome } from "@/lib/data/confirmations";
import { enqueue } from "@/lib/jobs";
import { mailConfigured } from "@/lib/mail";
import { dueBatchSchema, newLinkSchema } from "@/lib/validation/verification";
import { formatDay, localePath } from "@/lib/i18n/locales";

const staff = ["ADMIN", "EDITOR", "REVIEWER"] as const;
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** What a request's outcome means, in words for staff and for the organisation asking again. */
function outcomeMessage(outcome: RequestOutcome): { ok: boolean; message: string } {
  switch (outcome.status) {
    case "queued":
      return { ok: true, message: "The request is on its way: the organisation gets an e-mail within minutes." };
    case "recently-asked":
      return { ok: false, message: `The organisation was asked on ${day.format(outcome.askedAt)}: a new request can go from ${day.format(outcome.nextAt)}.` };
    case "no-email":
      return { ok: false, message: "This listing has no e-mail address to ask: check it yourself." };
    case "suppressed":
      return {
        ok: false,
        message:
          outcome.reason === "UNSUBSCRIBED"
            ? `${outcome.email} asked to receive no more requests: check this listing yourself.`
            : `Mail to ${outcome.email} could not be delivered: check this listing yourself, and its address.`,
      };
    case "not-listed":
      return { ok: false, message: "This organisation is not listed." };
    case "bad-email":
      return { ok: false, message: `${outcome.email} is not an address mail can be sent to: check this listing yourself, and its address.` };
    case "mail-off":
      return { ok: false, message: "Outgoing mail is not configured (SMTP_URL): no request can be sent." };
  }
}

const tokenSchema = z.strictObject({ token: z.string().min(1).max(200) });

/** "Yes, this is correct": the link is the proof (no session). */
export const confirmListingAction = defineAction({ name: "confirmations.confirm", schema: tokenSchema, roles: "anyone" }, async ({ token }, { address, language }) => {
  const { opened, changed } = await confirmListing(token, address);
  if (opened.state === "valid") {
    afterCommit("confirmations.confirm: refreshing pages", () => {
      revalidatePublic(changed);
      revalidatePath("/admin", "layout");
    });
  }
  redirect(localePath(language, `/confirm/${encodeURIComponent(token)}`));
});

/** "Stop these messages". */
export const unsubscribeAction = defineAction({ name: "confirmations.unsubscribe", schema: tokenSchema, roles: "anyone" }, async ({ token }, { address, language }) => {
  const t = await getTranslations({ locale: language, namespace: "Confirm" });
  const done = await unsubscribe(token, address);
  if (!done) return { ok: false, message: t("unsubscribeInvalid") };
  return { ok: true, message: t("unsubscribed", { email: done.email }) };
});

/** A new link, for an organisation whose link expired. */
export const askForNewLinkAction = defineAction({ name: "confirmations.ask-again", schema: tokenSchema, roles: "anyone" }, async ({ token }, { address, language }) => {
  const t = await getTranslations({ locale: language, namespace: "Confirm" });
  const outcome = await askForNewLink(token, address);
  if (!outcome) return { ok: false, message: t("newLinkInvalid") };
  if (outcome.status === "queued") return { ok: true, message: t("newLinkQueued") };
  if (outcome.status === "recently-asked") {
    return { ok: false, message: t("newLinkRecent", { askedAt: formatDay(language, outcome.askedAt), nextAt: formatDay(language, outcome.nextAt) }) };
  }
  return { ok: false, message: t("newLinkNone") };
});

/** A new link for the listing whose e-mail address this is: the same answer whether it is listed or not. */
export const askForNewLinkByEmailAction = defineAction({ name: "confirmations.ask-by-email", schema: newLinkSchema, roles: "anyone" }, async ({ email }, { address, language }) => {
  await askForNewLinkByEmail(email, address);
  const t = await getTranslations({ locale: language, namespace: "Confirm" });
  return { ok: true, message: t("newLinkByEmailSent", { email }) };
});

const organisationIdSchema = z.strictObject({ organisationId: z.uuid({ error: "This organisation does not exist." }) });

/** Staff ask one organisation to confirm its listing. */
export const requestConfirmationAction = defineAction({ name: "confirmations.request", schema: organisationIdSchema, roles: staff }, async ({ organisationId }, actor) => {
  const outcome = await requestConfirmation(organisationId, actor);
  if (outcome.status === "queued") afterCommit("confirmations.request: refreshing pages", () => revalidatePath("/admin", "layout"));
  return outcomeMessage(outcome);
});

/** Staff ask every overdue listing of the due list's filter, as a job. */
export const requestDueConfirmationsAction = defineAction({ name: "confirmations.request-due", schema: dueBatchSchema, roles: staff }, async ({ country, kind }, actor) => {
  if (!mailConfigured()) return { ok: false, message: "Outgoing mail is not configured (SMTP_URL): no request can be sent." };
  await enqueue("confirmations-due", { format: 1, country, kind, requestedById: actor.id });
  return { ok: true, message: "Asking the overdue listings of this list: a worker sends the requests within minutes (those asked in the last 30 days are left out)." };
});

/** Staff write to an address again that unsubscribed or bounced. */
export const liftSuppressionAction = defineAction({ name: "confirmations.lift-suppression", schema: newLinkSchema, roles: staff }, async ({ email }, actor) => {
  // The page is not refreshed: the form stays, with this message, until the next visit.
  const lifted = await liftSuppression(actor, email);
  return lifted ? { ok: true, message: `${email} can be asked again.` } : { ok: false, message: `${email} was not stopped.` };
});
