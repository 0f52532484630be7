import { describe, expect, it } from "vitest";
import { notificationSettingsSchema } from "./account";

describe("notification settings", () => {
  it("reads ticked boxes as true and absent ones as false", () => {
    expect(notificationSettingsSchema.parse({ notifyReviewDigest: "on" })).toEqual({ notifyReviewDigest: true, notifyDecisions: false });
    expect(notificationSettingsSchema.parse({})).toEqual({ notifyReviewDigest: false, notifyDecisions: false });
  });

  it("refuses any other value, and fields it does not know", () => {
    expect(notificationSettingsSchema.safeParse({ notifyDecisions: "yes" }).error?.issues[0].message).toBe("Tick the box or leave it empty.");
    expect(notificationSettingsSchema.safeParse({ role: "ADMIN" }).success).toBe(false);
  });
});
