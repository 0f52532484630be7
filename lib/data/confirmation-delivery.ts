import "server-only";
import { db } from "@/lib/db";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { assertMay, type Actor } from "@/lib/data/actor";
import { recordAudit } from "@/lib/data/audit";
import { confirmationToken } from "@/lib/data/confirmations";

// The delivery side of confirmation requests (lib/data/confirmations.ts): what the worker's message
// says (lib/jobs/mail.ts), what became of it (sent, refused at sending, bounced later through
// POST /api/bounces), and the addresses no request goes to any more (MailSuppression), which staff
// may lift.

/** What the message of a request says: the listing as it is published now. */
export async function confirmationMessage(id: string, now = new Date()) {
  const request = await db.confirmationRequest.findUnique({
    where: { id },
    select: {
      email: true,
      expiresAt: true,
      answeredAt: true,
      sentAt: true,
      organisation: {
        select: {
          slug: true,
          name: true,
          acronym: true,
          status: true,
          website: true,
          description: true,
          originalLanguage: true,
          countries: { select: { country: { select: { code: true, name: true } } }, orderBy: { position: "asc" } },
          contacts: { select: { type: true, label: true, value: true }, orderBy: { position: "asc" } },
        },
      },
    },
  });
  // Nothing to send for a request answered, expired or sent meanwhile (a retry after the mail
  // server took it), a listing archived since, or an address that unsubscribed or bounced since.
  if (!request || request.answeredAt || request.sentAt || request.expiresAt <= now || request.organisation.status !== "PUBLISHED") return null;
  if (await db.mailSuppression.findUnique({ where: { email: request.email }, select: { email: true } })) return null;
  const { organisation } = request;
  return {
    to: request.email,
    expiresAt: request.expiresAt,
    token: confirmationToken(id),
    // The listing's own language: the organisation wrote it, and reads the request in it.
    language: isLocale(organisation.originalLanguage) ? organisation.originalLanguage : defaultLocale,
    listing: {
      slug: organisation.slug,
      name: organisation.name,
      acronym: organisation.acronym,
      website: organisation.website,
      description: organisation.description,
      countries: organisation.countries.map(({ country }) => country),
      contacts: organisation.contacts,
    },
  };
}

/**
 * Recipients a later bounce (lib/mail-bounces.ts) says failed for good: no request goes to them
 * again, and the latest unanswered request to each is shown to staff as not delivered. Returns the
 * addresses it knew.
 */
export async function recordBounces(bounces: { email: string; status: string; diagnostic: string | null }[], now = new Date()): Promise<string[]> {
  const known: string[] = [];
  for (const { email, status, diagnostic } of bounces) {
    const failure = `${status}${diagnostic ? ` ${diagnostic}` : ""}`.slice(0, 500);
    await db.$transaction(async (tx) => {
      const latest = await tx.confirmationRequest.findFirst({ where: { email, answeredAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, organisationId: true } });
      if (!latest) return;
      known.push(email);
      await tx.confirmationRequest.update({ where: { id: latest.id }, data: { failedAt: now, failure } });
      await tx.mailSuppression.upsert({ where: { email }, create: { email, reason: "BOUNCED", detail: failure }, update: {} });
      await recordAudit({ action: "organisation.confirmation-bounced", subject: `organisation:${latest.organisationId}`, details: { status } }, tx);
    });
  }
  return known;
}

/** The mail server took the message. */
export async function recordConfirmationSent(id: string, now = new Date()): Promise<void> {
  await db.confirmationRequest.updateMany({ where: { id }, data: { sentAt: now, failedAt: null, failure: null } });
}

/**
 * The message could not be delivered: recorded on the request, shown to staff. `permanent` (the
 * mail server refused the address for good) also stops further requests to the address.
 */
export async function recordConfirmationFailed(id: string, failure: string, permanent: boolean, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await tx.confirmationRequest.update({ where: { id }, data: { failedAt: now, failure: failure.slice(0, 500) }, select: { email: true } });
    if (permanent) {
      await tx.mailSuppression.upsert({
        where: { email: request.email },
        create: { email: request.email, reason: "BOUNCED", detail: failure.slice(0, 500) },
        update: {},
      });
    }
  });
}

/** Staff write to an address again (it unsubscribed by mistake, or its mailbox exists again). Audited. */
export async function liftSuppression(actor: Actor, email: string): Promise<boolean> {
  assertMay(actor, "organisations.propose");
  return db.$transaction(async (tx) => {
    const { count } = await tx.mailSuppression.deleteMany({ where: { email: email.toLowerCase() } });
    if (count > 0) await recordAudit({ action: "confirmation.suppression-lifted", actorId: actor.id, subject: `email:${email.toLowerCase()}`, address: actor.address }, tx);
    return count > 0;
  });
}
