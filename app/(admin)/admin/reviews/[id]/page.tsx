import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/changes/status-badge";
import { ChangeValue } from "@/components/reviews/change-value";
import { changedSinceText, draftedFromText } from "@/components/reviews/drafted-from";
import { AdoptButton } from "@/components/reviews/adopt-button";
import { DecisionForm } from "@/components/reviews/decision-form";
import { WordDiff } from "@/components/reviews/word-diff";
import { requireRole } from "@/lib/auth/session";
import { fieldLabels, translationLabel, type Change, type ContactDocument } from "@/lib/change-sets/document";
import { countryNames } from "@/lib/data/countries";
import { getChangeSetForReview, type ReviewDetail } from "@/lib/data/reviews";
import { isId } from "@/lib/validation/ids";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export const metadata: Metadata = { title: "Review a change", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

function title(change: Change) {
  if (change.type === "field") return fieldLabels[change.field];
  if (change.type === "order") return "Order of the contacts";
  if (change.type === "translation") return translationLabel(change.language, change.part);
  return { added: "New contact", changed: "Changed contact", removed: "Removed contact" }[change.change];
}

/** Who sent a public suggestion, as they gave it: "a member of the public, Sam (sam@example.org)". */
function sender(suggester: NonNullable<ReviewDetail["suggester"]>) {
  const who = suggester.fromOrganisation ? "the organisation itself, answering a request to confirm its listing" : "a member of the public";
  return `${who}${suggester.name ? `, ${suggester.name}` : ""}${suggester.email ? ` (${suggester.email})` : ""}`;
}

export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const session = await requireRole(["ADMIN", "REVIEWER"], `/admin/reviews/${id}`);
  const review = isId(id) ? await getChangeSetForReview(id) : null;
  if (!review) notFound();
  const countries = await countryNames();
  // Once decided, the listing has moved on by this very change: only an open one is told.
  const changedSince = review.status === "SUBMITTED" ? changedSinceText(review.publishedNow) : null;
  const stale = review.moved.length > 0;
  const contacts = new Map<string, ContactDocument>([...(review.base?.contacts ?? []), ...review.proposed.contacts].map((contact) => [contact.id, contact]));
  const own = review.authorId === session.user.id;
  const table = (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Each proposed change, with what it was based on{stale ? ", what is published now" : ""} and what is proposed</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">Change</th>
          {review.base ? <th scope="col" className="py-2 pr-4">{stale ? "Drafted from" : "Published"}</th> : null}
          {stale ? <th scope="col" className="py-2 pr-4">Published now</th> : null}
          <th scope="col" className="py-2 pr-4">Proposed</th>
          {review.status === "SUBMITTED" && !own ? <th scope="col" className="py-2">Accept</th> : null}
        </tr>
      </thead>
      <tbody>
        {review.changes.map((change) => {
          const moved = review.moved.includes(change.key);
          const now =
            change.type === "field"
              ? review.current?.[change.field]
              : change.type === "contact"
                ? (review.current?.contacts.find((contact) => contact.id === (change.base ?? change.proposed)?.id) ?? null)
                : change.type === "translation"
                  ? (review.current?.translations[`${change.language}:${change.part}`] ?? null)
                  : review.current?.contacts.map((contact) => contact.id);
          // A description (or its translation) that was there before is compared word by word.
          const longText = ((change.type === "field" && change.field === "description") || (change.type === "translation" && change.part === "description" && change.base)) && review.base;
          return (
            <tr key={change.key} className={`border-b border-slate-200 align-top ${moved ? "bg-amber-50" : ""}`}>
              <th scope="row" className="py-2 pr-4 font-medium">
                {title(change)}
                {moved ? <span className="block text-xs font-normal text-amber-900">changed since drafted</span> : null}
              </th>
              {review.base ? (
                <td className="py-2 pr-4">
                  <ChangeValue change={change} side={change.base} names={contacts} countries={countries} />
                </td>
              ) : null}
              {stale ? <td className="py-2 pr-4">{moved ? <ChangeValue change={change} side={now} names={contacts} countries={countries} /> : <span className="text-slate-500">unchanged</span>}</td> : null}
              <td className="py-2 pr-4">
                {longText ? <WordDiff before={String(change.base ?? "")} after={String(change.proposed ?? "")} /> : <ChangeValue change={change} side={change.proposed} names={contacts} countries={countries} />}
              </td>
              {review.status === "SUBMITTED" && !own ? (
                <td className="py-2">
                  <input type="checkbox" name="accept" value={change.key} defaultChecked={!moved} aria-label={`Accept: ${title(change)}`} className="size-5" />
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <>
      <Breadcrumb href="/admin/reviews" label="Reviews" current={review.proposed.name} />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">
        {review.kind === "CREATE" ? "New organisation" : review.kind === "ARCHIVE" ? "Archive" : review.kind === "RESTORE" ? "Restore" : "Change to"} {review.base?.name ?? review.proposed.name}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-3 text-slate-700">
        <StatusBadge status={review.status} />
        <span>
          {/* A public suggestion has a sender, not an author: nobody on the staff wrote it. */}
          {review.suggester ? `Suggested by ${sender(review.suggester)}` : `By ${review.author ?? "someone no longer here"}`}
          {review.submittedAt ? `, submitted ${review.submittedAt.toISOString().slice(0, 10)}` : ""}
        </span>
        {review.status === "SUBMITTED" ? (
          <Link href={`/admin/changes/${review.id}/preview`} className="font-medium text-brand-700 underline">
            Preview the public page with this change
          </Link>
        ) : null}
      </p>
      <p className="mt-2 text-slate-700">
        {draftedFromText(review.draftedFrom)}
        {changedSince ? ` ${changedSince}` : ""}
        {changedSince && !stale ? " None of what this change touches has changed since: it applies on top." : ""}
      </p>
      {review.note ? (
        <p className="mt-3">
          <span className="font-medium">{review.suggester ? "Note from the sender:" : "Note from the author:"}</span> {review.note}
        </p>
      ) : null}
      {stale ? (
        <p role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          The highlighted rows changed on the published listing since this was drafted: accepting one would overwrite the newer value, so they start unticked, and approving them is refused.
        </p>
      ) : null}
      {review.status !== "SUBMITTED" ? (
        <div className="mt-6">{table}</div>
      ) : own ? (
        <>
          <p role="note" className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2">
            You made this change, so another reviewer decides it.
          </p>
          <div className="mt-6">{table}</div>
        </>
      ) : (
        <>
          <DecisionForm changeSetId={review.id} revision={review.revision} canSendBack={!review.suggester} recipient={review.suggester ? "sender" : "author"}>
            {table}
          </DecisionForm>
          {review.suggester ? <AdoptButton changeSetId={review.id} /> : null}
        </>
      )}
    </>
  );
}
