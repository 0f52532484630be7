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
import { formatDay, localePath, type Locale } from "@/lib/i18n/locales";

const staff = ["ADMIN", "EDITOR", "REVIEWER"] as const;

/** What a request's outcome means, in words for the staff member who asked. */
async function outcomeMessage(outcome: RequestOutcome, language: Locale): Promise<{ ok: boolean; message: string }> {
  const t = await getTranslations({ locale: language, namespace: "Outcomes" });
  switch (outcome.status) {
    case "queued":
      return { ok: true, message: t("requestQueued") };
    case "recently-asked":
      return { ok: false, message: t("requestRecent", { askedAt: formatDay(language, outcome.askedAt), nextAt: formatDay(language, outcome.nextAt) }) };
    case "no-email":
      return { ok: false, message: t("requestNoEmail") };
    case "suppressed":
      return { ok: false, message: t(outcome.reason === "UNSUBSCRIBED" ? "requestUnsubscribed" : "requestBounced", { email: outcome.email }) };
    case "not-listed":
      return { ok: false, message: t("requestNotListed") };
    case "bad-email":
      return { ok: false, message: t("requestBadEmail", { email: outcome.email }) };
    case "mail-off":
      return { ok: false, message: t("mailOff") };
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
  return outcomeMessage(outcome, actor.language);
});

/** Staff ask every overdue listing of the due list's filter, as a job. */
export const requestDueConfirmationsAction = defineAction({ name: "confirmations.request-due", schema: dueBatchSchema, roles: staff }, async ({ country, kind }, actor) => {
  const t = await getTranslations({ locale: actor.language, namespace: "Outcomes" });
  if (!mailConfigured()) return { ok: false, message: t("mailOff") };
  await enqueue("confirmations-due", { format: 1, country, kind, requestedById: actor.id });
  return { ok: true, message: t("dueQueued") };
});

/** Staff write to an address again that unsubscribed or bounced. */
export const liftSuppressionAction = defineAction({ name: "confirmations.lift-suppression", schema: newLinkSchema, roles: staff }, async ({ email }, actor) => {
  // The page is not refreshed: the form stays, with this message, until the next visit.
  const lifted = await liftSuppression(actor, email);
  const t = await getTranslations({ locale: actor.language, namespace: "Outcomes" });
  return lifted ? { ok: true, message: t("suppressionLifted", { email }) } : { ok: false, message: t("suppressionNone", { email }) };
});
