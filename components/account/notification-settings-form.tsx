"use client";

import { FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveNotificationSettings } from "@/lib/actions/account";
import { useFormAction } from "@/components/ui/use-form-action";

type Texts = { heading: string; digest: string; digestHint: string; decisions: string; decisionsHint: string; submit: string; pending: string };
type Props = { canReview: boolean; notifyReviewDigest: boolean; notifyDecisions: boolean; texts: Texts };

/** The mail a member of staff wants: two boxes, saved together. */
export function NotificationSettingsForm({ canReview, notifyReviewDigest, notifyDecisions, texts }: Props) {
  const [state, formAction] = useFormAction(saveNotificationSettings);
  return (
    <form action={formAction} className="mt-8 max-w-xl space-y-4">
      <input type="hidden" name="form" value="mail-settings" />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="font-semibold">{texts.heading}</legend>
        {canReview ? (
          <label className="flex items-start gap-3">
            <input type="checkbox" name="notifyReviewDigest" defaultChecked={notifyReviewDigest} className="mt-1 size-5" />
            <span>
              {texts.digest}
              <span className="block text-sm text-slate-600">{texts.digestHint}</span>
            </span>
          </label>
        ) : null}
        <label className="flex items-start gap-3">
          <input type="checkbox" name="notifyDecisions" defaultChecked={notifyDecisions} className="mt-1 size-5" />
          <span>
            {texts.decisions}
            <span className="block text-sm text-slate-600">{texts.decisionsHint}</span>
          </span>
        </label>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pending={texts.pending}>{texts.submit}</SubmitButton>
    </form>
  );
}
