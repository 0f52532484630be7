import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { purgeAddresses, recordAudit } from "./audit";
import { mayAttemptSignIn, recordSignInAttempt } from "./login-attempts";

afterAll(() => db.$disconnect());

const settings = { maxFailures: 3, windowMinutes: 15 };

describe("mayAttemptSignIn", () => {
  it("allows attempts until an account or an address reaches the limit, then again after the window", async () => {
    const email = `throttle-${crypto.randomUUID().slice(0, 8)}@prova.test`;
    const address = `test-${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) {
      expect(await mayAttemptSignIn(email, address, settings)).toBe(true);
      await recordSignInAttempt(email, `other-${i}-${address}`, false);
    }
    expect(await mayAttemptSignIn(email, address, settings)).toBe(false);
    expect(await mayAttemptSignIn(email.toUpperCase(), "elsewhere", settings)).toBe(false);
    expect(await mayAttemptSignIn("someone-else@prova.test", address, settings)).toBe(true);
    const later = new Date(Date.now() + 16 * 60 * 1000);
    expect(await mayAttemptSignIn(email, address, settings, later)).toBe(true);
  });

  it("counts failures per address across accounts", async () => {
    const address = `test-${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) await recordSignInAttempt(`a${i}-${address}@prova.test`, address, false);
    expect(await mayAttemptSignIn("fresh@prova.test", address, settings)).toBe(false);
  });
});

describe("purgeAddresses", () => {
  it("removes client addresses older than the retention period, and nothing newer", async () => {
    const subject = `purge-${crypto.randomUUID().slice(0, 8)}`;
    await recordAudit({ action: "sign-in.failure", subject, address: "203.0.113.5" });
    const inOneYear = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
    await purgeAddresses(90);
    expect((await db.auditEvent.findFirst({ where: { subject } }))?.address).toBe("203.0.113.5");
    await purgeAddresses(90, inOneYear);
    expect((await db.auditEvent.findFirst({ where: { subject } }))?.address).toBeNull();
    expect(await db.loginAttempt.count({ where: { createdAt: { lt: new Date(inOneYear.getTime() - 90 * 86_400_000) } } })).toBe(0);
  });
});
