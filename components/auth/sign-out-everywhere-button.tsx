"use client";

import { useFormStatus } from "react-dom";
import { signOutEverywhere } from "@/lib/auth/actions";

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="underline-offset-4 hover:underline disabled:opacity-70">
      {pending ? "Signing out everywhere…" : "Sign out everywhere"}
    </button>
  );
}

export function SignOutEverywhereButton() {
  return (
    <form
      action={signOutEverywhere}
      onSubmit={(event) => {
        if (!window.confirm("Sign out on every device where you are signed in, this one included?")) event.preventDefault();
      }}
    >
      <Submit />
    </form>
  );
}
