"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { withdrawChange } from "@/lib/actions/organisations";
import { initialFormState } from "@/lib/forms/form-state";

export function WithdrawButton({ changeSetId, name }: { changeSetId: string; name: string }) {
  const [state, formAction] = useActionState(withdrawChange, initialFormState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Withdraw your change to ${name} from review? You can edit it and submit it again.`)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <FormMessage state={state} />
      <input type="hidden" name="changeSetId" value={changeSetId} />
      <SubmitButton pending="Withdrawing…" variant="secondary">
        Withdraw from review
      </SubmitButton>
    </form>
  );
}
