import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { Toast } from "@/components/ui/toast";
import { requireRole } from "@/lib/auth/session";
import { revisionText } from "@/components/reviews/drafted-from";
import { listImportsInReview, listQueueAuthors, listReviewQueue, type QueueItem } from "@/lib/data/reviews";
import type { ChangeSetKind } from "@/lib/generated/prisma/enums";
import { idOrUndefined } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Reviews", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const kinds: Record<ChangeSetKind, string> = { CREATE: "New organisation", UPDATE: "Update", ARCHIVE: "Archive", RESTORE: "Restore" };
const decided: Record<string, string> = {
  approve: "Approved: the accepted changes are public now.",
  reject: "Rejected: the author, or a sender who left an e-mail address, is told your reason.",
  "request-changes": "Sent back to the author with your comment.",
};
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Who a change is by: its author, or for a public suggestion its sender (not an author: nobody on the staff wrote it). */
function by(item: QueueItem) {
  if (!item.public) return item.author ?? "A deleted account";
  if (item.fromOrganisation) return "Suggested by the organisation itself";
  return item.suggester ? `Suggested by ${item.suggester}, a member of the public` : "Suggested by a member of the public";
}

/** What it was drafted from, and whether the listing has changed since. */
function draftedFrom(item: QueueItem) {
  if (!item.draftedFrom) return "Nothing: a new organisation";
  const from = revisionText(item.draftedFrom);
  if (!item.publishedNow) return `The published version (${from})`;
  return (
    <>
      {from[0].toUpperCase() + from.slice(1)}{" "}
      <span className="rounded bg-amber-100 px-2 text-amber-900">changed since: now {revisionText(item.publishedNow)}</span>
    </>
  );
}

function age(hours: number) {
  if (hours < 1) return "less than an hour";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}

export default async function ReviewsPage({ searchParams }: Props) {
  await requireRole(["ADMIN", "REVIEWER"], "/admin/reviews");
  const params = await searchParams;
  const kind = first(params.kind) as ChangeSetKind | undefined;
  const filters = {
    kind: kind && kind in kinds ? kind : undefined,
    publicOnly: first(params.kind) === "PUBLIC",
    country: /^[a-z]{2}$/i.test(first(params.country) ?? "") ? first(params.country) : undefined,
    authorId: idOrUndefined(first(params.author)),
  };
  const [items, authors, imports] = await Promise.all([listReviewQueue(filters), listQueueAuthors(), listImportsInReview()]);
  const outcome = decided[first(params.decided) ?? ""];
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Reviews</h1>
      <Toast message={outcome} className="mt-4" />
      {imports.length > 0 ? (
        <section aria-labelledby="imports-heading" className="mt-6">
          <h2 id="imports-heading" className="text-lg font-semibold">
            Imports waiting for review
          </h2>
          <ul className="mt-2 space-y-1">
            {imports.map((batch) => (
              <li key={batch.id}>
                <Link href={`/admin/imports/${batch.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                  {batch.fileName}
                </Link>{" "}
                by {batch.author ?? "a deleted account"}: {batch.waiting.toLocaleString("en")} {batch.waiting === 1 ? "change" : "changes"} waiting
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FilterBar label="Filter the queue">
        <FilterSelect
          name="kind"
          label="Kind"
          value={filters.publicOnly ? "PUBLIC" : filters.kind}
          options={[{ value: "", label: "Any" }, ...Object.entries(kinds).map(([value, label]) => ({ value, label })), { value: "PUBLIC", label: "Public suggestion" }]}
        />
        <FilterInput name="country" label="Country code" type="text" value={filters.country} maxLength={2} className="w-20 uppercase" />
        <FilterSelect name="author" label="Author" value={filters.authorId} options={[{ value: "", label: "Anyone" }, ...authors.map((author) => ({ value: author.id, label: author.name }))]} />
      </FilterBar>
      <DataTable
        caption="Changes waiting for review, oldest first"
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState title="Nothing is waiting for review." />}
        columns={[
          {
            header: "Change",
            cell: (item) => (
              <Link href={`/admin/reviews/${item.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                {item.name}
              </Link>
            ),
          },
          { header: "Kind", cell: (item) => kinds[item.kind] },
          { header: "Author or sender", cell: by },
          { header: "Waiting for", cell: (item) => age(item.waitingHours) },
          { header: "Drafted from", cell: draftedFrom },
        ]}
      />
    </>
  );
}
