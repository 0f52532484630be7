"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { adopt } from "@/lib/actions/reviews";
import { initialFormState } from "@/lib/forms/form-state";

/** Takes a public suggestion over as the reviewer's own draft. */
export function AdoptButton({ changeSetId }: { changeSetId: string }) {
  const [state, formAction] = useActionState(adopt, initialFormState);
  return (
    <form action={formAction} className="mt-4 space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="changeSetId" value={changeSetId} />
      <p className="text-sm text-slate-700">Almost right? Take it over as your own draft, complete it, and submit it: another reviewer then decides.</p>
      <SubmitButton pending="Taking it over…" variant="secondary">
        Turn into my draft
      </SubmitButton>
    </form>
  );
}
