import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { purgeAddresses, recordAudit } from "./audit";
import { beginSignInAttempt, mayAttemptSignIn, retryAt, signInRetryAt } from "./login-attempts";

/** A past attempt, written directly (the app records attempts through beginSignInAttempt). */
const recordSignInAttempt = (email: string, address: string, succeeded: boolean, createdAt = new Date()) =>
  db.loginAttempt.create({ data: { email: email.trim().toLowerCase(), address, succeeded, createdAt } });

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

  it("from one address, each failure past the limit doubles the wait, up to a day", async () => {
    const email = `growing-${crypto.randomUUID().slice(0, 8)}@prova.test`;
    const address = `test-${crypto.randomUUID().slice(0, 8)}`;
    const start = Date.now();
    const at = (minutes: number) => new Date(start + minutes * 60 * 1000);
    for (let i = 0; i < 3; i++) await recordSignInAttempt(`${i}-${email}`, address, false, at(0));
    expect(await mayAttemptSignIn(email, address, settings, at(14))).toBe(false);
    expect(await mayAttemptSignIn(email, address, settings, at(15))).toBe(true);
    await recordSignInAttempt(email, address, false, at(15));
    expect(await mayAttemptSignIn(email, address, settings, at(44))).toBe(false);
    expect(await mayAttemptSignIn(email, address, settings, at(45))).toBe(true);
    await recordSignInAttempt(email, address, false, at(45));
    expect(await mayAttemptSignIn(email, address, settings, at(104))).toBe(false);
    expect(await mayAttemptSignIn(email, address, settings, at(105))).toBe(true);
  });

  it("for an account attacked from many addresses, the limit stays flat: its owner waits one window at most", async () => {
    const email = `flat-${crypto.randomUUID().slice(0, 8)}@prova.test`;
    const start = Date.now();
    const at = (minutes: number) => new Date(start + minutes * 60 * 1000);
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) await recordSignInAttempt(email, `attacker-${round}-${i}`, false, at(round * 16));
      expect(await mayAttemptSignIn(email, "owner", settings, at(round * 16 + 1))).toBe(false);
      expect(await mayAttemptSignIn(email, "owner", settings, at(round * 16 + 15.5))).toBe(true);
    }
  });

  it("parallel guesses cannot all pass one check: at most the limit get through", async () => {
    const email = `race-${crypto.randomUUID().slice(0, 8)}@prova.test`;
    const attempts = await Promise.all(Array.from({ length: 12 }, () => beginSignInAttempt(email, `race-${email}`, settings)));
    expect(attempts.filter((started) => "attempt" in started)).toHaveLength(3);
    // Refused attempts are not counted.
    expect(await db.loginAttempt.count({ where: { email } })).toBe(3);
  });

  it("counts failures per address across accounts", async () => {
    const address = `test-${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) await recordSignInAttempt(`a${i}-${address}@prova.test`, address, false);
    expect(await mayAttemptSignIn("fresh@prova.test", address, settings)).toBe(false);
  });
});

describe("signInRetryAt and beginSignInAttempt", () => {
  const minute = 60 * 1000;

  it("a refused sign-in says when to try again: when the address's growing delay ends", async () => {
    const email = `when-${crypto.randomUUID().slice(0, 8)}@prova.test`;
    const address = `test-${crypto.randomUUID().slice(0, 8)}`;
    const start = Date.now() - 5 * minute;
    for (let i = 0; i < 4; i++) await recordSignInAttempt(`${i}-${email}`, address, false, new Date(start + i * 1000));
    // Four failures from the address, the last at start + 3 s: 30 minutes after it.
    expect(await signInRetryAt(email, address, settings)).toEqual(new Date(start + 3000 + 30 * minute));
    const started = await beginSignInAttempt(email, address, settings);
    expect(started).toEqual({ retryAt: new Date(start + 3000 + 30 * minute) });
    expect(await signInRetryAt(email, "elsewhere", settings)).toBeNull();
  });

  it("for an account, when the limit-th latest failure leaves the window, whether the account exists or not", async () => {
    const start = Date.now() - 10 * minute;
    const run = crypto.randomUUID().slice(0, 8);
    const user = await db.user.create({ data: { email: `someone-${run}@prova.test`, name: "Someone", role: "EDITOR" }, select: { id: true, email: true } });
    const waits = [];
    for (const email of [user.email, `nobody-${run}@prova.test`]) {
      // Long ago (outside the window), then four failures 1 minute apart, from four addresses.
      await recordSignInAttempt(email, `${run}-old`, false, new Date(start - 20 * minute));
      for (let i = 0; i < 4; i++) await recordSignInAttempt(email, `${run}-spread-${i}`, false, new Date(start + i * minute));
      const until = await signInRetryAt(email, "owner", settings, new Date(start + 4 * minute));
      // The 3rd latest is at start + 1 minute: 15 minutes after it, two failures are left in the window.
      expect(until).toEqual(new Date(start + 16 * minute));
      expect(await mayAttemptSignIn(email, "owner", settings, new Date(start + 16 * minute + 1))).toBe(true);
      waits.push(until);
    }
    expect(waits[0]).toEqual(waits[1]);
    await db.user.delete({ where: { id: user.id } });
  });
});

describe("retryAt", () => {
  it("is null below the limit and never more than a day after the last failure", () => {
    const last = new Date("2026-01-01T00:00:00Z");
    expect(retryAt(2, last, settings)).toBeNull();
    expect(retryAt(3, last, settings)).toEqual(new Date("2026-01-01T00:15:00Z"));
    expect(retryAt(5, last, settings)).toEqual(new Date("2026-01-01T01:00:00Z"));
    expect(retryAt(50, last, settings)).toEqual(new Date("2026-01-02T00:00:00Z"));
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

describe("purgeAddresses and public suggestions", () => {
  it("removes a decided suggestion's name, e-mail and address after the retention period, not before, and never an undecided one's", async () => {
    const make = (decidedAt: Date | null) =>
      db.changeSet.create({
        data: { kind: "CREATE", status: decidedAt ? "REJECTED" : "SUBMITTED", public: true, proposed: {}, suggesterName: "Sam", suggesterEmail: "sam@example.org", suggesterAddress: "203.0.113.9", decidedAt },
        select: { id: true },
      });
    const old = await make(new Date(Date.now() - 100 * 24 * 60 * 60 * 1000));
    const recent = await make(new Date());
    const pending = await make(null);
    try {
      await purgeAddresses(90, new Date(), 90);
      const rows = await db.changeSet.findMany({ where: { id: { in: [old.id, recent.id, pending.id] } }, select: { id: true, suggesterEmail: true, suggesterName: true, suggesterAddress: true } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(old.id)).toMatchObject({ suggesterEmail: null, suggesterName: null, suggesterAddress: null });
      expect(byId.get(recent.id)?.suggesterEmail).toBe("sam@example.org");
      expect(byId.get(pending.id)?.suggesterEmail).toBe("sam@example.org");
    } finally {
      await db.changeSet.deleteMany({ where: { id: { in: [old.id, recent.id, pending.id] } } });
    }
  });
});
