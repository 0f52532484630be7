"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/auth/define-action";
import { changeImportSettings, decideImport, sendImport } from "@/lib/data/import-batches";
import { importDecisionSchema, importIdSchema, importSettingsFormSchema } from "@/lib/validation/import";

/** The author changes how the file is read, mapped and matched; the file is checked again. */
export const changeImportSettingsAction = defineAction(
  { name: "imports.settings", schema: importSettingsFormSchema, roles: ["EDITOR", "REVIEWER", "ADMIN"] },
  async ({ batchId, settings, mapping }, actor) => {
    await changeImportSettings(actor, batchId, settings, mapping);
    revalidatePath(`/admin/imports/${batchId}`);
    redirect(`/admin/imports/${batchId}`);
  },
);

/** The author sends the import's rows to review, as change sets (a job). */
export const sendImportAction = defineAction({ name: "imports.send", schema: importIdSchema, roles: ["EDITOR", "REVIEWER", "ADMIN"] }, async ({ batchId }, actor) => {
  await sendImport(actor, batchId);
  revalidatePath("/admin", "layout");
  redirect(`/admin/imports/${batchId}`);
});

/** A reviewer other than the author approves, or rejects with a reason, every change of the import still waiting (a job). */
export const decideImportAction = defineAction({ name: "imports.decide", schema: importDecisionSchema, roles: ["REVIEWER", "ADMIN"] }, async ({ batchId, decision, note }, actor) => {
  await decideImport(actor, batchId, decision, note);
  revalidatePath("/admin", "layout");
  redirect(`/admin/imports/${batchId}`);
});
