"use client";

import { useState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordLink, type PasswordLinkTexts } from "@/components/users/password-link";
import { changeRole, resetPassword, setDisabled, signOutUserEverywhere } from "@/lib/actions/users";
import { initialFormState } from "@/lib/forms/form-state";
import type { Role } from "@/lib/generated/prisma/enums";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * The row's texts in the reader's language, formatted on the server with this user's name. A
 * button's accessible name names the user ("Change role of Eddie Editor") while it shows the short
 * text: each is a whole message (the short one aria-hidden, the long one sr-only).
 */
type Texts = {
  role: string;
  roleOf: string;
  /** Each role's name, for the select. */
  roles: { value: Role; label: string }[];
  changeRole: string;
  changeRoleOf: string;
  saving: string;
  enable: string;
  enableName: string;
  enableTitle: string;
  disable: string;
  disableName: string;
  disableTitle: string;
  disableDescription: string;
  resetPassword: string;
  resetPasswordOf: string;
  resetTitle: string;
  resetDescription: string;
  resetting: string;
  signOutEverywhere: string;
  signOutEverywhereFor: string;
  signOutTitle: string;
  signOutConfirm: string;
  signingOut: string;
  cancel: string;
  passwordLink: PasswordLinkTexts;
};

type Props = { user: { id: string; name: string; email: string; role: Role; disabled: boolean }; self: boolean; texts: Texts };

/** A short text shown, and a longer one for screen readers that names whom it concerns. */
function Named({ shown, full }: { shown: string; full: string }) {
  return (
    <>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{full}</span>
    </>
  );
}

export function UserActions({ user, self, texts }: Props) {
  const [roleState, roleAction] = useFormAction(changeRole);
  const [disableState, disableAction] = useFormAction(setDisabled);
  const [resetState, resetAction] = useFormAction(resetPassword);
  const [signOutState, signOutAction] = useFormAction(signOutUserEverywhere);
  // Only the outcome of the last form used in this row is shown.
  const [last, setLast] = useState<"role" | "disable" | "reset" | "signOut" | null>(null);
  const states = { role: roleState, disable: disableState, reset: resetState, signOut: signOutState };
  const roleId = `role-${user.id}`;
  return (
    <div className="space-y-2">
      <FormMessage state={last ? states[last] : initialFormState} />
      {last === "reset" && resetState.ok && resetState.data ? <PasswordLink result={resetState.data} texts={texts.passwordLink} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        {/* Keyed by the role, so the select shows the saved role after a change. */}
        <form key={user.role} action={roleAction} onSubmit={() => setLast("role")} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={roleId} className="block text-sm font-medium">
              <Named shown={texts.role} full={texts.roleOf} />
            </label>
            <select id={roleId} name="role" defaultValue={user.role} className="rounded-md border border-slate-400 px-2 py-2">
              {texts.roles.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton pending={texts.saving} variant="secondary">
            <Named shown={texts.changeRole} full={texts.changeRoleOf} />
          </SubmitButton>
        </form>
        {/* Nobody disables or resets their own account (the server refuses it too). */}
        {self ? null : (
          <ConfirmForm
            action={disableAction}
            onConfirmed={() => setLast("disable")}
            confirmation={
              user.disabled
                ? { title: texts.enableTitle, confirm: texts.enableName, cancel: texts.cancel, variant: "primary" }
                : { title: texts.disableTitle, description: texts.disableDescription, confirm: texts.disableName, cancel: texts.cancel }
            }
          >
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
            <SubmitButton pending={texts.saving} variant={user.disabled ? "secondary" : "danger"}>
              {user.disabled ? <Named shown={texts.enable} full={texts.enableName} /> : <Named shown={texts.disable} full={texts.disableName} />}
            </SubmitButton>
          </ConfirmForm>
        )}
        {self ? null : (
          <ConfirmForm
            action={resetAction}
            onConfirmed={() => setLast("reset")}
            confirmation={{
              title: texts.resetTitle,
              description: texts.resetDescription,
              confirm: texts.resetPasswordOf,
              cancel: texts.cancel,
            }}
          >
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton pending={texts.resetting} variant="danger">
              <Named shown={texts.resetPassword} full={texts.resetPasswordOf} />
            </SubmitButton>
          </ConfirmForm>
        )}
        <ConfirmForm
          action={signOutAction}
          onConfirmed={() => setLast("signOut")}
          confirmation={{ title: texts.signOutTitle, confirm: texts.signOutConfirm, cancel: texts.cancel }}
        >
          <input type="hidden" name="userId" value={user.id} />
          <SubmitButton pending={texts.signingOut} variant="secondary">
            <Named shown={texts.signOutEverywhere} full={texts.signOutEverywhereFor} />
          </SubmitButton>
        </ConfirmForm>
      </div>
    </div>
  );
}
