"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { signOutEverywhere } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms/form-state";

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="underline-offset-4 hover:underline disabled:opacity-70">
      {pending ? "Signing out everywhere…" : "Sign out everywhere"}
    </button>
  );
}

export function SignOutEverywhereButton() {
  const [state, formAction] = useActionState(signOutEverywhere, initialFormState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm("Sign out on every device where you are signed in, this one included?")) event.preventDefault();
      }}
    >
      <Submit />
      {state.message ? (
        <span role="alert" className="ml-2">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
