import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "./errors";
import { loadActiveSession, signInWithPassword } from "./sessions";
import { changeRole, findPasswordToken, inviteUser, resetPassword, setDisabled, setPasswordWithToken, signOutUserEverywhere } from "./users";
import type { Actor } from "@/lib/data/actor";

const run = crypto.randomUUID().slice(0, 8);
const email = (name: string) => `${name}-${run}@prova.test`;
const password = "a long and unusual passphrase";
let actor: Actor;
// Other active admins (the demo admin) are disabled while a test needs to be the last one.
let otherAdmins: string[] = [];

beforeAll(async () => {
  const { id } = await db.user.create({ data: { email: email("actor"), name: "Acting Admin", role: "ADMIN" }, select: { id: true } });
  actor = { id, role: "ADMIN", address: "192.0.2.1" };
});

afterEach(async () => {
  if (otherAdmins.length) await db.user.updateMany({ where: { id: { in: otherAdmins } }, data: { disabledAt: null } });
  otherAdmins = [];
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

/** Leaves `keep` as the only active admins. */
async function onlyAdmins(...keep: string[]) {
  const others = await db.user.findMany({ where: { role: "ADMIN", disabledAt: null, id: { notIn: keep } }, select: { id: true } });
  otherAdmins = others.map((user) => user.id);
  await db.user.updateMany({ where: { id: { in: otherAdmins } }, data: { disabledAt: new Date() } });
}

describe("inviting a user and the set-password link", () => {
  it("creates an account without a password, with a link that works once", async () => {
    const { user, token } = await inviteUser(actor, { email: email("new"), name: "New Editor", role: "EDITOR" });
    expect(await signInWithPassword(user.email, password)).toBeNull();
    expect(await findPasswordToken(token)).toEqual({ email: user.email, name: "New Editor" });
    await setPasswordWithToken(token, password, "192.0.2.9");
    expect((await signInWithPassword(user.email, password))?.user.id).toBe(user.id);
    expect(await findPasswordToken(token)).toBeNull();
    await expect(setPasswordWithToken(token, "another long passphrase")).rejects.toThrow(ConflictError);
    const actions = await db.auditEvent.findMany({ where: { subject: user.email }, select: { action: true, actorId: true } });
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "user.created", actorId: actor.id },
        { action: "user.password-set", actorId: user.id },
      ]),
    );
  });

  it("stores only a hash of the token", async () => {
    const { user, token } = await inviteUser(actor, { email: email("hash"), name: "Hash", role: "EDITOR" });
    const rows = await db.passwordToken.findMany({ where: { userId: user.id }, select: { tokenHash: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an expired link, and a link used at the same moment twice is used once", async () => {
    const { user, token } = await inviteUser(actor, { email: email("expired"), name: "Late", role: "EDITOR" });
    await db.passwordToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findPasswordToken(token)).toBeNull();
    await expect(setPasswordWithToken(token, password)).rejects.toThrow(ConflictError);

    const { token: fresh } = await resetPassword(actor, user.id);
    const results = await Promise.allSettled([setPasswordWithToken(fresh, password), setPasswordWithToken(fresh, "a different passphrase here")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a second account for the same e-mail", async () => {
    await inviteUser(actor, { email: email("twice"), name: "Once", role: "EDITOR" });
    await expect(inviteUser(actor, { email: email("twice"), name: "Twice", role: "EDITOR" })).rejects.toThrow(ConflictError);
  });
});

describe("managing a user", () => {
  async function signedInUser(name: string, role: "EDITOR" | "REVIEWER" | "ADMIN" = "EDITOR") {
    const { user, token } = await inviteUser(actor, { email: email(name), name, role });
    await setPasswordWithToken(token, password);
    const session = await signInWithPassword(user.email, password);
    if (!session) throw new Error("sign-in failed");
    return { user, session };
  }

  it("a role change ends the user's sessions and is audited", async () => {
    const { user, session } = await signedInUser("promoted");
    await changeRole(actor, user.id, "REVIEWER");
    expect(await loadActiveSession(session.id)).toBeNull();
    expect((await signInWithPassword(user.email, password))?.user.role).toBe("REVIEWER");
    const event = await db.auditEvent.findFirst({ where: { subject: user.email, action: "user.role-changed" }, select: { details: true, actorId: true, address: true } });
    expect(event).toEqual({ details: { from: "EDITOR", to: "REVIEWER" }, actorId: actor.id, address: "192.0.2.1" });
  });

  it("disabling ends the sessions and refuses sign-in until enabled again", async () => {
    const { user, session } = await signedInUser("disabled");
    await setDisabled(actor, user.id, true);
    expect(await loadActiveSession(session.id)).toBeNull();
    expect(await signInWithPassword(user.email, password)).toBeNull();
    await setDisabled(actor, user.id, false);
    expect(await signInWithPassword(user.email, password)).not.toBeNull();
  });

  it("a reset ends the old password and every session, with a new link", async () => {
    const { user, session } = await signedInUser("reset");
    const { token } = await resetPassword(actor, user.id);
    expect(await loadActiveSession(session.id)).toBeNull();
    expect(await signInWithPassword(user.email, password)).toBeNull();
    await setPasswordWithToken(token, "my brand new passphrase");
    expect(await signInWithPassword(user.email, "my brand new passphrase")).not.toBeNull();
  });

  it("signs a user out everywhere", async () => {
    const { user, session } = await signedInUser("everywhere");
    expect(await signOutUserEverywhere(actor, user.id)).toBe(1);
    expect(await loadActiveSession(session.id)).toBeNull();
  });

  it("an unknown id is not found, and nobody disables or resets themselves", async () => {
    await expect(changeRole(actor, crypto.randomUUID(), "EDITOR")).rejects.toThrow(NotFoundError);
    await expect(setDisabled(actor, actor.id, true)).rejects.toThrow(/your own account/);
    await expect(resetPassword(actor, actor.id)).rejects.toThrow(/your own password/);
  });

  it("disabling ends pending set-password links for good", async () => {
    const { user, token } = await inviteUser(actor, { email: email("pending"), name: "Pending", role: "EDITOR" });
    await setDisabled(actor, user.id, true);
    await setDisabled(actor, user.id, false);
    expect(await findPasswordToken(token)).toBeNull();
    await expect(setPasswordWithToken(token, password)).rejects.toThrow(ConflictError);
  });
});

/** An admin who has set a password (an invited one without a password cannot sign in). */
async function adminWithPassword(name: string) {
  const { user, token } = await inviteUser(actor, { email: email(name), name, role: "ADMIN" });
  await setPasswordWithToken(token, password);
  return user;
}

describe("the last active admin", () => {
  it("cannot be demoted, disabled or reset", async () => {
    const admin = await adminWithPassword("last");
    await onlyAdmins(admin.id);
    await expect(changeRole(actor, admin.id, "EDITOR")).rejects.toThrow(/last active admin/);
    await expect(setDisabled(actor, admin.id, true)).rejects.toThrow(/last active admin/);
    await expect(resetPassword(actor, admin.id)).rejects.toThrow(/last active admin/);
    expect(await db.user.findUnique({ where: { id: admin.id }, select: { role: true, disabledAt: true } })).toEqual({ role: "ADMIN", disabledAt: null });
  });

  it("an invited admin who has no password yet does not count", async () => {
    const admin = await adminWithPassword("only");
    const { user: invited } = await inviteUser(actor, { email: email("invited"), name: "Invited Admin", role: "ADMIN" });
    await onlyAdmins(admin.id, invited.id);
    await expect(changeRole(actor, admin.id, "EDITOR")).rejects.toThrow(/last active admin/);
  });

  it("two admins demoting each other at the same moment: exactly one succeeds", async () => {
    const first = await adminWithPassword("first");
    const second = await adminWithPassword("second");
    await onlyAdmins(first.id, second.id);
    const results = await Promise.allSettled([
      changeRole({ id: first.id, role: "ADMIN" }, second.id, "EDITOR"),
      changeRole({ id: second.id, role: "ADMIN" }, first.id, "EDITOR"),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.user.count({ where: { id: { in: [first.id, second.id] }, role: "ADMIN" } })).toBe(1);
  });
});
