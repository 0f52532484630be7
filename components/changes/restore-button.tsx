"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { restoreRevision } from "@/lib/actions/organisations";
import { initialFormState } from "@/lib/forms/form-state";

export function RestoreButton({ organisationId, version, name }: { organisationId: string; version: number; name: string }) {
  const [state, formAction] = useActionState(restoreRevision, initialFormState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Propose restoring ${name} to revision ${version}? A reviewer decides, like any other change.`)) event.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending="Proposing…" variant="secondary">
        Restore this revision<span className="sr-only"> ({version})</span>
      </SubmitButton>
    </form>
  );
}
