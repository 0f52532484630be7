"use client";

import { useActionState, useId } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { proposeArchiving, verifyOrganisation } from "@/lib/actions/organisations";
import { initialFormState } from "@/lib/forms/form-state";

type Props = { organisationId: string; name: string; archived: boolean; lastVerified: string | null };

/** Actions on the listing as a whole: mark it verified, propose archiving or restoring it. */
export function ListingActions({ organisationId, name, archived, lastVerified }: Props) {
  const [verifyState, verifyAction] = useActionState(verifyOrganisation, initialFormState);
  const [archiveState, archiveAction] = useActionState(proposeArchiving, initialFormState);
  const noteId = useId();
  return (
    <div className="mt-6 grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-2">
      <form action={verifyAction} className="space-y-2">
        <h2 className="font-semibold">Verification</h2>
        <p className="text-sm text-slate-700">Last verified: {lastVerified ?? "never"}. Mark it when you have checked the listing against its sources today.</p>
        <FormMessage state={verifyState} />
        <input type="hidden" name="organisationId" value={organisationId} />
        <SubmitButton pending="Saving…" variant="secondary">
          Mark verified today
        </SubmitButton>
      </form>
      <form
        action={archiveAction}
        onSubmit={(event) => {
          const question = archived ? `Propose restoring ${name} to the public directory?` : `Propose archiving ${name}? Once a reviewer approves, it disappears from the public directory.`;
          if (!window.confirm(question)) event.preventDefault();
        }}
        className="space-y-2"
      >
        <h2 className="font-semibold">{archived ? "Restore" : "Archive"}</h2>
        <FormMessage state={archiveState} />
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="archive" value={archived ? "false" : "true"} />
        <label htmlFor={noteId} className="block text-sm font-medium">
          Why? (for the reviewer)
        </label>
        <textarea id={noteId} name="note" rows={2} className="w-full rounded-md border border-slate-400 px-3 py-2" />
        <SubmitButton pending="Sending…" variant={archived ? "secondary" : "danger"}>
          {archived ? `Propose restoring ${name}` : `Propose archiving ${name}`}
        </SubmitButton>
      </form>
    </div>
  );
}
