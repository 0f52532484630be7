"use client";

import { Field, FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { askForNewLinkByEmailAction } from "@/lib/actions/confirmations";
import { useFormAction } from "@/components/ui/use-form-action";

/** Asks for a new confirmation link by the e-mail address of the listing. */
export function NewLinkForm() {
  const [state, formAction] = useFormAction(askForNewLinkByEmailAction);
  return (
    <form action={formAction} noValidate className="mt-6 max-w-md space-y-3" aria-labelledby="new-link-heading">
      <h2 id="new-link-heading" className="text-xl font-semibold">
        Ask for a new link
      </h2>
      <Field name="email" label="The e-mail address of your listing" type="email" autoComplete="email" required state={state} />
      <FormMessage state={state} />
      <SubmitButton pending="Sending…" variant="secondary">
        Send a new link
      </SubmitButton>
    </form>
  );
}
