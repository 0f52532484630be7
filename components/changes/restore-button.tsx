import { ActionForm } from "@/components/ui/action-form";
import { restoreRevision } from "@/lib/actions/organisations";

export function RestoreButton({ organisationId, version, name }: { organisationId: string; version: number; name: string }) {
  return (
    <ActionForm
      action={restoreRevision}
      fields={{ organisationId, version }}
      submit={
        <>
          Restore this revision<span className="sr-only"> ({version})</span>
        </>
      }
      pending="Proposing…"
      confirmation={{
        title: `Propose restoring ${name} to revision ${version}?`,
        description: "A reviewer decides, like any other change.",
        confirm: `Propose restoring revision ${version}`,
        variant: "primary",
      }}
    />
  );
}
