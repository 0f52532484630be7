"use client";

import { useState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordLink } from "@/components/users/password-link";
import { roleOptions } from "@/components/users/roles";
import { changeRole, resetPassword, setDisabled, signOutUserEverywhere } from "@/lib/actions/users";
import { initialFormState } from "@/lib/forms/form-state";
import type { Role } from "@/lib/generated/prisma/enums";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = { user: { id: string; name: string; email: string; role: Role; disabled: boolean }; self: boolean };

export function UserActions({ user, self }: Props) {
  const [roleState, roleAction] = useFormAction(changeRole);
  const [disableState, disableAction] = useFormAction(setDisabled);
  const [resetState, resetAction] = useFormAction(resetPassword);
  const [signOutState, signOutAction] = useFormAction(signOutUserEverywhere);
  // Only the outcome of the last form used in this row is shown.
  const [last, setLast] = useState<"role" | "disable" | "reset" | "signOut" | null>(null);
  const states = { role: roleState, disable: disableState, reset: resetState, signOut: signOutState };
  const who = `${user.name} (${user.email})`;
  const roleId = `role-${user.id}`;
  return (
    <div className="space-y-2">
      <FormMessage state={last ? states[last] : initialFormState} />
      {last === "reset" && resetState.ok && resetState.data ? <PasswordLink result={resetState.data} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        {/* Keyed by the role, so the select shows the saved role after a change. */}
        <form key={user.role} action={roleAction} onSubmit={() => setLast("role")} className="flex items-end gap-2">
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
          <ConfirmForm
            action={disableAction}
            onConfirmed={() => setLast("disable")}
            confirmation={
              user.disabled
                ? { title: `Let ${who} sign in again?`, confirm: `Enable ${user.name}`, variant: "primary" }
                : { title: `Disable ${who}?`, description: "They are signed out at once and cannot sign in until enabled again.", confirm: `Disable ${user.name}` }
            }
          >
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
            <SubmitButton pending="Saving…" variant={user.disabled ? "secondary" : "danger"}>
              {user.disabled ? "Enable" : "Disable"}
              <span className="sr-only"> {user.name}</span>
            </SubmitButton>
          </ConfirmForm>
        )}
        {self ? null : (
          <ConfirmForm
            action={resetAction}
            onConfirmed={() => setLast("reset")}
            confirmation={{
              title: `Reset the password of ${who}?`,
              description: "Their current password stops working and they are signed out everywhere.",
              confirm: `Reset password of ${user.name}`,
            }}
          >
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton pending="Resetting…" variant="danger">
              Reset password<span className="sr-only"> of {user.name}</span>
            </SubmitButton>
          </ConfirmForm>
        )}
        <ConfirmForm
          action={signOutAction}
          onConfirmed={() => setLast("signOut")}
          confirmation={{ title: `Sign ${who} out on every device?`, confirm: `Sign ${user.name} out everywhere` }}
        >
          <input type="hidden" name="userId" value={user.id} />
          <SubmitButton pending="Signing out…" variant="secondary">
            Sign out everywhere<span className="sr-only"> for {user.name}</span>
          </SubmitButton>
        </ConfirmForm>
      </div>
    </div>
  );
}
