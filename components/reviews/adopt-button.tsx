import { ActionForm } from "@/components/ui/action-form";
import { adopt } from "@/lib/actions/reviews";

/** Takes a public suggestion over as the reviewer's own draft. */
export function AdoptButton({ changeSetId }: { changeSetId: string }) {
  return (
    <ActionForm action={adopt} fields={{ changeSetId }} submit="Turn into my draft" pending="Taking it over…" className="mt-4 space-y-2">
      <p className="text-sm text-slate-700">Almost right? Take it over as your own draft, complete it, and submit it: another reviewer then decides.</p>
    </ActionForm>
  );
}
