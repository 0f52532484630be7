"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { afterCommit } from "@/lib/after-commit";
import { defineAction } from "@/lib/auth/define-action";
import { draftMovedLink } from "@/lib/data/links";

const movedLinkSchema = z.strictObject({
  organisationId: z.uuid({ error: "This organisation does not exist." }),
  url: z.string().min(1).max(2000),
});

/** Drafts the change a moved link calls for; its author reviews and submits it like any other. */
export const draftLinkChange = defineAction({ name: "links.draft-moved", schema: movedLinkSchema, roles: ["ADMIN", "EDITOR", "REVIEWER"] }, async ({ organisationId, url }, actor) => {
  const draft = await draftMovedLink(actor, organisationId, url);
  afterCommit("links.draft-moved: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${draft.id}?saved=1`);
});
