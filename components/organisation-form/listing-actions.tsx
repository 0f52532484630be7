import { ActionForm } from "@/components/ui/action-form";
import { liftSuppressionAction, requestConfirmationAction } from "@/lib/actions/confirmations";
import { proposeArchiving, verifyOrganisation } from "@/lib/actions/organisations";

type Props = {
  organisationId: string;
  name: string;
  archived: boolean;
  lastVerified: string | null;
  asked: string | null;
  /** The listing's address no longer receives requests (it unsubscribed, or bounced). */
  suppressed: string | null;
};

/** Actions on the listing as a whole: mark it verified, ask the organisation to confirm it, propose archiving or restoring it. */
export function ListingActions({ organisationId, name, archived, lastVerified, asked, suppressed }: Props) {
  return (
    <div className="mt-6 grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-2">
      <ActionForm action={verifyOrganisation} fields={{ organisationId }} submit="Mark verified today" pending="Saving…" className="space-y-2">
        <h2 className="font-semibold">Verification</h2>
        <p className="text-sm text-slate-700">Last verified: {lastVerified ?? "never"}. Mark it when you have checked the listing against its sources today.</p>
      </ActionForm>
      {archived ? null : (
        <ActionForm action={requestConfirmationAction} fields={{ organisationId }} submit="Ask the organisation to confirm" pending="Queueing…" className="space-y-2">
          <h2 className="font-semibold">Confirmation by the organisation</h2>
          <p className="text-sm text-slate-700">
            {asked ?? "Never asked."} The organisation gets an e-mail at its listed address with a link to confirm the listing or say what has changed (at
            most once in 30 days).
          </p>
        </ActionForm>
      )}
      {suppressed ? (
        <ActionForm
          action={liftSuppressionAction}
          fields={{ email: suppressed }}
          submit={`Write to ${suppressed} again`}
          pending="Saving…"
          confirmation={{
            title: `Write to ${suppressed} again?`,
            description: "Requests to confirm a listing go to this address again. Do it only when you know it wants them, or exists again.",
            confirm: `Write to ${suppressed} again`,
            variant: "primary",
          }}
          className="space-y-2"
        >
          <h2 className="font-semibold">Stopped address</h2>
          <p className="text-sm text-slate-700">{suppressed} receives no requests to confirm a listing.</p>
        </ActionForm>
      ) : null}
      <ActionForm
        action={proposeArchiving}
        fields={{ organisationId, archive: archived ? "false" : "true" }}
        submit={archived ? `Propose restoring ${name}` : `Propose archiving ${name}`}
        pending="Sending…"
        variant={archived ? "secondary" : "danger"}
        confirmation={
          archived
            ? { title: `Propose restoring ${name} to the public directory?`, confirm: `Propose restoring ${name}`, variant: "primary" }
            : {
                title: `Propose archiving ${name}?`,
                description: "Once a reviewer approves, it disappears from the public directory.",
                confirm: `Propose archiving ${name}`,
              }
        }
        className="space-y-2"
      >
        <h2 className="font-semibold">{archived ? "Restore" : "Archive"}</h2>
        <label htmlFor="archive-note" className="block text-sm font-medium">
          Why? (for the reviewer)
        </label>
        <textarea id="archive-note" name="note" rows={2} className="w-full rounded-md border border-slate-400 px-3 py-2" />
      </ActionForm>
    </div>
  );
}
