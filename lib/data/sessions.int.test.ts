import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { absoluteTimeoutMs, attemptPasswordSignIn, idleTimeoutMs, loadActiveSession, revokeAllSessions, revokeSession, signInWithPassword } from "./sessions";

const email = `session-${crypto.randomUUID().slice(0, 8)}@prova.test`;
const password = "correct horse battery staple";
let userId: string;

beforeAll(async () => {
  ({ id: userId } = await db.user.create({
    data: { email, name: "Sam Session", role: "EDITOR", passwordHash: await hashPassword(password) },
    select: { id: true },
  }));
});

afterAll(async () => {
  await db.user.delete({ where: { id: userId } });
  await db.$disconnect();
});

const minutes = (n: number) => n * 60 * 1000;

describe("signInWithPassword", () => {
  it("opens a session for the right password, whatever the e-mail's case", async () => {
    const session = await signInWithPassword(email.toUpperCase(), password);
    expect(session?.user).toMatchObject({ id: userId, role: "EDITOR", name: "Sam Session" });
  });

  it("answers an unknown e-mail, a wrong password and a disabled account the same way", async () => {
    expect(await signInWithPassword("nobody@prova.test", password)).toBeNull();
    expect(await signInWithPassword(email, "wrong password entirely")).toBeNull();
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    try {
      expect(await signInWithPassword(email, password)).toBeNull();
    } finally {
      await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
    }
  });

  it("says an account is disabled only to someone who gave its right password", async () => {
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    try {
      expect(await attemptPasswordSignIn(email, password)).toEqual({ refused: "disabled" });
      expect(await attemptPasswordSignIn(email, "wrong password entirely")).toEqual({ refused: "credentials" });
      expect(await attemptPasswordSignIn("nobody@prova.test", password)).toEqual({ refused: "credentials" });
    } finally {
      await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
    }
    expect(await attemptPasswordSignIn(email, password)).toMatchObject({ session: { user: { id: userId } } });
  });
});

describe("loadActiveSession", () => {
  async function open() {
    const session = await signInWithPassword(email, password);
    return session!.id;
  }

  it("accepts a fresh session and refuses nonsense ids", async () => {
    const id = await open();
    expect((await loadActiveSession(id))?.user.id).toBe(userId);
    expect(await loadActiveSession("not-a-uuid")).toBeNull();
    expect(await loadActiveSession(crypto.randomUUID())).toBeNull();
  });

  it("refuses a revoked session, and sign-out everywhere revokes them all", async () => {
    const one = await open();
    await revokeSession(one);
    expect(await loadActiveSession(one)).toBeNull();
    const [a, b] = [await open(), await open()];
    expect(await revokeAllSessions(userId)).toBeGreaterThanOrEqual(2);
    expect(await loadActiveSession(a)).toBeNull();
    expect(await loadActiveSession(b)).toBeNull();
  });

  it("refuses the session of a user disabled or whose role or password changed since", async () => {
    const id = await open();
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await loadActiveSession(id)).toBeNull();
    await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
    expect(await loadActiveSession(id)).not.toBeNull();
    await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActiveSession(id)).toBeNull();
  });

  it("ends a session after 30 idle minutes, and keeps an active one alive", async () => {
    const id = await open();
    const start = Date.now();
    expect(await loadActiveSession(id, new Date(start + idleTimeoutMs - minutes(1)))).not.toBeNull();
    // That request counted as activity: 29 more minutes later it is still alive.
    expect(await loadActiveSession(id, new Date(start + 2 * idleTimeoutMs - minutes(2)))).not.toBeNull();
    expect(await loadActiveSession(id, new Date(start + 3 * idleTimeoutMs))).toBeNull();
    expect(await loadActiveSession(id)).toBeNull();
  });

  it("ends a session 12 hours after sign-in, however active", async () => {
    const id = await open();
    const start = Date.now();
    for (let t = minutes(20); t < absoluteTimeoutMs; t += minutes(20)) {
      expect(await loadActiveSession(id, new Date(start + t))).not.toBeNull();
    }
    expect(await loadActiveSession(id, new Date(start + absoluteTimeoutMs + minutes(1)))).toBeNull();
  });
});
