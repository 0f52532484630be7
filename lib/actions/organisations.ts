"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { afterCommit } from "@/lib/after-commit";
import { defineAction } from "@/lib/auth/define-action";
import { revalidatePublic } from "@/lib/cache";
import { findSimilarOrganisations } from "@/lib/data/admin-organisations";
import { ConflictError } from "@/lib/data/errors";
import { proposeRestore } from "@/lib/data/revisions";
import { discardDraft, markVerified, overlappingChanges, proposeArchive, saveDraft, submitChangeSet, withdrawChangeSet, type DraftInput } from "@/lib/data/change-sets";
import { valuePreviewSchema } from "@/lib/validation/contact";
import { similarLookupSchema } from "@/lib/validation/duplicates";
import { organisationFormSchema, type OrganisationForm } from "@/lib/validation/organisation";

/** Everyone on the staff drafts changes; reviewers and admins too (nobody decides on their own). */
const staff = ["ADMIN", "EDITOR", "REVIEWER"] as const;

/** The organisation form as the draft it saves. */
const draftOf = ({ changeSetId, revision, organisationId, note, slug, name, acronym, kind, description, website, countries, contacts, originalLanguage, translations }: OrganisationForm): DraftInput => ({
  id: changeSetId,
  revision,
  kind: organisationId ? "UPDATE" : "CREATE",
  organisationId,
  document: {
    slug,
    name,
    acronym,
    kind,
    description,
    website,
    countries,
    contacts: contacts.map(({ id, type, label, value, rawValue }) => ({ id, type, label, value, rawValue })),
    originalLanguage,
    translations,
  },
  note,
});

/**
 * Saves the organisation form as a draft change set, and submits it when asked to. A change to
 * something another person's pending change also changes is submitted only once the author has
 * seen that and confirmed (`confirmOverlap`): until then it stays a saved draft.
 */
export const saveOrganisation = defineAction({ name: "organisations.save", schema: organisationFormSchema, roles: staff }, async (input, actor) => {
  const saved = await saveDraft(actor, draftOf(input));
  let outcome = input.intent === "submit" ? "submitted=1" : "saved=1";
  if (input.intent === "submit" && !input.confirmOverlap && (await overlappingChanges(actor, saved.id)).length) {
    outcome = "saved=1&overlap=1";
  } else if (input.intent === "submit") {
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

export type Autosaved = { changeSetId: string; revision: number; savedAt: string };

/**
 * The form saved as a draft while it is typed (never submitted). Answers the draft's id and new
 * revision, which the form sends with its next save: a save from another tab in between makes
 * the next one a conflict, never an overwrite.
 */
export const autosaveOrganisation = defineAction({ name: "organisations.autosave", schema: organisationFormSchema, roles: staff }, async (input, actor) => {
  const saved = await saveDraft(actor, draftOf(input));
  const data: Autosaved = { changeSetId: saved.id, revision: saved.revision, savedAt: new Date().toISOString() };
  return { ok: true, data };
});

const changeSetIdSchema = z.strictObject({ changeSetId: z.uuid({ error: "This change does not exist." }) });

export const withdrawChange = defineAction({ name: "changes.withdraw", schema: changeSetIdSchema, roles: staff }, async ({ changeSetId }, actor) => {
  await withdrawChangeSet(actor, changeSetId);
  afterCommit("changes.withdraw: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${changeSetId}?withdrawn=1`);
});

/** Deletes the author's draft (never a change waiting for review or decided). */
export const discardChange = defineAction({ name: "changes.discard", schema: changeSetIdSchema, roles: staff }, async ({ changeSetId }, actor) => {
  const { name, created } = await discardDraft(actor, changeSetId);
  afterCommit("changes.discard: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin?discarded=${encodeURIComponent(name.slice(0, 200))}${created ? "&new=1" : ""}`);
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
  const t = await getTranslations({ locale: actor.language, namespace: "Outcomes" });
  return { ok: true, message: t("verified") };
});

/** Likely duplicates of what is being typed in the organisation form (a read; no change). */
export const findSimilar = defineAction({ name: "organisations.similar", schema: similarLookupSchema, roles: staff }, async ({ name, website, emails, phones, organisationId }) => {
  return { ok: true, data: await findSimilarOrganisations({ name, website, emails, phones, excludeId: organisationId }) };
});

/** The website and contacts as they will be saved and shown, while they are typed (a read; no change). */
export const previewValues = defineAction({ name: "organisations.preview-values", schema: valuePreviewSchema, roles: staff }, async (preview) => {
  return { ok: true, data: preview };
});

const restoreSchema = z.strictObject({
  organisationId: z.uuid({ error: "This organisation does not exist." }),
  revisionNumber: z.coerce.number({ error: "Choose a revision." }).int().positive(),
});

/** Proposes restoring an earlier revision; it goes through review like any other change. */
export const restoreRevision = defineAction({ name: "organisations.restore-revision", schema: restoreSchema, roles: staff }, async ({ organisationId, revisionNumber }, actor) => {
  // The note is the proposer's, in their words: the reviewer reads it as they would any note.
  const t = await getTranslations({ locale: actor.language, namespace: "Outcomes" });
  const id = await proposeRestore(actor, organisationId, revisionNumber, t("restoresRevision", { number: revisionNumber }));
  afterCommit("organisations.restore-revision: refreshing pages", () => revalidatePath("/admin", "layout"));
  redirect(`/admin/changes/${id}?submitted=1`);
});
