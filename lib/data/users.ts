import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertMay, type Actor } from "@/lib/data/actor";

export type UserDto = { id: string; email: string; name: string; role: Role; disabledAt: Date | null; language: string };

/** How long a set-password link works. */
export const passwordLinkHours = 72;

const userSelect = { id: true, email: true, name: true, role: true, disabledAt: true, language: true } as const;

/** Creates an account with a password (npm run user:create); it must have passed lib/validation/password. */
export async function createUser(input: { email: string; name: string; role: Role; password: string }): Promise<UserDto> {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ConflictError(`An account for ${email} already exists.`);
  }
  return db.user.create({
    data: { email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) },
    select: userSelect,
  });
}

/** Which of these e-mail addresses have an account. */
export async function existingAccounts(emails: string[]): Promise<string[]> {
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  return users.map((user) => user.email);
}

export type UserListItem = UserDto & { createdAt: Date; hasPassword: boolean; lastSeenAt: Date | null };

/** Every account, admins first, then by name, with whether a password is set and when they were last seen. */
export async function listUsers(): Promise<UserListItem[]> {
  const users = await db.user.findMany({
    select: { ...userSelect, createdAt: true, passwordHash: true, sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: "desc" }, take: 1 } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
  return users.map(({ passwordHash, sessions, ...user }) => ({ ...user, hasPassword: passwordHash !== null, lastSeenAt: sessions[0]?.lastSeenAt ?? null }));
}

type Tx = Prisma.TransactionClient;

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new one-time link token for a user; earlier unused ones stop working. */
async function issuePasswordToken(tx: Tx, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordToken.create({
    data: { userId, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + passwordLinkHours * 60 * 60 * 1000) },
  });
  return token;
}

/**
 * Creates an account without a password and returns a one-time token for its set-password link.
 * The audit event is written in the same transaction.
 */
export async function inviteUser(actor: Actor, input: { email: string; name: string; role: Role }): Promise<{ user: UserDto; token: string }> {
  assertMay(actor, "users.manage");
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConflictError(`An account for ${input.email} already exists.`);
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role }, select: userSelect });
    const token = await issuePasswordToken(tx, user.id);
    await recordAudit({ action: "user.created", actorId: actor.id, subject: user.email, address: actor.address, details: { role: user.role } }, tx);
    return { user, token };
  });
}

/**
 * Runs `change` with the set of active admins locked, and refuses it when it would leave none.
 * The advisory lock serialises concurrent demotions, so two admins cannot demote each other.
 */
async function withAdminGuard<T>(userId: string, change: (tx: Tx, user: UserDto) => Promise<T>, wouldRemoveAdmin: (user: UserDto) => boolean): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('prova:active-admins'))`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
    if (!user) throw new NotFoundError("This account no longer exists.");
    if (user.role === "ADMIN" && !user.disabledAt && wouldRemoveAdmin(user)) {
      // An admin who cannot sign in (no password yet) does not count.
      const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, passwordHash: { not: null }, id: { not: user.id } } });
      if (others === 0) throw new ConflictError("This is the last active admin. Make someone else an admin first.");
    }
    return change(tx, user);
  });
}

/** Changes a role; the user's sessions end (their next request signs them out). */
export async function changeRole(actor: Actor, userId: string, role: Role): Promise<UserDto> {
  assertMay(actor, "users.manage");
  return withAdminGuard(
    userId,
    async (tx, user) => {
      if (user.role === role) return user;
      const updated = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } }, select: userSelect });
      await recordAudit({ action: "user.role-changed", actorId: actor.id, subject: user.email, address: actor.address, details: { from: user.role, to: role } }, tx);
      return updated;
    },
    () => role !== "ADMIN",
  );
}

/** Disables or enables an account. Disabling ends its sessions at once; nobody disables themselves. */
export async function setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<UserDto> {
  assertMay(actor, "users.manage");
  if (disabled && actor.id === userId) throw new ConflictError("You cannot disable your own account. Ask another admin.");
  return withAdminGuard(
    userId,
    async (tx, user) => {
      if (Boolean(user.disabledAt) === disabled) return user;
      const now = new Date();
      const updated = await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null }, select: userSelect });
      if (disabled) {
        await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
        // A pending set-password link must not come back to life when the account is enabled again.
        await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
      }
      await recordAudit({ action: disabled ? "user.disabled" : "user.enabled", actorId: actor.id, subject: user.email, address: actor.address }, tx);
      return updated;
    },
    () => disabled,
  );
}

/**
 * Resets a password: the old one stops working, every session ends, and a new one-time link is
 * returned for the user to choose a password. Not one's own (that would sign the admin out with
 * the link still on screen), and not the last admin who can sign in.
 */
export async function resetPassword(actor: Actor, userId: string): Promise<{ user: UserDto; token: string }> {
  assertMay(actor, "users.manage");
  if (actor.id === userId) throw new ConflictError("You cannot reset your own password here. Ask another admin.");
  return withAdminGuard(userId, async (tx, user) => {
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { passwordHash: null, sessionVersion: { increment: 1 } } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    const token = await issuePasswordToken(tx, userId, now);
    await recordAudit({ action: "user.password-reset", actorId: actor.id, subject: user.email, address: actor.address }, tx);
    return { user, token };
  }, () => true);
}

/** Ends every session of another user (or one's own). */
export async function signOutUserEverywhere(actor: Actor, userId: string): Promise<number> {
  assertMay(actor, "users.manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new NotFoundError("This account no longer exists.");
    const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit({ action: "user.signed-out-everywhere", actorId: actor.id, subject: user.email, address: actor.address, details: { sessions: count } }, tx);
    return count;
  });
}

/** Whose link this is, if it still works (unused, unexpired, account enabled). */
export async function findPasswordToken(token: string, now = new Date()): Promise<{ email: string; name: string } | null> {
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  return { email: row.user.email, name: row.user.name };
}

export const expiredLinkMessage = "This link has expired or has already been used. Ask an administrator for a new one.";

/**
 * Sets a password through a one-time link: the link is used up, other sessions end. The
 * password must already have passed lib/validation/password.
 */
export async function setPasswordWithToken(token: string, password: string, address?: string | null): Promise<{ email: string }> {
  // Checked before hashing, so nobody can make the server hash for free with made-up tokens.
  if (!(await findPasswordToken(token))) throw new ConflictError(expiredLinkMessage);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Claiming the token and checking it in one statement: a link can be used once, even twice at the same moment.
    const claimed = await tx.passwordToken.updateMany({
      where: { tokenHash: tokenHash(token), usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new ConflictError(expiredLinkMessage);
    const { userId } = await tx.passwordToken.findUniqueOrThrow({ where: { tokenHash: tokenHash(token) }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true, email: true } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit({ action: "user.password-set", actorId: user.id, subject: user.email, address }, tx);
    return { email: user.email };
  });
}

/** The actor a job acts for: an active account's id and role, or null once it is disabled or deleted. */
export async function findActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabledAt: true } });
  return user && !user.disabledAt ? { id: user.id, role: user.role } : null;
}

/** An active account by its e-mail address (as `npm run import -- --as` names its author). */
export async function findActorByEmail(email: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user ? findActor(user.id) : null;
}

/** Who may ask for the daily review digest: those who decide changes. */
export const digestRoles: readonly Role[] = ["REVIEWER", "ADMIN"];

export type AccountSettings = { email: string; name: string; role: Role; language: string; notifyReviewDigest: boolean; notifyDecisions: boolean };

/** The signed-in person's own account and the mail they want. */
export async function getAccount(actor: Actor): Promise<AccountSettings> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, name: true, role: true, language: true, notifyReviewDigest: true, notifyDecisions: true } });
  if (!user) throw new NotFoundError("This account no longer exists.");
  return user;
}

/** Changes the language a person reads the admin and their e-mail in, on their own account only. */
export async function updateLanguage(actor: Actor, language: Locale): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { language } });
    await recordAudit({ action: "account.language", actorId: actor.id, subject: `user:${actor.id}`, address: actor.address, details: { language } }, tx);
  });
}

/** Changes the mail a person wants, on their own account only (the digest only for those who decide changes). */
export async function updateNotificationSettings(actor: Actor, settings: { notifyReviewDigest: boolean; notifyDecisions: boolean }): Promise<void> {
  const notifyReviewDigest = settings.notifyReviewDigest && digestRoles.includes(actor.role);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { notifyReviewDigest, notifyDecisions: settings.notifyDecisions } });
    await recordAudit({ action: "account.notifications", actorId: actor.id, subject: `user:${actor.id}`, address: actor.address, details: { notifyReviewDigest, notifyDecisions: settings.notifyDecisions } }, tx);
  });
}
