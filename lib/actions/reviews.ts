"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { afterCommit } from "@/lib/after-commit";
import { defineAction } from "@/lib/auth/define-action";
import { revalidatePublic } from "@/lib/cache";
import { z } from "zod";
import { adoptSuggestion, applyChangeSet, declineChangeSet } from "@/lib/data/change-sets";
import { getSuggesterContact } from "@/lib/data/reviews";
import { sendSuggestionOutcome } from "@/lib/mail";
import { decisionSchema } from "@/lib/validation/review";

/** Approves the accepted changes, rejects, or sends back: reviewers and admins, never on their own change. */
export const decide = defineAction({ name: "reviews.decide", schema: decisionSchema, roles: ["ADMIN", "REVIEWER"] }, async ({ changeSetId, revision, decision, accept, note }, actor) => {
  let tags: string[] = [];
  let partly = false;
  if (decision === "approve") {
    ({ tags, partly } = await applyChangeSet(actor, changeSetId, accept, { note, revision }));
  } else {
    await declineChangeSet(actor, changeSetId, decision === "reject" ? "REJECTED" : "CHANGES_REQUESTED", note, { revision });
  }
  // Committed: from here on nothing may turn the decision into an error message.
  afterCommit(`reviews.decide ${changeSetId}: refreshing pages`, () => {
    // The public pages show the change on their next request.
    revalidatePublic(tags);
    revalidatePath("/admin", "layout");
  });
  // A public suggestion is approved or rejected (it has no author to send it back to).
  if (decision !== "request-changes") {
    afterCommit(`reviews.decide ${changeSetId}: telling the suggester`, async () => {
      const suggester = await getSuggesterContact(changeSetId);
      if (suggester) await sendSuggestionOutcome({ ...suggester, to: suggester.email, outcome: decision === "reject" ? "rejected" : partly ? "partly-approved" : "approved", note });
    });
  }
  redirect(`/admin/reviews?decided=${decision}`);
});

const suggestionIdSchema = z.strictObject({ changeSetId: z.uuid({ error: "This suggestion does not exist." }) });

/** Turns a public suggestion into the reviewer's own draft. */
export const adopt = defineAction({ name: "reviews.adopt", schema: suggestionIdSchema, roles: ["ADMIN", "REVIEWER"] }, async ({ changeSetId }, actor) => {
  const draftId = await adoptSuggestion(actor, changeSetId);
  afterCommit("reviews.adopt: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${draftId}?saved=1`);
});
