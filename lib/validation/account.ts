import { z } from "zod";

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
