"use client";

import { Field, FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { setPassword } from "@/lib/actions/password";
import { minPasswordLength } from "@/lib/validation/password";
import { useFormAction } from "@/components/ui/use-form-action";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction] = useFormAction(setPassword);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${minPasswordLength} characters. A few unrelated words make a good one.`}
        state={state}
      />
      <Field name="confirm" label="New password again" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pending="Saving…">Set password</SubmitButton>
    </form>
  );
}
