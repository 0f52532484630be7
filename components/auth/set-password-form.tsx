"use client";

import { Field, FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { setPassword } from "@/lib/actions/password";
import { useFormAction } from "@/components/ui/use-form-action";

type Texts = { password: string; passwordHint: string; confirm: string; submit: string; pending: string };

/**
 * `texts`: the labels in the page's language. The form names that language (`pageLanguage`), so the
 * action answers in it the messages lib/i18n/validation.ts knows; the others stay in English.
 */
export function SetPasswordForm({ token, email, language, texts }: { token: string; email: string; language: string; texts: Texts }) {
  const [state, formAction] = useFormAction(setPassword);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="pageLanguage" value={language} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field name="password" label={texts.password} type="password" autoComplete="new-password" required hint={texts.passwordHint} state={state} />
      <Field name="confirm" label={texts.confirm} type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pending={texts.pending}>{texts.submit}</SubmitButton>
    </form>
  );
}
