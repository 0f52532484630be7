import { ActionForm } from "@/components/ui/action-form";
import { restoreRevision } from "@/lib/actions/organisations";

export function RestoreButton({ organisationId, revisionNumber, name }: { organisationId: string; revisionNumber: number; name: string }) {
  return (
    <ActionForm
      action={restoreRevision}
      fields={{ organisationId, revisionNumber }}
      submit={
        <>
          Restore this revision<span className="sr-only"> ({revisionNumber})</span>
        </>
      }
      pending="Proposing…"
      confirmation={{
        title: `Propose restoring ${name} to revision ${revisionNumber}?`,
        description: "A reviewer decides, like any other change.",
        confirm: `Propose restoring revision ${revisionNumber}`,
        variant: "primary",
      }}
    />
  );
}
