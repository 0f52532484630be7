import { z } from "zod";

/** A checkbox: sent as "on" when ticked, absent when not. */
const checkbox = z
  .enum(["on"], { error: "Tick the box or leave it empty." })
  .optional()
  .transform((value) => value === "on");

/** The mail a person wants, from their account page. */
export const notificationSettingsSchema = z.strictObject({
  notifyReviewDigest: checkbox,
  notifyDecisions: checkbox,
});

export type NotificationSettings = z.output<typeof notificationSettingsSchema>;
