// Organisations confirming their own listing, on the real PostgreSQL, the real job queue and a real
// SMTP server: the request, its message and link, the answers, the limits, bounces and forgeries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "@/e2e/smtp-server";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/data/errors";
import { fastBoss, until } from "@/lib/jobs/fixtures/test-queues";
import { pgQuery } from "@/scripts/lib/pg-client";

const run = crypto.randomUUID().slice(0, 8);
const schema = `pgboss_confirm_${run}`;
const url = process.env.DATABASE_URL!;
const dayMs = 24 * 60 * 60_000;

/** The mail server: addresses starting with "gone-" are refused for good. */
let server: Awaited<ReturnType<typeof startSmtpServer>>;
let received: Awaited<ReturnType<typeof startSmtpServer>>["received"];

// Loaded once SMTP_URL is set: the configuration is read once, by the first module that asks.
let db: Db;
let jobs: typeof import("@/lib/jobs");
let confirmations: typeof import("./confirmations");
let delivery: typeof import("./confirmation-delivery");
let suggestions: typeof import("./change-sets/suggestions");
let editor: { id: string; role: "EDITOR" };
const created: string[] = [];

beforeAll(async () => {
  server = await startSmtpServer({ refuse: (address) => (address.startsWith("gone-") ? { code: 550, message: "No such mailbox" } : null) });
  received = server.received;
  process.env.SMTP_URL = server.url;
  process.env.MAIL_FROM = "PROVA test <directory@prova.test>";
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-that-is-at-least-32-characters";
  ({ db } = await import("@/lib/db"));
  jobs = await import("@/lib/jobs");
  confirmations = await import("./confirmations");
  delivery = await import("./confirmation-delivery");
  suggestions = await import("./change-sets/suggestions");
  await jobs.startWorkers({ schema, boss: fastBoss, pollSeconds: 0.5, queueSettings: { retryLimit: 1, retryDelay: 1 } });
  const user = await db.user.create({ data: { email: `confirm-editor-${run}@prova.test`, name: "Confirm Editor", role: "EDITOR" }, select: { id: true } });
  editor = { id: user.id, role: "EDITOR" };
});

afterAll(async () => {
  await jobs.stopJobs(1_000);
  await server.close();
  await pgQuery(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.changeSet.deleteMany({ where: { organisationId: { in: created } } });
  await db.organisation.deleteMany({ where: { id: { in: created } } });
  await db.mailSuppression.deleteMany({ where: { email: { contains: run } } });
  await db.auditEvent.deleteMany({ where: { subject: { in: created.map((id) => `organisation:${id}`) } } });
  await db.user.deleteMany({ where: { id: editor.id } });
  await db.$disconnect();
});

/** A published organisation with these e-mail addresses (first listed first), and optionally created long ago. */
async function organisation({ emails = [] as string[], createdAt = new Date(), archived = false } = {}) {
  const n = created.length;
  const row = await db.organisation.create({
    data: {
      slug: `confirm-${run}-${n}`,
      name: `Confirm ${run} ${n}`,
      kind: "NGO",
      status: archived ? "ARCHIVED" : "PUBLISHED",
      website: "https://example.org/",
      createdAt,
      countryCodes: ["BE"],
      countries: { create: [{ countryCode: "BE", position: 0 }] },
      contacts: { create: emails.map((value, position) => ({ type: "EMAIL" as const, value, rawValue: value.toUpperCase(), position })) },
    },
    select: { id: true, name: true },
  });
  created.push(row.id);
  return row;
}

/** The message sent to `to` once it has come, with quoted-printable line breaks undone. */
async function messageTo(to: string) {
  const found = await until("the message", async () => received.find((message) => message.to.includes(to)), Boolean);
  // Folded header lines unfolded, quoted-printable soft breaks undone.
  return found!.body.replace(/\r\n[ \t]+/g, " ").replace(/=\r?\n/g, "").replace(/=3D/g, "=");
}

const tokenIn = (body: string) => /\/confirm\/([\w.-]+)/.exec(body)![1];

describe("a confirmation request", () => {
  it("e-mails the listing's first address how it is listed and a signed link; 'Yes, this is correct' records a verification by the organisation, once", async () => {
    const first = `first-${run}@example.org`;
    const { id, name } = await organisation({ emails: [first, `second-${run}@example.org`] });
    const outcome = await confirmations.requestConfirmation(id, editor);
    expect(outcome.status).toBe("queued");
    const body = await messageTo(first);
    expect(received.some((message) => message.to.includes(`second-${run}@example.org`))).toBe(false);
    expect(body).toContain(`Is your listing in the PROVA directory still correct? (${name})`);
    expect(body).toContain(`Name: ${name}`);
    expect(body).toContain("Website: https://example.org/");
    expect(body).toContain(`E-mail: ${first}`);
    expect(body).toMatch(/List-Unsubscribe: <http:\/\/localhost:\d+\/api\/unsubscribe\/[\w.-]+>/);
    expect(body).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const token = tokenIn(body);
    const request = await until("the delivery recorded", () => db.confirmationRequest.findFirstOrThrow({ where: { organisationId: id } }), (row) => row.sentAt !== null);
    expect(request).toMatchObject({ email: first, requestedById: editor.id, answer: null });
    expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(30 * dayMs);

    expect(await confirmations.openConfirmation(token)).toMatchObject({ state: "valid", organisation: { id, name } });
    const confirmed = await confirmations.confirmListing(token, "203.0.113.7");
    expect(confirmed).toEqual({ opened: expect.objectContaining({ state: "valid" }), changed: [`organisation:${id}`] });
    const listing = await db.organisation.findUniqueOrThrow({ where: { id } });
    expect(listing).toMatchObject({ lastVerifiedSource: "ORGANISATION", lastVerifiedById: null });
    expect(Date.now() - listing.lastVerifiedAt!.getTime()).toBeLessThan(60_000);
    expect(await db.auditEvent.count({ where: { action: "organisation.confirmed", subject: `organisation:${id}` } })).toBe(1);

    // Two answers at once: one wins.
    const { id: other } = await organisation({ emails: [`race-${run}@example.org`] });
    await confirmations.requestConfirmation(other, editor);
    const raced = confirmations.confirmationToken((await db.confirmationRequest.findFirstOrThrow({ where: { organisationId: other } })).id);
    const document = { slug: "", name: "Raced", acronym: null, kind: "NGO" as const, description: "Changed.", website: "https://example.org/", countries: ["BE"], contacts: [] };
    const outcomes = await Promise.allSettled([
      confirmations.confirmListing(raced, null),
      suggestions.createSuggestion({ organisationId: other, document, note: "", suggester: { name: null, email: null, address: "203.0.113.11" }, confirmation: raced }),
    ]);
    const confirmedFirst = outcomes[0].status === "fulfilled" && outcomes[0].value.opened.state === "valid";
    const changedFirst = outcomes[1].status === "fulfilled";
    expect([confirmedFirst, changedFirst].filter(Boolean)).toHaveLength(1);
    if (!changedFirst) expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);

    // Used: a second answer changes nothing.
    const again = await confirmations.confirmListing(token, null);
    expect(again).toEqual({ opened: expect.objectContaining({ state: "used", answer: "CONFIRMED" }), changed: [] });
    expect(await db.auditEvent.count({ where: { action: "organisation.confirmed", subject: `organisation:${id}` } })).toBe(1);
  });

  it("goes at most once per organisation in 30 days, also when asked for twice at the same moment", async () => {
    const { id } = await organisation({ emails: [`twice-${run}@example.org`] });
    const now = new Date();
    const outcomes = await Promise.all([confirmations.requestConfirmation(id, editor, now), confirmations.requestConfirmation(id, null, now)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["queued", "recently-asked"]);
    const later = new Date(now.getTime() + 29 * dayMs);
    expect(await confirmations.requestConfirmation(id, editor, later)).toEqual({ status: "recently-asked", askedAt: now, nextAt: new Date(now.getTime() + 30 * dayMs) });
    expect((await confirmations.requestConfirmation(id, editor, new Date(now.getTime() + 30 * dayMs))).status).toBe("queued");
    expect(await db.confirmationRequest.count({ where: { organisationId: id } })).toBe(2);
  });

  it("is not sent to a listing without an e-mail, an archived one, or an address that unsubscribed", async () => {
    const none = await organisation();
    expect(await confirmations.requestConfirmation(none.id, editor)).toEqual({ status: "no-email" });
    const reachable = await organisation({ emails: [`reachable-${run}@example.org`] });
    expect(await confirmations.withEmail([none.id, reachable.id])).toEqual(new Set([reachable.id]));
    const archived = await organisation({ emails: [`archived-${run}@example.org`], archived: true });
    expect(await confirmations.requestConfirmation(archived.id, editor)).toEqual({ status: "not-listed" });

    const address = `leaving-${run}@example.org`;
    const { id } = await organisation({ emails: [address] });
    const longAgo = new Date(Date.now() - 40 * dayMs);
    await confirmations.requestConfirmation(id, editor, longAgo);
    const request = await db.confirmationRequest.findFirstOrThrow({ where: { organisationId: id } });
    // The unsubscribe link works whatever became of the request (expired here).
    expect(await confirmations.unsubscribe(confirmations.confirmationToken(request.id), "203.0.113.8")).toEqual({ email: address });
    expect(await confirmations.requestConfirmation(id, editor)).toEqual({ status: "suppressed", email: address, reason: "UNSUBSCRIBED" });
    // A second listing with the same address is not written to either.
    const other = await organisation({ emails: [address] });
    expect((await confirmations.requestConfirmation(other.id, null)).status).toBe("suppressed");
  });

  it("records an address the mail server refuses for good, does not retry it, and asks it no more", async () => {
    const gone = `gone-${run}@example.org`;
    const { id } = await organisation({ emails: [gone] });
    await confirmations.requestConfirmation(id, editor);
    const request = await until("the refusal recorded", () => db.confirmationRequest.findFirstOrThrow({ where: { organisationId: id } }), (row) => row.failedAt !== null);
    expect(request.failure).toContain("No such mailbox");
    expect(request.sentAt).toBeNull();
    expect(await db.mailSuppression.findUnique({ where: { email: gone } })).toMatchObject({ reason: "BOUNCED" });
    const status = (await confirmations.latestConfirmations([id])).get(id);
    expect(status).toMatchObject({ state: "failed", suppressed: "BOUNCED", email: gone });
    // Still "not delivered" once its link would have expired: that says more.
    expect((await confirmations.latestConfirmations([id], new Date(Date.now() + 40 * dayMs))).get(id)?.state).toBe("failed");
    const [job] = await pgQuery<{ state: string; retry_count: number }>(url, `SELECT state, retry_count FROM "${schema}".job WHERE name = 'mail' AND data->>'requestId' = $1`, [request.id]);
    expect(job).toEqual({ state: "completed", retry_count: 0 });
  });
});

describe("a confirmation request, further", () => {
  it("is not sent once its address unsubscribed or bounced, even when already queued, nor twice", async () => {
    const address = `queued-${run}@example.org`;
    const { id } = await organisation({ emails: [address] });
    const now = new Date();
    // Recorded as the request would be, without its mail job: what the worker would find.
    const request = await db.confirmationRequest.create({ data: { organisationId: id, email: address, expiresAt: new Date(now.getTime() + 30 * dayMs) } });
    expect((await delivery.confirmationMessage(request.id))?.to).toBe(address);
    await delivery.recordConfirmationSent(request.id);
    expect(await delivery.confirmationMessage(request.id)).toBeNull();
    await db.confirmationRequest.update({ where: { id: request.id }, data: { sentAt: null } });
    await confirmations.unsubscribe(confirmations.confirmationToken(request.id), null);
    expect(await delivery.confirmationMessage(request.id)).toBeNull();
  });

  it("records a bounce that comes back later: the request not delivered, the address not written to again", async () => {
    const address = `later-${run}@example.org`;
    const { id } = await organisation({ emails: [address] });
    await confirmations.requestConfirmation(id, editor);
    await until("the delivery", () => db.confirmationRequest.findFirstOrThrow({ where: { organisationId: id } }), (row) => row.sentAt !== null);
    const known = await delivery.recordBounces([
      { email: address, status: "5.1.1", diagnostic: "550 5.1.1 User unknown" },
      { email: `never-asked-${run}@example.org`, status: "5.1.1", diagnostic: null },
    ]);
    expect(known).toEqual([address]);
    expect((await confirmations.latestConfirmations([id])).get(id)).toMatchObject({ state: "failed", failure: "5.1.1 550 5.1.1 User unknown", suppressed: "BOUNCED" });
    expect(await db.mailSuppression.findUnique({ where: { email: `never-asked-${run}@example.org` } })).toBeNull();
    const other = await organisation({ emails: [address] });
    expect((await confirmations.requestConfirmation(other.id, editor)).status).toBe("suppressed");
  });

  it("goes to no address mail cannot be sent to, and says so", async () => {
    const { id } = await organisation({ emails: [`élodie-${run}@exämple.fr`] });
    expect(await confirmations.requestConfirmation(id, editor)).toEqual({ status: "bad-email", email: `élodie-${run}@exämple.fr` });
    expect(await db.confirmationRequest.count({ where: { organisationId: id } })).toBe(0);
  });

  it("asked for again by e-mail address: a request to the listing whose first address it is, within the limit", async () => {
    const address = `again-${run}@example.org`;
    const first = await organisation({ emails: [address] });
    const second = await organisation({ emails: [`other-first-${run}@example.org`, address] });
    await confirmations.askForNewLinkByEmail(address.toUpperCase(), "203.0.113.10");
    await confirmations.askForNewLinkByEmail(address, "203.0.113.10");
    expect(await db.confirmationRequest.count({ where: { organisationId: first.id } })).toBe(1);
    expect(await db.confirmationRequest.count({ where: { organisationId: second.id } })).toBe(0);
    await confirmations.askForNewLinkByEmail(`nobody-${run}@example.org`, null);
  });
});

describe("a confirmation link", () => {
  it("is refused when altered, made up, cut short or expired, and an expired one can ask for a new link", async () => {
    const { id } = await organisation({ emails: [`expired-${run}@example.org`] });
    await confirmations.requestConfirmation(id, editor, new Date(Date.now() - 31 * dayMs));
    const request = await db.confirmationRequest.findFirstOrThrow({ where: { organisationId: id } });
    const token = confirmations.confirmationToken(request.id);
    expect(await confirmations.openConfirmation(token)).toMatchObject({ state: "expired", organisation: { id } });
    expect((await confirmations.confirmListing(token, null)).changed).toEqual([]);

    const forged = `${crypto.randomUUID()}.${token.split(".")[1]}`;
    for (const bad of [forged, token.slice(0, -2), `${token}x`, "not-a-token", "", `${request.id}.`, "../../etc/passwd", "ü.ü"]) {
      expect(confirmations.requestIdOf(bad), bad).toBeNull();
      expect(await confirmations.openConfirmation(bad)).toEqual({ state: "invalid" });
    }
    expect(await confirmations.unsubscribe(forged, null)).toBeNull();
    expect(await confirmations.askForNewLink(forged, null)).toBeNull();

    expect((await confirmations.askForNewLink(token, null))?.status).toBe("queued");
    expect(await db.confirmationRequest.count({ where: { organisationId: id } })).toBe(2);
  });

  it("'Something has changed': the suggestion reaches review as the organisation's own, and the link is then used", async () => {
    const address = `changed-${run}@example.org`;
    const { id, name } = await organisation({ emails: [address] });
    await confirmations.requestConfirmation(id, editor);
    const request = await db.confirmationRequest.findFirstOrThrow({ where: { organisationId: id } });
    const token = confirmations.confirmationToken(request.id);
    const document = { slug: "", name, acronym: null, kind: "NGO" as const, description: "We moved to Ghent.", website: "https://example.org/", countries: ["BE"], contacts: [] };
    const suggester = { name: "The organisation", email: address, address: "203.0.113.9" };
    const changeSetId = await suggestions.createSuggestion({ organisationId: id, document, note: "", suggester, confirmation: token });
    expect(await db.changeSet.findUniqueOrThrow({ where: { id: changeSetId } })).toMatchObject({ public: true, fromOrganisation: true, status: "SUBMITTED" });
    expect(await confirmations.openConfirmation(token)).toMatchObject({ state: "used", answer: "CHANGED" });
    // The same link again, or a link for another organisation: refused, nothing stored.
    await expect(suggestions.createSuggestion({ organisationId: id, document, note: "", suggester, confirmation: token })).rejects.toThrow(ConflictError);
    const other = await organisation({ emails: [`other-${run}@example.org`] });
    await confirmations.requestConfirmation(other.id, editor);
    const otherToken = confirmations.confirmationToken((await db.confirmationRequest.findFirstOrThrow({ where: { organisationId: other.id } })).id);
    await expect(suggestions.createSuggestion({ organisationId: id, document, note: "", suggester, confirmation: otherToken })).rejects.toThrow(ConflictError);
    expect(await db.changeSet.count({ where: { organisationId: id } })).toBe(1);
    expect(await confirmations.openConfirmation(otherToken)).toMatchObject({ state: "valid" });
  });
});

describe("the batch of due listings", () => {
  it("asks the overdue listings that can be asked, once however many runs there are, and counts the others", async () => {
    // Long before any other test's rows: only this test's listings are overdue at `now`.
    const now = new Date("1961-01-01T00:00:00Z");
    const old = new Date("1958-01-01T00:00:00Z");
    const withEmail = await organisation({ emails: [`batch-${run}@example.org`], createdAt: old });
    const without = await organisation({ createdAt: old });
    // Two runs at the same moment (the schedule on two workers, or a person's batch beside it): one request.
    const outcomes = await Promise.all([confirmations.requestDueConfirmations({ requestedBy: editor, now }), confirmations.requestDueConfirmations({ requestedBy: null, now })]);
    expect(outcomes[0].queued + outcomes[1].queued).toBe(1);
    expect(outcomes[0]["recently-asked"] + outcomes[1]["recently-asked"]).toBe(1);
    expect(outcomes[0]).toMatchObject({ "no-email": 1, "mail-off": 0 });
    expect(await db.confirmationRequest.count({ where: { organisationId: { in: [withEmail.id, without.id] } } })).toBe(1);
    // Run again (a retried job): nothing is sent twice.
    expect(await confirmations.requestDueConfirmations({ requestedBy: null, now })).toMatchObject({ queued: 0, "recently-asked": 1, "no-email": 1 });
  });
});
