import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { db } from "@/lib/db";
import { ConflictError, expectedError, FieldConflictError, NotFoundError } from "./errors";

// A public action reads the client address from the request, which a test has none of.
vi.mock("@/lib/auth/request", () => ({ requestAddress: async () => "203.0.113.30" }));

const run = crypto.randomUUID().slice(0, 8);
const slug = `errors-${run}`;

afterAll(async () => {
  await db.organisation.deleteMany({ where: { slug: { startsWith: slug } } });
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

const caught = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
const organisation = (suffix = "") => db.organisation.create({ data: { slug: `${slug}${suffix}`, name: "Errors", kind: "NGO" }, select: { id: true } });

describe("Prisma's unique and not-found errors, mapped in one place", () => {
  it("a slug taken (P2002 through the pg adapter) is a field error at the slug; an old address too", async () => {
    const { id } = await organisation();
    const duplicate = await caught(organisation());
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(expectedError(duplicate)).toBeInstanceOf(FieldConflictError);
    expect(expectedError(duplicate)).toMatchObject({ field: "slug", message: expect.stringMatching(/already used by another organisation/) });
    await db.slugRedirect.create({ data: { slug: `${slug}-old`, organisationId: id } });
    expect(expectedError(await caught(db.slugRedirect.create({ data: { slug: `${slug}-old`, organisationId: id } })))).toMatchObject({ field: "slug" });
  });

  it("an e-mail address in use is a field error at the e-mail; any other unique index a conflict", async () => {
    const data = { email: `errors-${run}@prova.test`, name: "Errors", role: "EDITOR" as const };
    await db.user.create({ data });
    expect(expectedError(await caught(db.user.create({ data })))).toMatchObject({ field: "email" });
    const { id } = await organisation("-revision");
    await db.revision.create({ data: { organisationId: id, version: 1, snapshot: {} } });
    const other = expectedError(await caught(db.revision.create({ data: { organisationId: id, version: 1, snapshot: {} } })));
    expect(other).toBeInstanceOf(ConflictError);
    expect(other).not.toBeInstanceOf(FieldConflictError);
  });

  it("a row that is gone (P2025) is a 404; anything else is left as it is", async () => {
    const gone = await caught(db.organisation.update({ where: { id: crypto.randomUUID() }, data: { name: "Nobody" } }));
    expect(gone).toMatchObject({ code: "P2025" });
    expect(expectedError(gone)).toBeInstanceOf(NotFoundError);
    const other = new Error("something else");
    expect(expectedError(other)).toBe(other);
  });

  it("the action wrapper answers them as a field error when the form has the field, else as its message: never a server error", async () => {
    const create = defineAction({ name: "test.errors", schema: z.object({ slug: z.string().optional(), other: z.string().optional() }), roles: "anyone" }, async () => {
      await organisation();
    });
    const withField = new FormData();
    withField.set("slug", slug);
    expect(await create(undefined, withField)).toMatchObject({ ok: false, message: "Check the highlighted fields.", fieldErrors: { slug: [expect.stringMatching(/already used/)] } });
    const withoutField = new FormData();
    withoutField.set("other", "x");
    const answer = await create(undefined, withoutField);
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/already used by another organisation/) });
    expect(answer.fieldErrors).toBeUndefined();
  });
});
