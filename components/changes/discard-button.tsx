import { ActionForm } from "@/components/ui/action-form";
import { discardChange } from "@/lib/actions/organisations";

/** Deletes the author's draft, after a confirmation that names it. */
export function DiscardButton({ changeSetId, name, created }: { changeSetId: string; name: string; created: boolean }) {
  return (
    <ActionForm
      action={discardChange}
      fields={{ changeSetId }}
      submit="Discard this draft"
      pending="Discarding…"
      variant="danger"
      confirmation={{
        title: `Discard your draft of ${name}?`,
        description: `Everything in this draft is deleted.${created ? "" : " The published listing stays as it is."} This cannot be undone.`,
        confirm: `Discard the draft of ${name}`,
      }}
    />
  );
}
