import { describe, expect, it } from "vitest";
import { notificationSettingsSchema } from "./account";

describe("notification settings", () => {
  it("reads ticked boxes as true and absent ones as false", () => {
    expect(notificationSettingsSchema.parse({ form: "mail-settings", notifyReviewDigest: "on" })).toEqual({ notifyReviewDigest: true, notifyDecisions: false });
    expect(notificationSettingsSchema.parse({ form: "mail-settings" })).toEqual({ notifyReviewDigest: false, notifyDecisions: false });
  });

  it("refuses any other value, fields it does not know, and a post that is not the form's (an empty one)", () => {
    expect(notificationSettingsSchema.safeParse({ form: "mail-settings", notifyDecisions: "yes" }).error?.issues[0].message).toBe("Tick the box or leave it empty.");
    expect(notificationSettingsSchema.safeParse({ form: "mail-settings", role: "ADMIN" }).success).toBe(false);
    expect(notificationSettingsSchema.safeParse({}).error?.issues[0].message).toBe("Send your settings from your account page.");
  });
});
