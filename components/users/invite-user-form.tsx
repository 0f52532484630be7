"use client";

import { Field, FormMessage, SelectField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordLink } from "@/components/users/password-link";
import { inviteUser } from "@/lib/actions/users";
import { roleOptions } from "@/components/users/roles";
import { useFormAction } from "@/components/ui/use-form-action";

export function InviteUserForm() {
  const [state, formAction] = useFormAction(inviteUser);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      {state.ok && state.data ? <PasswordLink result={state.data} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="email" label="E-mail address" type="email" autoComplete="off" required state={state} />
        <Field name="name" label="Name" autoComplete="off" required state={state} />
        <SelectField name="role" label="Role" state={state} defaultValue="EDITOR" options={roleOptions} />
      </div>
      <SubmitButton pending="Creating the account…">Create account</SubmitButton>
    </form>
  );
}
