"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { PasswordLink } from "@/components/users/password-link";
import { roleOptions } from "@/components/users/roles";
import { changeRole, resetPassword, setDisabled, signOutUserEverywhere } from "@/lib/actions/users";
import { initialFormState } from "@/lib/forms/form-state";
import type { Role } from "@/lib/generated/prisma/enums";

type Props = { user: { id: string; name: string; email: string; role: Role; disabled: boolean }; self: boolean };

/** Asks before a destructive action, naming what it does. */
const confirmFirst = (question: string) => (event: React.FormEvent) => {
  if (!window.confirm(question)) event.preventDefault();
};

export function UserActions({ user, self }: Props) {
  const [roleState, roleAction] = useActionState(changeRole, initialFormState);
  const [disableState, disableAction] = useActionState(setDisabled, initialFormState);
  const [resetState, resetAction] = useActionState(resetPassword, initialFormState);
  const [signOutState, signOutAction] = useActionState(signOutUserEverywhere, initialFormState);
  const roleId = `role-${user.id}`;
  return (
    <div className="space-y-2">
      {[roleState, disableState, resetState, signOutState].map((state, index) => (
        <FormMessage key={index} state={state} />
      ))}
      {resetState.ok && resetState.data ? <PasswordLink result={resetState.data} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
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
        <form
          action={disableAction}
          onSubmit={confirmFirst(
            user.disabled ? `Let ${user.name} (${user.email}) sign in again?` : `Disable ${user.name} (${user.email})? They are signed out at once and cannot sign in until enabled again.`,
          )}
        >
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          {self && !user.disabled ? null : (
            <SubmitButton pending="Saving…" variant={user.disabled ? "secondary" : "danger"}>
              {user.disabled ? "Enable" : "Disable"}
              <span className="sr-only"> {user.name}</span>
            </SubmitButton>
          )}
        </form>
        <form
          action={resetAction}
          onSubmit={confirmFirst(`Reset the password of ${user.name} (${user.email})? Their current password stops working and they are signed out everywhere.`)}
        >
          <input type="hidden" name="userId" value={user.id} />
          <SubmitButton pending="Resetting…" variant="danger">
            Reset password<span className="sr-only"> of {user.name}</span>
          </SubmitButton>
        </form>
        <form action={signOutAction} onSubmit={confirmFirst(`Sign ${user.name} (${user.email}) out on every device?`)}>
          <input type="hidden" name="userId" value={user.id} />
          <SubmitButton pending="Signing out…" variant="secondary">
            Sign out everywhere<span className="sr-only">: {user.name}</span>
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
