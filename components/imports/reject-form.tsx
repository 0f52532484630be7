"use client";

import { ConfirmForm } from "@/components/ui/confirm-form";
import { FieldError, FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { decideImportAction } from "@/lib/actions/imports";
import { useFormAction } from "@/components/ui/use-form-action";

/** A reviewer rejects every change of an import still waiting, with the reason its author will see; confirmed first. */
export function RejectImportForm({ batchId, waiting }: { batchId: string; waiting: number }) {
  const [state, formAction] = useFormAction(decideImportAction);
  const errors = state.fieldErrors?.note;
  return (
    <ConfirmForm
      action={formAction}
      className="space-y-2"
      confirmation={{ title: `Reject the ${waiting.toLocaleString("en")} changes of this import still waiting?`, description: "None of them will be published; the author sees your reason.", confirm: "Reject them all" }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="decision" value="reject" />
      <label htmlFor="import-reject-note" className="block font-medium">
        Reason for rejecting them all
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
      <SubmitButton pending="Rejecting…" variant="danger">
        Reject all
      </SubmitButton>
    </ConfirmForm>
  );
}
