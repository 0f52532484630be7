import "server-only";
import { diffDocuments } from "@/lib/change-sets/document";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { parseStored, parseStoredOrNull, toStored, toStoredOrNull } from "@/lib/data/stored-documents";
import type { ChangeSetKind } from "@/lib/generated/prisma/enums";
import type { DraftInput } from "./drafts";
import { prepareProposal, refuseSecondOpenChange } from "./proposal";
import type { Actor } from "./shared";
import { assertMay } from "@/lib/data/actor";
import { answerConfirmation } from "@/lib/data/confirmations";
import type { Locale } from "@/lib/i18n/locales";

// Suggestions from the public: received as submitted change sets, or taken over by an editor.

export type SuggestionInput = {
  organisationId?: string | null;
  document: DraftInput["document"];
  note: string;
  suggester: { name: string | null; email: string | null; address: string; language?: Locale };
  /** The token of a confirmation request: the organisation itself sends it ("Something has changed"). */
  confirmation?: string;
};

/**
 * A suggestion from the public: a change set with no author, submitted at once. It never touches
 * published data until a reviewer approves it. Returns its id.
 */
export async function createSuggestion(input: SuggestionInput): Promise<string> {
  return db.$transaction(async (tx) => {
    const kind: ChangeSetKind = input.organisationId ? "UPDATE" : "CREATE";
    const organisationId = input.organisationId ?? null;
    const { base, baseLockVersion, proposed } = await prepareProposal(tx, { kind, organisationId, document: input.document, earlier: null });
    if (base?.archived) throw new NotFoundError("This organisation is not listed.");
    if (diffDocuments(base, proposed).length === 0) throw new ConflictError("This suggestion changes nothing: edit a field first.");
    if (input.confirmation !== undefined) {
      const opened = await answerConfirmation(tx, input.confirmation, "CHANGED");
      if (opened.state !== "valid" || opened.organisation.id !== organisationId) {
        throw new ConflictError("This confirmation link has already been used or has expired: send the correction from the listing's page instead.");
      }
    }
    const { id } = await tx.changeSet.create({
      data: {
        kind,
        organisationId,
        status: "SUBMITTED",
        submittedAt: new Date(),
        public: true,
        suggesterName: input.suggester.name,
        suggesterEmail: input.suggester.email,
        suggesterAddress: input.suggester.address,
        suggesterLanguage: input.suggester.language ?? null,
        fromOrganisation: input.confirmation !== undefined,
        baseVersion: baseLockVersion,
        base: toStoredOrNull(base),
        proposed: toStored(proposed),
        note: input.note,
      },
      select: { id: true },
    });
    await recordAudit({ action: "suggestion.received", subject: `change-set:${id}`, address: input.suggester.address }, tx);
    return id;
  });
}

/**
 * Turns a public suggestion into the reviewer's own draft, to complete it before it goes through
 * review again (decided then by someone else). The suggestion is closed as taken over.
 */
export async function adoptSuggestion(actor: Actor, id: string): Promise<string> {
  assertMay(actor, "changes.decide");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "ChangeSet" WHERE id = ${id}::uuid FOR UPDATE`;
    const suggestion = await tx.changeSet.findUnique({ where: { id } });
    if (!suggestion?.public) throw new NotFoundError("This suggestion does not exist.");
    if (suggestion.status !== "SUBMITTED") throw new ConflictError("This suggestion has already been decided.");
    await refuseSecondOpenChange(tx, actor, suggestion.organisationId);
    const { id: draftId } = await tx.changeSet.create({
      data: {
        kind: suggestion.kind,
        organisationId: suggestion.organisationId,
        authorId: actor.id,
        baseVersion: suggestion.baseVersion,
        // Parsed and stored again: an older format is upgraded on the way.
        base: toStoredOrNull(parseStoredOrNull(suggestion.base, "ChangeSet.base", id)),
        proposed: toStored(parseStored(suggestion.proposed, "ChangeSet.proposed", id)),
        note: suggestion.note ? `From a public suggestion: ${suggestion.note}` : "From a public suggestion.",
      },
      select: { id: true },
    });
    await tx.changeSet.update({
      where: { id },
      data: { status: "WITHDRAWN", decisionNote: "Taken over by an editor, who completes it before review.", decidedAt: new Date(), decidedById: actor.id },
    });
    await recordAudit({ action: "suggestion.adopted", actorId: actor.id, subject: `change-set:${id}`, address: actor.address, details: { draft: draftId } }, tx);
    return draftId;
  });
}
