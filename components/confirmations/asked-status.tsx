import type { ConfirmationStatus } from "@/lib/data/confirmations";

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

const states: Record<ConfirmationStatus["state"], string> = {
  queued: "sending",
  sent: "no answer yet",
  failed: "not delivered",
  confirmed: "confirmed",
  changed: "sent a correction",
  expired: "no answer, link expired",
};

/** The latest request to an organisation to confirm its listing, for a table cell of the due list. */
export function AskedStatus({ status, hasEmail }: { status: ConfirmationStatus | undefined; hasEmail: boolean }) {
  if (!status) return hasEmail ? <span className="text-slate-600">Not asked</span> : <span className="text-slate-600">No e-mail address: check it yourself</span>;
  return (
    <>
      <span className="whitespace-nowrap">{date.format(new Date(status.askedAt))}</span>
      <span className={`block text-sm ${status.state === "failed" ? "text-red-800" : "text-slate-600"}`}>
        {states[status.state]}
        {status.failure && status.state === "failed" ? `: ${status.failure}` : ""}
      </span>
      {status.suppressed ? (
        <span className="block text-sm text-red-800">
          {status.email} {status.suppressed === "UNSUBSCRIBED" ? "unsubscribed" : "bounced"}: not asked again
        </span>
      ) : null}
    </>
  );
}
