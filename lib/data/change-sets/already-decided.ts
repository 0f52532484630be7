import type { ChangeSetStatus } from "@/lib/generated/prisma/enums";
import type { Actor, Tx } from "./shared";

// Why a change set is no longer there to decide, for the reviewer who lost the race
// (lib/data/change-sets/decisions.ts).

/**
 * "14:05" and "2026-12-03" of "14:05 UTC on 2026-12-03" (the admin pages' times are in UTC): numbers
 * only, which read the same in every language the message is translated into.
 */
const moment = (date: Date) => ({ time: date.toISOString().slice(11, 16), date: date.toISOString().slice(0, 10) });

/** What became of the decision of the reviewer who lost the race: how each message below ends. */
export type Outcome = "notRecorded" | "notApplied";
/** Who decided: the reviewer themself, one whose account is gone, or another, by {name}. */
type Decider = "you" | "gone" | "named";
type DecidedStatus = "APPROVED" | "PARTLY_APPROVED" | "REJECTED" | "CHANGES_REQUESTED";

/**
 * Why a change set is no longer there to decide, each variant a whole sentence: each is a
 * message of messages/*.json's "Errors", found again by its text ({name}, {time} and {date} are
 * filled in). Who decided it, what, and when; or that its author withdrew it.
 */
const alreadyDecidedMessages: Record<Outcome, Record<DecidedStatus | "tookOver" | "sentBack", Record<Decider, string>> & Record<"withdrewAt" | "withdrew" | "unknown", string>> = {
  notRecorded: {
    APPROVED: {
      you: "You already approved this change at {time} UTC on {date}; your decision was not recorded.",
      gone: "Another reviewer already approved this change at {time} UTC on {date}; your decision was not recorded.",
      named: "{name} already approved this change at {time} UTC on {date}; your decision was not recorded.",
    },
    PARTLY_APPROVED: {
      you: "You already approved part of this change at {time} UTC on {date}; your decision was not recorded.",
      gone: "Another reviewer already approved part of this change at {time} UTC on {date}; your decision was not recorded.",
      named: "{name} already approved part of this change at {time} UTC on {date}; your decision was not recorded.",
    },
    REJECTED: {
      you: "You already rejected this change at {time} UTC on {date}; your decision was not recorded.",
      gone: "Another reviewer already rejected this change at {time} UTC on {date}; your decision was not recorded.",
      named: "{name} already rejected this change at {time} UTC on {date}; your decision was not recorded.",
    },
    CHANGES_REQUESTED: {
      you: "You already sent this change back to its author at {time} UTC on {date}; your decision was not recorded.",
      gone: "Another reviewer already sent this change back to its author at {time} UTC on {date}; your decision was not recorded.",
      named: "{name} already sent this change back to its author at {time} UTC on {date}; your decision was not recorded.",
    },
    tookOver: {
      you: "You already took this suggestion over as your own draft at {time} UTC on {date}; your decision was not recorded.",
      gone: "Another reviewer already took this suggestion over as their own draft at {time} UTC on {date}; your decision was not recorded.",
      named: "{name} already took this suggestion over as their own draft at {time} UTC on {date}; your decision was not recorded.",
    },
    sentBack: {
      you: "You sent this change back to its author at {time} UTC on {date}, and the author is editing it; your decision was not recorded.",
      gone: "Another reviewer sent this change back to its author at {time} UTC on {date}, and the author is editing it; your decision was not recorded.",
      named: "{name} sent this change back to its author at {time} UTC on {date}, and the author is editing it; your decision was not recorded.",
    },
    withdrewAt: "The author withdrew this change at {time} UTC on {date}; your decision was not recorded.",
    withdrew: "The author withdrew this change; your decision was not recorded.",
    unknown: "This change has already been decided (or withdrawn); your decision was not recorded.",
  },
  notApplied: {
    APPROVED: {
      you: "You already approved this change at {time} UTC on {date}; nothing you chose was applied.",
      gone: "Another reviewer already approved this change at {time} UTC on {date}; nothing you chose was applied.",
      named: "{name} already approved this change at {time} UTC on {date}; nothing you chose was applied.",
    },
    PARTLY_APPROVED: {
      you: "You already approved part of this change at {time} UTC on {date}; nothing you chose was applied.",
      gone: "Another reviewer already approved part of this change at {time} UTC on {date}; nothing you chose was applied.",
      named: "{name} already approved part of this change at {time} UTC on {date}; nothing you chose was applied.",
    },
    REJECTED: {
      you: "You already rejected this change at {time} UTC on {date}; nothing you chose was applied.",
      gone: "Another reviewer already rejected this change at {time} UTC on {date}; nothing you chose was applied.",
      named: "{name} already rejected this change at {time} UTC on {date}; nothing you chose was applied.",
    },
    CHANGES_REQUESTED: {
      you: "You already sent this change back to its author at {time} UTC on {date}; nothing you chose was applied.",
      gone: "Another reviewer already sent this change back to its author at {time} UTC on {date}; nothing you chose was applied.",
      named: "{name} already sent this change back to its author at {time} UTC on {date}; nothing you chose was applied.",
    },
    tookOver: {
      you: "You already took this suggestion over as your own draft at {time} UTC on {date}; nothing you chose was applied.",
      gone: "Another reviewer already took this suggestion over as their own draft at {time} UTC on {date}; nothing you chose was applied.",
      named: "{name} already took this suggestion over as their own draft at {time} UTC on {date}; nothing you chose was applied.",
    },
    sentBack: {
      you: "You sent this change back to its author at {time} UTC on {date}, and the author is editing it; nothing you chose was applied.",
      gone: "Another reviewer sent this change back to its author at {time} UTC on {date}, and the author is editing it; nothing you chose was applied.",
      named: "{name} sent this change back to its author at {time} UTC on {date}, and the author is editing it; nothing you chose was applied.",
    },
    withdrewAt: "The author withdrew this change at {time} UTC on {date}; nothing you chose was applied.",
    withdrew: "The author withdrew this change; nothing you chose was applied.",
    unknown: "This change has already been decided (or withdrawn); nothing you chose was applied.",
  },
};

const decidedStatuses: readonly ChangeSetStatus[] = ["APPROVED", "PARTLY_APPROVED", "REJECTED", "CHANGES_REQUESTED"] satisfies DecidedStatus[];

/** A message with its {arguments} filled in. */
const fill = (message: string, values: Record<string, string>) => message.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);

/**
 * Why a change set is no longer there to decide, for the reviewer who lost the race: who decided
 * it, what, and when; or that its author withdrew it. `outcome`: what became of their own decision.
 */
export async function alreadyDecidedMessage(
  tx: Tx,
  actor: Actor,
  changeSet: { id: string; status: ChangeSetStatus; public: boolean; decidedAt: Date | null; decidedById: string | null },
  outcome: Outcome,
): Promise<string> {
  const messages = alreadyDecidedMessages[outcome];
  const decider = async (): Promise<{ by: Decider; name: string }> => {
    if (changeSet.decidedById === actor.id) return { by: "you", name: "" };
    const user = changeSet.decidedById ? await tx.user.findUnique({ where: { id: changeSet.decidedById }, select: { name: true } }) : null;
    return user ? { by: "named", name: user.name } : { by: "gone", name: "" };
  };
  const byWhom = async (situation: Record<Decider, string>, at: Date) => {
    const { by, name } = await decider();
    return fill(situation[by], { name, ...moment(at) });
  };
  if (decidedStatuses.includes(changeSet.status) && changeSet.decidedAt) return byWhom(messages[changeSet.status as DecidedStatus], changeSet.decidedAt);
  // A public suggestion taken over as a reviewer's draft (adoptSuggestion) is withdrawn and marked as decided by them.
  if (changeSet.public && changeSet.status === "WITHDRAWN" && changeSet.decidedAt) return byWhom(messages.tookOver, changeSet.decidedAt);
  if (changeSet.status === "WITHDRAWN" || changeSet.status === "DRAFT") {
    const withdrawn = await tx.auditEvent.findFirst({ where: { action: "change-set.withdrawn", subject: `change-set:${changeSet.id}` }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    // Sent back, then edited by its author (a save makes it a draft again): not a withdrawal.
    if (changeSet.decidedAt && (!withdrawn || withdrawn.createdAt < changeSet.decidedAt)) return byWhom(messages.sentBack, changeSet.decidedAt);
    return withdrawn ? fill(messages.withdrewAt, moment(withdrawn.createdAt)) : messages.withdrew;
  }
  return messages.unknown;
}
