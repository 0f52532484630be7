"use client";

import { ConfirmForm } from "@/components/ui/confirm-form";
import { FieldError, FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { decideImportAction } from "@/lib/actions/imports";
import { useFormAction } from "@/components/ui/use-form-action";

/** The form's texts in the reader's language (the confirmation's title names how many changes wait). */
type Texts = { title: string; description: string; confirm: string; cancel: string; reason: string; submit: string; pending: string };

/** A reviewer rejects every change of an import still waiting, with the reason its author will see; confirmed first. */
export function RejectImportForm({ batchId, texts }: { batchId: string; texts: Texts }) {
  const [state, formAction] = useFormAction(decideImportAction);
  const errors = state.fieldErrors?.note;
  return (
    <ConfirmForm action={formAction} className="space-y-2" confirmation={{ title: texts.title, description: texts.description, confirm: texts.confirm, cancel: texts.cancel }}>
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="decision" value="reject" />
      <label htmlFor="import-reject-note" className="block font-medium">
        {texts.reason}
      </label>
      <textarea
        id="import-reject-note"
        name="note"
        rows={2}
        aria-invalid={errors ? true : undefined}
        aria-describedby="import-reject-note-error"
        className="w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
      />
      <FieldError id="import-reject-note-error" errors={errors} />
      <SubmitButton pending={texts.pending} variant="danger">
        {texts.submit}
      </SubmitButton>
    </ConfirmForm>
  );
}
