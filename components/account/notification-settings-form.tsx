"use client";

import { FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveNotificationSettings } from "@/lib/actions/account";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = { canReview: boolean; notifyReviewDigest: boolean; notifyDecisions: boolean };

/** The mail a member of staff wants: two boxes, saved together. */
export function NotificationSettingsForm({ canReview, notifyReviewDigest, notifyDecisions }: Props) {
  const [state, formAction] = useFormAction(saveNotificationSettings);
  return (
    <form action={formAction} className="mt-8 max-w-xl space-y-4">
      <input type="hidden" name="form" value="mail-settings" />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="font-semibold">E-mail from the directory</legend>
        {canReview ? (
          <label className="flex items-start gap-3">
            <input type="checkbox" name="notifyReviewDigest" defaultChecked={notifyReviewDigest} className="mt-1 size-5" />
            <span>
              A daily digest of the changes waiting for review for more than a day
              <span className="block text-sm text-slate-600">Sent in the morning, only when something waits; your own changes are left out.</span>
            </span>
          </label>
        ) : null}
        <label className="flex items-start gap-3">
          <input type="checkbox" name="notifyDecisions" defaultChecked={notifyDecisions} className="mt-1 size-5" />
          <span>
            A message when a change of mine is decided
            <span className="block text-sm text-slate-600">Approved, rejected or sent back, with the reviewer&apos;s reason.</span>
          </span>
        </label>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pending="Saving…">Save mail settings</SubmitButton>
    </form>
  );
}
