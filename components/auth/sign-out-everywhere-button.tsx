"use client";

import { ConfirmForm } from "@/components/ui/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutEverywhere } from "@/lib/actions/sessions";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignOutEverywhereButton() {
  const [state, formAction] = useFormAction(signOutEverywhere);
  return (
    <ConfirmForm
      action={formAction}
      confirmation={{
        title: "Sign out on every device where you are signed in, this one included?",
        confirm: "Sign out on every device",
      }}
    >
      <SubmitButton pending="Signing out everywhere…" variant="link">
        Sign out everywhere
      </SubmitButton>
      {state.message ? (
        <span role="alert" className="ml-2">
          {state.message}
        </span>
      ) : null}
    </ConfirmForm>
  );
}
