"use client";

import { ConfirmForm } from "@/components/ui/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutEverywhere } from "@/lib/actions/sessions";
import { useFormAction } from "@/components/ui/use-form-action";

type Texts = { label: string; pending: string; title: string; confirm: string; cancel: string };

/** Signs out on every device, after a confirmation; its texts in the reader's language. */
export function SignOutEverywhereButton({ texts }: { texts: Texts }) {
  const [state, formAction] = useFormAction(signOutEverywhere);
  return (
    <ConfirmForm
      action={formAction}
      confirmation={{ title: texts.title, confirm: texts.confirm, cancel: texts.cancel }}
    >
      <SubmitButton pending={texts.pending} variant="link">
        {texts.label}
      </SubmitButton>
      {state.message ? (
        <span role="alert" className="ml-2">
          {state.message}
        </span>
      ) : null}
    </ConfirmForm>
  );
}
