import type { Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/data/errors";

/** Who writes: the signed-in user, their role, and their client address for the audit log. */
export type Actor = { id: string; role: Role; address?: string | null };

/**
 * What each role may write, checked by every lib/data write itself, so that a caller that forgets
 * the server action's check (lib/auth/define-action.ts, which checks the same first) still cannot write.
 */
const permissions = {
  /** Drafts, submitting, withdrawing, proposing archiving and restores, marking verified. */
  "organisations.propose": ["EDITOR", "REVIEWER", "ADMIN"],
  /** Approving, rejecting, sending back, taking over a public suggestion. */
  "changes.decide": ["REVIEWER", "ADMIN"],
  /** Accounts: invite, change role, disable, reset, sign out everywhere. */
  "users.manage": ["ADMIN"],
  /** Background jobs: see the queues and failed jobs, retry one. */
  "jobs.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** Throws ForbiddenError unless the actor's role may do this. */
export function assertMay(actor: Actor, permission: Permission): void {
  if (!(permissions[permission] as readonly Role[]).includes(actor.role)) {
    throw new ForbiddenError(`The ${actor.role.toLowerCase()} role may not do this (${permission}).`);
  }
}
