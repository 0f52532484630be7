"use client";

import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { PasswordLink } from "@/components/users/password-link";
import { roleOptions } from "@/components/users/roles";
import { changeRole, resetPassword, setDisabled, signOutUserEverywhere } from "@/lib/actions/users";
import { initialFormState } from "@/lib/forms/form-state";
import type { Role } from "@/lib/generated/prisma/enums";

type Props = { user: { id: string; name: string; email: string; role: Role; disabled: boolean }; self: boolean };


export function UserActions({ user, self }: Props) {
  const [roleState, roleAction] = useActionState(changeRole, initialFormState);
  const [disableState, disableAction] = useActionState(setDisabled, initialFormState);
  const [resetState, resetAction] = useActionState(resetPassword, initialFormState);
  const [signOutState, signOutAction] = useActionState(signOutUserEverywhere, initialFormState);
  // Only the outcome of the last form used in this row is shown.
  const [last, setLast] = useState<"role" | "disable" | "reset" | "signOut" | null>(null);
  const states = { role: roleState, disable: disableState, reset: resetState, signOut: signOutState };
  /** Remembers which form was used; for a destructive one, asks first, naming what it does. */
  const submitting = (form: keyof typeof states, question?: string) => (event: React.FormEvent) => {
    if (question && !window.confirm(question)) event.preventDefault();
    else setLast(form);
  };
  const roleId = `role-${user.id}`;
  return (
    <div className="space-y-2">
      {last ? <FormMessage state={states[last]} /> : null}
      {last === "reset" && resetState.ok && resetState.data ? <PasswordLink result={resetState.data} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        {/* Keyed by the role, so the select shows the saved role after a change. */}
        <form key={user.role} action={roleAction} onSubmit={submitting("role")} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={roleId} className="block text-sm font-medium">
              Role<span className="sr-only"> of {user.name}</span>
            </label>
            <select id={roleId} name="role" defaultValue={user.role} className="rounded-md border border-slate-400 px-2 py-2">
              {roleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.value.toLowerCase()}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton pending="Saving…" variant="secondary">
            Change role<span className="sr-only"> of {user.name}</span>
          </SubmitButton>
        </form>
        {/* Nobody disables or resets their own account (the server refuses it too). */}
        {self ? null : (
          <form
            action={disableAction}
            onSubmit={submitting(
              "disable",
              user.disabled ? `Let ${user.name} (${user.email}) sign in again?` : `Disable ${user.name} (${user.email})? They are signed out at once and cannot sign in until enabled again.`,
            )}
          >
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
            <SubmitButton pending="Saving…" variant={user.disabled ? "secondary" : "danger"}>
              {user.disabled ? "Enable" : "Disable"}
              <span className="sr-only"> {user.name}</span>
            </SubmitButton>
          </form>
        )}
        {self ? null : (
          <form
            action={resetAction}
            onSubmit={submitting("reset", `Reset the password of ${user.name} (${user.email})? Their current password stops working and they are signed out everywhere.`)}
          >
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton pending="Resetting…" variant="danger">
              Reset password<span className="sr-only"> of {user.name}</span>
            </SubmitButton>
          </form>
        )}
        <form action={signOutAction} onSubmit={submitting("signOut", `Sign ${user.name} (${user.email}) out on every device?`)}>
          <input type="hidden" name="userId" value={user.id} />
          <SubmitButton pending="Signing out…" variant="secondary">
            Sign out everywhere<span className="sr-only">: {user.name}</span>
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
