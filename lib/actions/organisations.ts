"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/auth/action";
import { saveDraft, submitChangeSet, withdrawChangeSet } from "@/lib/data/change-sets";
import { organisationFormSchema } from "@/lib/validation/organisation";

/** Everyone on the staff drafts changes; reviewers and admins too (nobody decides on their own). */
const staff = ["ADMIN", "EDITOR", "REVIEWER"] as const;

/** Saves the organisation form as a draft change set, and submits it when asked to. */
export const saveOrganisation = action({ name: "organisations.save", schema: organisationFormSchema, roles: staff }, async (input, actor) => {
  const { changeSetId, revision, organisationId, intent, note, slug, name, acronym, kind, description, website, countries, contacts } = input;
  const saved = await saveDraft(actor, {
    id: changeSetId,
    revision,
    kind: organisationId ? "UPDATE" : "CREATE",
    organisationId,
    document: { slug, name, acronym, kind, description, website, countries, contacts: contacts.map(({ id, type, label, value, rawValue }) => ({ id, type, label, value, rawValue })) },
    note,
  });
  if (intent === "submit") await submitChangeSet(actor, saved.id);
  revalidatePath("/admin", "layout");
  redirect(`/admin/changes/${saved.id}?${intent === "submit" ? "submitted" : "saved"}=1`);
});

const changeSetIdSchema = z.strictObject({ changeSetId: z.uuid({ error: "This change does not exist." }) });

export const withdrawChange = action({ name: "changes.withdraw", schema: changeSetIdSchema, roles: staff }, async ({ changeSetId }, actor) => {
  await withdrawChangeSet(actor, changeSetId);
  revalidatePath("/admin", "layout");
  return { ok: true, message: "Withdrawn from review. You can edit it and submit it again." };
});
