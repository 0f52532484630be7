"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/auth/action";
import { revalidatePublic } from "@/lib/cache";
import { z } from "zod";
import { adoptSuggestion, applyChangeSet, declineChangeSet } from "@/lib/data/change-sets";
import { getSuggesterContact } from "@/lib/data/reviews";
import { sendSuggestionOutcome } from "@/lib/mail";
import { decisionSchema } from "@/lib/validation/review";

/** Approves the accepted changes, rejects, or sends back: reviewers and admins, never on their own change. */
export const decide = action({ name: "reviews.decide", schema: decisionSchema, roles: ["ADMIN", "REVIEWER"] }, async ({ changeSetId, decision, accept, note }, actor) => {
  let partly = false;
  if (decision === "approve") {
    const { tags, partly: someRejected } = await applyChangeSet(actor, changeSetId, accept, note);
    partly = someRejected;
    // After the commit: the public pages show the change on their next request.
    revalidatePublic(tags);
  } else {
    await declineChangeSet(actor, changeSetId, decision === "reject" ? "REJECTED" : "CHANGES_REQUESTED", note);
  }
  // A public suggestion is approved or rejected (it has no author to send it back to).
  const suggester = decision === "request-changes" ? null : await getSuggesterContact(changeSetId);
  if (suggester) {
    await sendSuggestionOutcome({ ...suggester, to: suggester.email, outcome: decision === "reject" ? "rejected" : partly ? "partly-approved" : "approved", note });
  }
  revalidatePath("/admin", "layout");
  redirect(`/admin/reviews?decided=${decision}`);
});

const suggestionIdSchema = z.strictObject({ changeSetId: z.uuid({ error: "This suggestion does not exist." }) });

/** Turns a public suggestion into the reviewer's own draft. */
export const adopt = action({ name: "reviews.adopt", schema: suggestionIdSchema, roles: ["ADMIN", "REVIEWER"] }, async ({ changeSetId }, actor) => {
  const draftId = await adoptSuggestion(actor, changeSetId);
  revalidatePath("/admin", "layout");
  redirect(`/admin/changes/${draftId}?saved=1`);
});
