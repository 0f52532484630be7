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

/** Appends a security event. The table is only ever appended to (and old addresses purged). */
export async function recordAudit(event: AuditInput): Promise<void> {
  await db.auditEvent.create({ data: { ...event, actorId: event.actorId ?? null } });
}

/**
 * Client addresses are personal data: after `days` they are removed from audit events and
 * sign-in attempts (old attempts are deleted: they only serve throttling). Returns what changed.
 */
export async function purgeAddresses(days: number, now = new Date()): Promise<{ audit: number; attempts: number }> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const [audit, attempts] = await db.$transaction([
    db.auditEvent.updateMany({ where: { createdAt: { lt: before }, address: { not: null } }, data: { address: null } }),
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
  ]);
  return { audit: audit.count, attempts: attempts.count };
}
