import "./zod-config";
import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

/** A checkbox: sent as "on" when ticked, absent when not. */
const checkbox = z
  .enum(["on"], { error: "Tick the box or leave it empty." })
  .optional()
  .transform((value) => value === "on");

/**
 * The mail a person wants, from their account page. Unticked boxes are not sent at all, so the
 * form names itself: a post without it (or an empty one) changes nothing.
 */
export const notificationSettingsSchema = z
  .strictObject({
    form: z.literal("mail-settings", { error: "Send your settings from your account page." }),
    notifyReviewDigest: checkbox,
    notifyDecisions: checkbox,
  })
  .transform(({ notifyReviewDigest, notifyDecisions }) => ({ notifyReviewDigest, notifyDecisions }));

export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

/** The language a person reads the admin and their e-mail in, from their account page. */
export const languageSettingSchema = z.strictObject({
  form: z.literal("language", { error: "Send your settings from your account page." }),
  language: z.enum(locales, { error: "Choose a language from the list." }),
});
