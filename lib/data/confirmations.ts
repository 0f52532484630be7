import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { tags } from "@/lib/cache";
import { db } from "@/lib/db";
import { assertMay, type Actor } from "@/lib/data/actor";
import { recordAudit } from "@/lib/data/audit";
import { listDueForChecking } from "@/lib/data/verification";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/jobs";
import { mailConfigured } from "@/lib/mail";
import { appKey } from "@/lib/security/keys";
import type { Tx } from "./change-sets/shared";

// Organisations confirm their own listing: a message to the listing's e-mail address with a link
// that is signed (the request's id with an HMAC under a key of the app), works once and for 30
// days. "Yes, this is correct" records a verification by the organisation; "Something has
// changed" opens the suggestion form, whose result reaches review marked as the organisation's.
// Never more than one request per organisation in 30 days (the organisation's row is locked while
// a request is made, so two instances, or the schedule and a person, cannot both send one); none to
// an address that unsubscribed or that the mail server refused for good.

/** How long a link works, and the least time between two requests to one organisation. */
export const confirmationDays = 30;
const dayMs = 24 * 60 * 60_000;
/** What the mail queue takes as a recipient (lib/jobs/mail.ts). */
const mailAddress = z.email().max(320);

/** The token in a link: the request's id and its signature. */
export function confirmationToken(id: string): string {
  return `${id}.${signature(id)}`;
}

function signature(id: string): string {
  return createHmac("sha256", appKey("confirmation")).update(id).digest("base64url");
}

/** The request id a token names, or null when it was not made here (altered, cut short, made up). */
export function requestIdOf(token: string): string | null {
  const [id, given, ...rest] = token.split(".");
  if (!id || !given || rest.length > 0 || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = Buffer.from(signature(id));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null;
}

export type RequestOutcome =
  | { status: "queued"; id: string }
  | { status: "no-email" }
  | { status: "suppressed"; email: string; reason: "UNSUBSCRIBED" | "BOUNCED" }
  | { status: "recently-asked"; askedAt: Date; nextAt: Date }
  | { status: "not-listed" }
  | { status: "bad-email"; email: string }
  | { status: "mail-off" };

/**
 * Asks an organisation to confirm its listing: records the request and queues its message, in one
 * transaction. `requestedBy`: the member of staff, or null for the schedule and for an
 * organisation that asked for a new link.
 */
export async function requestConfirmation(
  organisationId: string,
  requestedBy: Actor | null,
  now = new Date(),
  address: string | null = requestedBy?.address ?? null,
): Promise<RequestOutcome> {
  if (requestedBy) assertMay(requestedBy, "organisations.propose");
  if (!mailConfigured()) return { status: "mail-off" };
  return db.$transaction(async (tx) => {
    const [organisation] = await tx.$queryRaw<{ status: string; name: string }[]>`
      SELECT status::text, name FROM "Organisation" WHERE id = ${organisationId}::uuid FOR UPDATE`;
    if (!organisation || organisation.status !== "published") return { status: "not-listed" };
    const latest = await tx.confirmationRequest.findFirst({ where: { organisationId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    if (latest && now.getTime() - latest.createdAt.getTime() < confirmationDays * dayMs) {
      return { status: "recently-asked", askedAt: latest.createdAt, nextAt: new Date(latest.createdAt.getTime() + confirmationDays * dayMs) };
    }
    const contact = await tx.contact.findFirst({ where: { organisationId, type: "EMAIL" }, orderBy: { position: "asc" }, select: { value: true } });
    if (!contact) return { status: "no-email" };
    const email = contact.value.toLowerCase();
    // Contacts keep what the organisation lists (an address with accents, say), which not every
    // mail server takes: such a listing is checked by staff instead.
    if (!mailAddress.safeParse(email).success) return { status: "bad-email", email };
    const suppressed = await tx.mailSuppression.findUnique({ where: { email } });
    if (suppressed) return { status: "suppressed", email, reason: suppressed.reason };
    const { id } = await tx.confirmationRequest.create({
      data: { organisationId, email, requestedById: requestedBy?.id ?? null, createdAt: now, expiresAt: new Date(now.getTime() + confirmationDays * dayMs) },
      select: { id: true },
    });
    await queueMail({ kind: "confirmation-request", to: email, organisation: organisation.name, requestId: id }, { tx });
    await recordAudit(
      { action: "organisation.confirmation-requested", actorId: requestedBy?.id ?? null, subject: `organisation:${organisationId}`, address },
      tx,
    );
    return { status: "queued", id };
  });
}

/** How many listings of a batch had each outcome; `failed`: an error, logged, the batch going on. */
export type BatchOutcome = Record<RequestOutcome["status"] | "failed", number>;

/**
 * Asks every listing that is due (of one country and one kind when given) that can be asked: the
 * schedule's daily run, and a member of staff's batch from the due list. At most `limit` messages.
 */
export async function requestDueConfirmations({
  country,
  kind,
  requestedBy,
  limit = 500,
  now = new Date(),
}: {
  country?: string;
  kind?: OrganisationKind;
  requestedBy: Actor | null;
  limit?: number;
  now?: Date;
}): Promise<BatchOutcome> {
  const counts: BatchOutcome = { queued: 0, "no-email": 0, suppressed: 0, "recently-asked": 0, "not-listed": 0, "bad-email": 0, "mail-off": 0, failed: 0 };
  if (!mailConfigured()) return { ...counts, "mail-off": 1 };
  let cursor: string | undefined;
  do {
    const page = await listDueForChecking({ country, kind, cursor, now });
    for (const listing of page.listings) {
      if (!listing.overdue) return counts;
      // One listing that fails (a database error) does not stop the others, day after day.
      try {
        counts[(await requestConfirmation(listing.id, requestedBy, now)).status]++;
      } catch (error) {
        console.error(`[confirmations] asking organisation ${listing.id} failed:`, error);
        counts.failed++;
      }
      if (counts.queued >= limit) return counts;
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return counts;
}

export type ConfirmationListing = { id: string; slug: string; name: string };

export type OpenedConfirmation =
  | { state: "valid"; requestId: string; organisation: ConfirmationListing; expiresAt: Date }
  | { state: "expired" | "used"; requestId: string; organisation: ConfirmationListing; answeredAt: Date | null; answer: "CONFIRMED" | "CHANGED" | null }
  | { state: "not-listed" | "invalid" };

/** What a link leads to: a request that may be answered, or why not. */
export async function openConfirmation(token: string, now = new Date()): Promise<OpenedConfirmation> {
  const id = requestIdOf(token);
  if (!id) return { state: "invalid" };
  return stateOf(db, id, now);
}

async function stateOf(client: Tx | typeof db, id: string, now: Date): Promise<OpenedConfirmation> {
  const request = await client.confirmationRequest.findUnique({
    where: { id },
    select: { id: true, expiresAt: true, answeredAt: true, answer: true, organisation: { select: { id: true, slug: true, name: true, status: true } } },
  });
  if (!request) return { state: "invalid" };
  const { status, ...organisation } = request.organisation;
  if (status !== "PUBLISHED") return { state: "not-listed" };
  if (request.answeredAt) return { state: "used", requestId: id, organisation, answeredAt: request.answeredAt, answer: request.answer };
  if (request.expiresAt <= now) return { state: "expired", requestId: id, organisation, answeredAt: null, answer: null };
  return { state: "valid", requestId: id, organisation, expiresAt: request.expiresAt };
}

/**
 * Marks a request answered, in `tx`, once: its row is locked, so of two answers sent at once (two
 * tabs, a double click) one wins and the other finds it used.
 */
export async function answerConfirmation(tx: Tx, token: string, answer: "CONFIRMED" | "CHANGED", now = new Date()): Promise<OpenedConfirmation> {
  const id = requestIdOf(token);
  if (!id) return { state: "invalid" };
  await tx.$queryRaw`SELECT 1 FROM "ConfirmationRequest" WHERE id = ${id}::uuid FOR UPDATE`;
  const opened = await stateOf(tx, id, now);
  if (opened.state !== "valid") return opened;
  await tx.confirmationRequest.update({ where: { id }, data: { answeredAt: now, answer } });
  return opened;
}

/**
 * "Yes, this is correct": records a verification by the organisation (audited). Returns the state
 * the link was in, and the cache tags of the pages that changed when it was valid.
 */
export async function confirmListing(token: string, address: string | null, now = new Date()): Promise<{ opened: OpenedConfirmation; changed: string[] }> {
  return db.$transaction(async (tx) => {
    const opened = await answerConfirmation(tx, token, "CONFIRMED", now);
    if (opened.state !== "valid") return { opened, changed: [] };
    const organisationId = opened.organisation.id;
    // As "mark verified" by staff: its "last updated" date stays.
    await tx.$executeRaw`
      UPDATE "Organisation" SET "lastVerifiedAt" = ${now}, "lastVerifiedById" = NULL, "lastVerifiedSource" = 'organisation'
      WHERE id = ${organisationId}::uuid`;
    await recordAudit({ action: "organisation.confirmed", subject: `organisation:${organisationId}`, address }, tx);
    return { opened, changed: [tags.organisation(organisationId)] };
  });
}

/** "Stop these messages": no more requests to the address the request went to, from now on. */
export async function unsubscribe(token: string, address: string | null): Promise<{ email: string } | null> {
  const id = requestIdOf(token);
  if (!id) return null;
  const request = await db.confirmationRequest.findUnique({ where: { id }, select: { email: true, organisationId: true } });
  if (!request) return null;
  await db.$transaction(async (tx) => {
    await tx.mailSuppression.upsert({
      where: { email: request.email },
      create: { email: request.email, reason: "UNSUBSCRIBED" },
      update: { reason: "UNSUBSCRIBED", detail: null },
    });
    await recordAudit({ action: "organisation.confirmation-unsubscribed", subject: `organisation:${request.organisationId}`, address }, tx);
  });
  return { email: request.email };
}

/** A new link for the organisation of an expired one (sent to the listing's address of today). */
export async function askForNewLink(token: string, address: string | null, now = new Date()): Promise<RequestOutcome | null> {
  const id = requestIdOf(token);
  if (!id) return null;
  const request = await db.confirmationRequest.findUnique({ where: { id }, select: { organisationId: true } });
  return request ? requestConfirmation(request.organisationId, null, now, address) : null;
}

/**
 * A new link asked for by e-mail address (from a link that was used or does not work): a request
 * to each listing (at most five) whose first e-mail address it is, as the 30-day limit allows. The
 * caller says the same whatever the outcome, so that nobody learns which addresses are listed.
 */
export async function askForNewLinkByEmail(email: string, address: string | null, now = new Date()): Promise<void> {
  const listings = await db.$queryRaw<{ id: string }[]>`
    SELECT c."organisationId" AS id FROM "Contact" c JOIN "Organisation" o ON o.id = c."organisationId"
    WHERE lower(c.value) = ${email.toLowerCase()} AND c.type = 'email' AND o.status = 'published'
      AND c.position = (SELECT min(position) FROM "Contact" f WHERE f."organisationId" = c."organisationId" AND f.type = 'email')
    LIMIT 5`;
  for (const { id } of listings) await requestConfirmation(id, null, now, address);
}

export type ConfirmationStatus = {
  askedAt: string;
  email: string;
  state: "queued" | "sent" | "failed" | "confirmed" | "changed" | "expired";
  failure: string | null;
  /** The address no longer receives requests. */
  suppressed: "UNSUBSCRIBED" | "BOUNCED" | null;
};

/** For staff: the latest request to each of these organisations, and whether its address is still written to. */
export async function latestConfirmations(organisationIds: string[], now = new Date()): Promise<Map<string, ConfirmationStatus>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db.confirmationRequest.findMany({
    where: { organisationId: { in: organisationIds } },
    orderBy: [{ organisationId: "asc" }, { createdAt: "desc" }],
    distinct: ["organisationId"],
  });
  const suppressions = await db.mailSuppression.findMany({ where: { email: { in: rows.map((row) => row.email) } } });
  const suppressed = new Map(suppressions.map((row) => [row.email, row.reason]));
  return new Map(
    rows.map((row) => [
      row.organisationId,
      {
        askedAt: row.createdAt.toISOString(),
        email: row.email,
        state:
          // Never delivered says more than expired.
          row.answer === "CONFIRMED"
            ? "confirmed"
            : row.answer === "CHANGED"
              ? "changed"
              : row.failedAt
                ? "failed"
                : row.expiresAt <= now
                  ? "expired"
                  : row.sentAt
                    ? "sent"
                    : "queued",
        failure: row.failure,
        suppressed: suppressed.get(row.email) ?? null,
      },
    ]),
  );
}

/** Which of these organisations list an e-mail address (the others cannot be asked: staff check them). */
export async function withEmail(organisationIds: string[]): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db.contact.findMany({ where: { organisationId: { in: organisationIds }, type: "EMAIL" }, select: { organisationId: true }, distinct: ["organisationId"] });
  return new Set(rows.map((row) => row.organisationId));
}
