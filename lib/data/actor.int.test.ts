// The data layer checks the role itself: a caller that forgets the server action's check (a
// script, a future route) still cannot write what the actor's role may not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/data/actor";
import { applyChangeSet, declineChangeSet, markVerified, saveDraft, submitChangeSet } from "@/lib/data/change-sets";
import { ForbiddenError } from "@/lib/data/errors";
import { changeRole, inviteUser } from "@/lib/data/users";
import { db } from "@/lib/db";

const run = crypto.randomUUID().slice(0, 8);
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  const make = (name: string, role: "EDITOR" | "REVIEWER") =>
    db.user.create({ data: { email: `${name}-${run}@prova.test`, name, role }, select: { id: true, role: true } });
  [editor, reviewer] = await Promise.all([make("role-editor", "EDITOR"), make("role-reviewer", "REVIEWER")]);
});

afterAll(async () => {
  await db.changeSet.deleteMany({ where: { author: { email: { endsWith: `-${run}@prova.test` } } } });
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

const document = (name: string) => ({
  slug: `role-${run}-${name}`,
  name: `Role ${name} ${run}`,
  acronym: null,
  kind: "NGO" as const,
  description: "",
  website: null,
  countries: ["BE"],
  contacts: [],
});

describe("every lib/data write checks the actor's role", () => {
  it("an editor cannot decide on a change, even its own, and nothing changes", async () => {
    const draft = await saveDraft(editor, { kind: "CREATE", document: document("decide"), note: "" });
    await submitChangeSet(editor, draft.id);
    await expect(applyChangeSet(editor, draft.id, "all")).rejects.toThrow(ForbiddenError);
    await expect(declineChangeSet(editor, draft.id, "REJECTED", "No.")).rejects.toThrow(ForbiddenError);
    expect(await db.changeSet.findUnique({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "SUBMITTED" });
    expect(await db.organisation.count({ where: { slug: `role-${run}-decide` } })).toBe(0);
  });

  it("a reviewer cannot manage accounts, and nothing is written", async () => {
    await expect(inviteUser(reviewer, { email: `invited-${run}@prova.test`, name: "Invited", role: "ADMIN" })).rejects.toThrow(ForbiddenError);
    await expect(changeRole(reviewer, reviewer.id, "ADMIN")).rejects.toThrow(ForbiddenError);
    expect(await db.user.count({ where: { email: `invited-${run}@prova.test` } })).toBe(0);
    expect(await db.user.findUnique({ where: { id: reviewer.id }, select: { role: true } })).toEqual({ role: "REVIEWER" });
  });

  it("an actor whose role is not one of the staff roles writes nothing at all", async () => {
    const stranger = { id: editor.id, role: "VISITOR" } as unknown as Actor;
    await expect(saveDraft(stranger, { kind: "CREATE", document: document("stranger"), note: "" })).rejects.toThrow(ForbiddenError);
    const [organisation] = await db.organisation.findMany({ where: { status: "PUBLISHED" }, select: { id: true }, take: 1 });
    await expect(markVerified(stranger, organisation.id)).rejects.toThrow(ForbiddenError);
    expect(await db.changeSet.count({ where: { proposed: { path: ["slug"], equals: `role-${run}-stranger` } } })).toBe(0);
  });
});
