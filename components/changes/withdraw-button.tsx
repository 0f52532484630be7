import { ActionForm } from "@/components/ui/action-form";
import { withdrawChange } from "@/lib/actions/organisations";

export function WithdrawButton({ changeSetId, name }: { changeSetId: string; name: string }) {
  return (
    <ActionForm
      action={withdrawChange}
      fields={{ changeSetId }}
      submit="Withdraw from review"
      pending="Withdrawing…"
      confirmation={{
        title: `Withdraw your change to ${name} from review?`,
        description: "You can edit it and submit it again.",
        confirm: `Withdraw the change to ${name}`,
        variant: "primary",
      }}
      className="space-y-2"
    />
  );
}
