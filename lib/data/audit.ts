import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  action: string;
  actorId?: string | null;
  subject?: string | null;
  address?: string | null;
  details?: Prisma.InputJsonValue;
};

/**
 * Appends a security event; pass the transaction to write it with the change it records. The
 * table is only ever appended to (and old addresses purged).
 */
export async function recordAudit(event: AuditInput, client: Pick<Prisma.TransactionClient, "auditEvent"> = db): Promise<void> {
  await client.auditEvent.create({ data: { ...event, actorId: event.actorId ?? null } });
}

/**
 * Client addresses are personal data: after `days` they are removed from audit events and
 * sign-in attempts (old attempts are deleted: they only serve throttling). A public suggestion's
 * name, e-mail and address go `suggestionDays` after it is decided. Returns what changed.
 */
export async function purgeAddresses(days: number, now = new Date(), suggestionDays = days): Promise<{ audit: number; attempts: number; suggestions: number }> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const decidedBefore = new Date(now.getTime() - suggestionDays * 24 * 60 * 60 * 1000);
  const [audit, attempts, suggestions] = await db.$transaction([
    db.auditEvent.updateMany({ where: { createdAt: { lt: before }, address: { not: null } }, data: { address: null } }),
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
    db.changeSet.updateMany({
      where: { public: true, decidedAt: { lt: decidedBefore }, OR: [{ suggesterName: { not: null } }, { suggesterEmail: { not: null } }, { suggesterAddress: { not: null } }] },
      data: { suggesterName: null, suggesterEmail: null, suggesterAddress: null },
    }),
    db.suggestionAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } }),
  ]);
  return { audit: audit.count, attempts: attempts.count, suggestions: suggestions.count };
}

export type AuditEventDto = {
  id: string;
  createdAt: Date;
  action: string;
  subject: string | null;
  address: string | null;
  actor: { name: string; email: string } | null;
};

export const auditPageSize = 50;

/** Audit events, newest first, optionally of one action (prefix, e.g. "sign-in"), a page at a time. */
export async function listAuditEvents({ action, page }: { action?: string; page: number }): Promise<{ events: AuditEventDto[]; hasMore: boolean }> {
  const rows = await db.auditEvent.findMany({
    where: action ? { action: { startsWith: action } } : undefined,
    select: { id: true, createdAt: true, action: true, subject: true, address: true, actorId: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * auditPageSize,
    take: auditPageSize + 1,
  });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })).map((user) => [user.id, user]),
  );
  return {
    events: rows.slice(0, auditPageSize).map(({ actorId, ...row }) => {
      const actor = actorId ? actors.get(actorId) : undefined;
      return { ...row, actor: actor ? { name: actor.name, email: actor.email } : null };
    }),
    hasMore: rows.length > auditPageSize,
  };
}
