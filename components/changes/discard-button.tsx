import { ActionForm } from "@/components/ui/action-form";
import { discardChange } from "@/lib/actions/organisations";

/** Deletes the author's draft, after a confirmation that names it. */
export function DiscardButton({ changeSetId, name }: { changeSetId: string; name: string }) {
  return (
    <ActionForm
      action={discardChange}
      fields={{ changeSetId }}
      submit="Discard this draft"
      pending="Discarding…"
      variant="danger"
      confirmation={{
        title: `Discard your draft of ${name}?`,
        description: "Everything in this draft is deleted. The published listing stays as it is. This cannot be undone.",
        confirm: `Discard the draft of ${name}`,
      }}
    />
  );
}
