"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { afterCommit } from "@/lib/after-commit";
import { defineAction } from "@/lib/auth/define-action";
import { revalidatePublic } from "@/lib/cache";
import { mostReadPages } from "@/lib/cache-tags";
import { findPublishedSlug } from "@/lib/data/organisations";
import { z } from "zod";
import { adoptSuggestion, applyChangeSet, declineChangeSet } from "@/lib/data/change-sets";
import { decisionSchema } from "@/lib/validation/review";

/** Approves the accepted changes, rejects, or sends back: reviewers and admins, never on their own change. */
export const decide = defineAction({ name: "reviews.decide", schema: decisionSchema, roles: ["ADMIN", "REVIEWER"] }, async ({ changeSetId, revision, decision, accept, note }, actor) => {
  let tags: string[] = [];
  let pages: string[] = [];
  // A public suggester's outcome mail is queued by the decision's own transaction (lib/data/change-sets).
  if (decision === "approve") {
    const applied = await applyChangeSet(actor, changeSetId, accept, { note, revision });
    tags = applied.tags;
    pages = mostReadPages(tags, await findPublishedSlug(applied.organisationId).catch(() => null));
  } else {
    await declineChangeSet(actor, changeSetId, decision === "reject" ? "REJECTED" : "CHANGES_REQUESTED", note, { revision });
  }
  // Committed: from here on nothing may turn the decision into an error message.
  afterCommit(`reviews.decide ${changeSetId}: refreshing pages`, () => {
    // The public pages show the change on their next request; the most read are rendered again at once.
    revalidatePublic(tags, pages);
    revalidatePath("/admin", "layout");
  });
  redirect(`/admin/reviews?decided=${decision}`);
});

const suggestionIdSchema = z.strictObject({ changeSetId: z.uuid({ error: "This suggestion does not exist." }) });

/** Turns a public suggestion into the reviewer's own draft. */
export const adopt = defineAction({ name: "reviews.adopt", schema: suggestionIdSchema, roles: ["ADMIN", "REVIEWER"] }, async ({ changeSetId }, actor) => {
  const draftId = await adoptSuggestion(actor, changeSetId);
  afterCommit("reviews.adopt: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${draftId}?saved=1`);
});
