import "server-only";
import { verifyPassword, hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import { isId } from "@/lib/validation/ids";

export const idleTimeoutMs = 30 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** "Last seen" is written at most this often, not on every request. */
const touchIntervalMs = 60 * 1000;

/** A signed-in person. `language` is absent for actors made outside a session (scripts, tests): English. */
export type SessionUser = { id: string; email: string; name: string; role: Role; language?: Locale };
export type ActiveSession = { id: string; user: SessionUser };

// Verifying against a real hash when the account does not exist keeps both answers equally slow.
let dummyHash: Promise<string> | undefined;

/** A sign-in's outcome: a session, or why not ("credentials" for an unknown e-mail and a wrong password alike). */
export type SignInOutcome = { session: ActiveSession } | { refused: "credentials" | "disabled" };

/**
 * Checks an e-mail and password and opens a session. An unknown e-mail and a wrong password get
 * the same answer, equally slow. A disabled account is named as such only to someone who gave its
 * right password: they can do nothing but ask an administrator, and anyone else learns nothing.
 */
export async function attemptPasswordSignIn(email: string, password: string): Promise<SignInOutcome> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, language: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid) return { refused: "credentials" };
  if (user.disabledAt) return { refused: "disabled" };
  const session = await db.session.create({ data: { userId: user.id, userVersion: user.sessionVersion }, select: { id: true } });
  return { session: { id: session.id, user: sessionUser(user) } };
}

/** attemptPasswordSignIn's session, or null whatever the reason. */
export async function signInWithPassword(email: string, password: string): Promise<ActiveSession | null> {
  const outcome = await attemptPasswordSignIn(email, password);
  return "session" in outcome ? outcome.session : null;
}

/**
 * The session behind a cookie, if it may still be used: not revoked, the user enabled and with
 * the same role and password as at sign-in, less than 30 minutes idle and 12 hours old.
 */
export async function loadActiveSession(sessionId: string, now = new Date()): Promise<ActiveSession | null> {
  if (!isId(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      userVersion: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, language: true, disabledAt: true, sessionVersion: true } },
    },
  });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  if (session.userVersion !== session.user.sessionVersion) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime();
  const age = now.getTime() - session.createdAt.getTime();
  if (idle > idleTimeoutMs || age > absoluteTimeoutMs) {
    await db.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  if (idle > touchIntervalMs) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { id: session.id, user: sessionUser(session.user) };
}

const sessionUser = (user: { id: string; email: string; name: string; role: Role; language: string }): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  language: isLocale(user.language) ? user.language : defaultLocale,
});

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Signs a user out everywhere: every open session of theirs is refused from the next request. */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
