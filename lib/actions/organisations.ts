"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { afterCommit } from "@/lib/after-commit";
import { defineAction } from "@/lib/auth/define-action";
import { revalidatePublic } from "@/lib/cache";
import { findSimilarOrganisations } from "@/lib/data/admin-organisations";
import { ConflictError } from "@/lib/data/errors";
import { proposeRestore } from "@/lib/data/revisions";
import { markVerified, proposeArchive, saveDraft, submitChangeSet, withdrawChangeSet } from "@/lib/data/change-sets";
import { similarLookupSchema } from "@/lib/validation/duplicates";
import { organisationFormSchema } from "@/lib/validation/organisation";

/** Everyone on the staff drafts changes; reviewers and admins too (nobody decides on their own). */
const staff = ["ADMIN", "EDITOR", "REVIEWER"] as const;

/** Saves the organisation form as a draft change set, and submits it when asked to. */
export const saveOrganisation = defineAction({ name: "organisations.save", schema: organisationFormSchema, roles: staff }, async (input, actor) => {
  const { changeSetId, revision, organisationId, intent, note, slug, name, acronym, kind, description, website, countries, contacts } = input;
  const saved = await saveDraft(actor, {
    id: changeSetId,
    revision,
    kind: organisationId ? "UPDATE" : "CREATE",
    organisationId,
    document: { slug, name, acronym, kind, description, website, countries, contacts: contacts.map(({ id, type, label, value, rawValue }) => ({ id, type, label, value, rawValue })) },
    note,
  });
  let outcome = intent === "submit" ? "submitted=1" : "saved=1";
  if (intent === "submit") {
    // Saved either way: if it cannot be submitted, the author lands on the saved draft with the reason.
    try {
      // Exactly the revision just saved: a save from another tab in between is not sent unseen.
      await submitChangeSet(actor, saved.id, saved.revision);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      outcome = `saved=1&notSubmitted=${encodeURIComponent(error.message)}`;
    }
  }
  afterCommit("organisations.save: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${saved.id}?${outcome}`);
});

const changeSetIdSchema = z.strictObject({ changeSetId: z.uuid({ error: "This change does not exist." }) });

export const withdrawChange = defineAction({ name: "changes.withdraw", schema: changeSetIdSchema, roles: staff }, async ({ changeSetId }, actor) => {
  await withdrawChangeSet(actor, changeSetId);
  afterCommit("changes.withdraw: refreshing pages", () => revalidatePath("/admin", "layout"));
  return { ok: true, message: "Withdrawn from review. You can edit it and submit it again." };
});

const archiveSchema = z.strictObject({
  organisationId: z.uuid({ error: "This organisation does not exist." }),
  archive: z.enum(["true", "false"]).transform((value) => value === "true"),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
});

/** Proposes archiving or restoring an organisation; a reviewer decides. */
export const proposeArchiving = defineAction({ name: "organisations.archive", schema: archiveSchema, roles: staff }, async ({ organisationId, archive, note }, actor) => {
  const id = await proposeArchive(actor, organisationId, archive, note);
  afterCommit("organisations.archive: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${id}?submitted=1`);
});

const organisationIdSchema = z.strictObject({ organisationId: z.uuid({ error: "This organisation does not exist." }) });

export const verifyOrganisation = defineAction({ name: "organisations.verify", schema: organisationIdSchema, roles: staff }, async ({ organisationId }, actor) => {
  const changed = await markVerified(actor, organisationId);
  afterCommit("organisations.verify: refreshing pages", () => {
    revalidatePublic(changed);
    revalidatePath("/admin", "layout");
  });
  return { ok: true, message: "Marked as verified today." };
});

/** Likely duplicates of what is being typed in the organisation form (a read; no change). */
export const findSimilar = defineAction({ name: "organisations.similar", schema: similarLookupSchema, roles: staff }, async ({ name, website, emails, phones, organisationId }) => {
  return { ok: true, data: await findSimilarOrganisations({ name, website, emails, phones, excludeId: organisationId }) };
});

const restoreSchema = z.strictObject({
  organisationId: z.uuid({ error: "This organisation does not exist." }),
  revisionNumber: z.coerce.number({ error: "Choose a revision." }).int().positive(),
});

/** Proposes restoring an earlier revision; it goes through review like any other change. */
export const restoreRevision = defineAction({ name: "organisations.restore-revision", schema: restoreSchema, roles: staff }, async ({ organisationId, revisionNumber }, actor) => {
  const id = await proposeRestore(actor, organisationId, revisionNumber);
  afterCommit("organisations.restore-revision: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${id}?submitted=1`);
});
