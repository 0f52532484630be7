import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { db } from "@/lib/db";
import { createSuggestion, getOrganisationDocument, saveDraft, submitChangeSet, applyChangeSet } from "@/lib/data/change-sets";
import { jobRunner, stopJobs } from "@/lib/jobs";
import { decide } from "./reviews";

// The session and the client address come from the request, which a test has none of.
const session = vi.hoisted(() => ({ current: null as null | { id: string; user: { id: string; email: string; name: string; role: "REVIEWER" } } }));
vi.mock("@/lib/auth/session", () => ({ currentSession: async () => session.current }));
vi.mock("@/lib/auth/request", () => ({ requestAddress: async () => "203.0.113.20" }));
// Mail is configured (to a server that is not there): the decision queues the suggester's mail in
// its own transaction, for the worker to send. (Outside a request, Next's cache refresh fails.)
vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:9";
});

const run = crypto.randomUUID().slice(0, 8);
let editor: { id: string; role: "EDITOR" };

beforeAll(async () => {
  const make = (name: string, role: "EDITOR" | "REVIEWER") => db.user.create({ data: { email: `${name}-${run}@prova.test`, name, role }, select: { id: true, email: true, name: true } });
  const [author, reviewer] = await Promise.all([make("rv-editor", "EDITOR"), make("rv-reviewer", "REVIEWER")]);
  editor = { ...author, role: "EDITOR" };
  session.current = { id: crypto.randomUUID(), user: { ...reviewer, role: "REVIEWER" } };
});

/** The mail jobs queued for this file's suggester: what each tells them. */
async function outcomesMailed(): Promise<string[]> {
  const runner = jobRunner();
  const rows = await runner.query<{ data: { outcome: string } }>(`SELECT data FROM ${runner.table("job")} WHERE name = 'mail' AND data->>'to' = $1 ORDER BY created_on`, [`sam-${run}@example.org`]);
  return rows.map((row) => row.data.outcome);
}

afterAll(async () => {
  const runner = jobRunner();
  await runner.query(`DELETE FROM ${runner.table("job")} WHERE name = 'mail' AND data->>'to' = $1`, [`sam-${run}@example.org`]);
  await stopJobs();
  await db.changeSet.deleteMany({ where: { OR: [{ author: { email: { endsWith: `-${run}@prova.test` } } }, { suggesterEmail: `sam-${run}@example.org` }] } });
  await db.organisation.deleteMany({ where: { slug: { startsWith: `rv-${run}` } } });
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.$disconnect();
});

async function published(name: string) {
  const slug = `rv-${run}-${name.toLowerCase().replace(/\W+/g, "-")}`;
  const document = { slug, name, acronym: null, kind: "NGO" as const, description: "", website: null, countries: ["BE"], contacts: [] };
  const draft = await saveDraft(editor, { kind: "CREATE", document, note: "" });
  await submitChangeSet(editor, draft.id);
  return (await applyChangeSet(session.current!.user, draft.id, "all")).organisationId;
}

/** A public suggestion with an e-mail to tell the outcome to, and the revision a reviewer sees. */
async function suggestion(organisationId: string, acronym: string) {
  const current = (await getOrganisationDocument(organisationId))!.document;
  const id = await createSuggestion({ organisationId, document: { ...current, acronym }, note: "", suggester: { name: "Sam", email: `sam-${run}@example.org`, address: "203.0.113.7" } });
  const { revision } = await db.changeSet.findUniqueOrThrow({ where: { id }, select: { revision: true } });
  return { id, revision };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** Where the action sent the browser, or what it answered instead. */
async function outcome(result: Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await result);
  } catch (error) {
    if (isRedirectError(error)) return error.digest.split(";")[2];
    throw error;
  }
}

describe("a decision whose follow-up fails after the commit", () => {
  it("an approval still says it is approved, and is: its mail is queued with it, the cache refresh fails on its own, logged", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const organisationId = await published("Approved Anyway");
    const { id, revision } = await suggestion(organisationId, "AA");
    const answer = await outcome(decide(undefined, form({ changeSetId: id, revision: String(revision), decision: "approve", accept: "acronym", note: "" })));
    expect(answer).toBe("/admin/reviews?decided=approve");
    expect((await db.changeSet.findUnique({ where: { id } }))?.status).toBe("APPROVED");
    expect((await getOrganisationDocument(organisationId))!.document.acronym).toBe("AA");
    expect(await outcomesMailed()).toEqual(["approved"]);
    const logged = () => errors.mock.calls.map(([message]) => String(message));
    await vi.waitFor(() => expect(logged()).toEqual(expect.arrayContaining([expect.stringContaining("refreshing pages failed")])));
    errors.mockRestore();
  });

  it("a rejection still says it is rejected, and is", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const organisationId = await published("Rejected Anyway");
    const { id, revision } = await suggestion(organisationId, "RA");
    const answer = await outcome(decide(undefined, form({ changeSetId: id, revision: String(revision), decision: "reject", note: "Not their acronym." })));
    expect(answer).toBe("/admin/reviews?decided=reject");
    expect(await db.changeSet.findUnique({ where: { id }, select: { status: true, decisionNote: true } })).toEqual({ status: "REJECTED", decisionNote: "Not their acronym." });
    expect(await outcomesMailed()).toEqual(["approved", "rejected"]);
    errors.mockRestore();
  });

  it("a decision on a revision the reviewer did not see is refused with a message, and nothing is decided", async () => {
    const organisationId = await published("Seen Revision");
    const { id, revision } = await suggestion(organisationId, "SR");
    const answer = JSON.parse(await outcome(decide(undefined, form({ changeSetId: id, revision: String(revision + 1), decision: "approve", accept: "acronym", note: "" }))));
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/changed this since you opened it/) });
    expect((await db.changeSet.findUnique({ where: { id } }))?.status).toBe("SUBMITTED");
    // Nothing decided, nothing queued.
    expect(await outcomesMailed()).toEqual(["approved", "rejected"]);
  });
});
