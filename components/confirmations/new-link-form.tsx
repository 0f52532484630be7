"use client";

import { Field, FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { askForNewLinkByEmailAction } from "@/lib/actions/confirmations";
import { useFormAction } from "@/components/ui/use-form-action";

type Texts = { heading: string; email: string; submit: string; pending: string };

/** Asks for a new confirmation link by the e-mail address of the listing, in the page's language. */
export function NewLinkForm({ language, texts }: { language: string; texts: Texts }) {
  const [state, formAction] = useFormAction(askForNewLinkByEmailAction);
  return (
    <form action={formAction} noValidate className="mt-6 max-w-md space-y-3" aria-labelledby="new-link-heading">
      <input type="hidden" name="pageLanguage" value={language} />
      <h2 id="new-link-heading" className="text-xl font-semibold">
        {texts.heading}
      </h2>
      <Field name="email" label={texts.email} type="email" autoComplete="email" required state={state} />
      <FormMessage state={state} />
      <SubmitButton pending={texts.pending} variant="secondary">
        {texts.submit}
      </SubmitButton>
    </form>
  );
}
