"use client";

import { Field, FormMessage, SelectField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordLink, type PasswordLinkTexts } from "@/components/users/password-link";
import { inviteUser } from "@/lib/actions/users";
import { useFormAction } from "@/components/ui/use-form-action";

type Texts = {
  email: string;
  name: string;
  role: string;
  /** Each role with what it may do, in the reader's language. */
  roles: { value: string; label: string }[];
  submit: string;
  pending: string;
  passwordLink: PasswordLinkTexts;
};

export function InviteUserForm({ texts }: { texts: Texts }) {
  const [state, formAction] = useFormAction(inviteUser);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      {state.ok && state.data ? <PasswordLink result={state.data} texts={texts.passwordLink} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="email" label={texts.email} type="email" autoComplete="off" required state={state} />
        <Field name="name" label={texts.name} autoComplete="off" required state={state} />
        <SelectField name="role" label={texts.role} state={state} defaultValue="EDITOR" options={texts.roles} />
      </div>
      <SubmitButton pending={texts.pending}>{texts.submit}</SubmitButton>
    </form>
  );
}
