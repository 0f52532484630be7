"use client";

import type { ButtonVariant } from "@/components/ui/button";
import { ConfirmForm, type Confirmation } from "@/components/ui/confirm-form";
import { FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormState } from "@/lib/forms/form-state";
import { useFormAction } from "@/components/ui/use-form-action";

type Props<Data> = {
  action: (state: FormState<Data>, data: FormData) => Promise<FormState<Data>>;
  /** Hidden fields: the ids the action works on. */
  fields: Record<string, string | number>;
  /** The button's text, and what it says while the action runs. */
  submit: React.ReactNode;
  pending: string;
  variant?: ButtonVariant;
  /** Asked first, in a dialog, for an action that destroys or publishes something. */
  confirmation?: Confirmation;
  className?: string;
  /** Shown above the outcome and the button: a heading, an explanation, a field. */
  children?: React.ReactNode;
};

/** A one-button form for one server action: its outcome (toast or alert), its ids, its button. */
export function ActionForm<Data>({ action, fields, submit, pending, variant = "secondary", confirmation, className, children }: Props<Data>) {
  const [state, formAction] = useFormAction(action);
  const body = (
    <>
      {children}
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} variant={variant}>
        {submit}
      </SubmitButton>
    </>
  );
  return confirmation ? (
    <ConfirmForm action={formAction} confirmation={confirmation} className={className}>
      {body}
    </ConfirmForm>
  ) : (
    <form action={formAction} className={className}>
      {body}
    </form>
  );
}
