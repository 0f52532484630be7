import Link from "next/link";
import type { PendingChange } from "@/lib/data/change-sets";

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/**
 * Other people's changes waiting for review on the organisation being edited: whose, since when,
 * which fields, with a link (the review page for those who decide, the preview for editors).
 */
export function PendingChanges({ changes, reviewer }: { changes: PendingChange[]; reviewer: boolean }) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="pending-changes" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
      <h2 id="pending-changes" className="font-semibold">
        {changes.length === 1 ? "Another change to this organisation is waiting for review" : `${changes.length} other changes to this organisation are waiting for review`}
      </h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {changes.map((change) => (
          <li key={change.id}>
            {change.public ? "Suggested by " : "By "}
            {change.by}
            {change.submittedAt ? `, since ${date.format(change.submittedAt)}` : null}: {change.fields.join(", ") || "no field"}.{" "}
            <Link href={reviewer ? `/admin/reviews/${change.id}` : `/admin/changes/${change.id}/preview`} className="font-medium underline">
              {reviewer ? "Review it" : "Preview it"}
              <span className="sr-only"> (the change by {change.by})</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">If you change the same fields, you will be asked to confirm before yours is submitted.</p>
    </section>
  );
}
