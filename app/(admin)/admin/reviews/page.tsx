import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { requireRole } from "@/lib/auth/session";
import { listQueueAuthors, listReviewQueue } from "@/lib/data/reviews";
import type { ChangeSetKind } from "@/lib/generated/prisma/enums";
import { idOrUndefined } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Reviews", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const kinds: Record<ChangeSetKind, string> = { CREATE: "New organisation", UPDATE: "Update", ARCHIVE: "Archive", RESTORE: "Restore" };
const decided: Record<string, string> = {
  approve: "Approved: the accepted changes are public now.",
  reject: "Rejected: the author sees your reason.",
  "request-changes": "Sent back to the author with your comment.",
};
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

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
  const [items, authors] = await Promise.all([listReviewQueue(filters), listQueueAuthors()]);
  const outcome = decided[first(params.decided) ?? ""];
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Reviews</h1>
      {outcome ? (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          {outcome}
        </p>
      ) : null}
      <form method="get" aria-label="Filter the queue" className="mt-6 flex flex-wrap items-end gap-4">
        <FilterSelect
          name="kind"
          label="Kind"
          value={filters.publicOnly ? "PUBLIC" : filters.kind}
          options={[{ value: "", label: "Any" }, ...Object.entries(kinds).map(([value, label]) => ({ value, label })), { value: "PUBLIC", label: "Public suggestion" }]}
        />
        <div>
          <label htmlFor="country" className="block text-sm font-medium">
            Country code
          </label>
          <input id="country" name="country" defaultValue={filters.country ?? ""} maxLength={2} className="mt-1 w-20 rounded-md border border-slate-400 px-2 py-2 uppercase" />
        </div>
        <FilterSelect name="author" label="Author" value={filters.authorId} options={[{ value: "", label: "Anyone" }, ...authors.map((author) => ({ value: author.id, label: author.name }))]} />
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Show
        </button>
      </form>
      {items.length === 0 ? (
        <p className="mt-6 text-slate-700">Nothing is waiting for review.</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Changes waiting for review, oldest first</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">Change</th>
              <th scope="col" className="py-2 pr-4">Kind</th>
              <th scope="col" className="py-2 pr-4">Author</th>
              <th scope="col" className="py-2 pr-4">Waiting for</th>
              <th scope="col" className="py-2">Base</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4">
                  <Link href={`/admin/reviews/${item.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                    {item.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{kinds[item.kind]}</td>
                <td className="py-2 pr-4">{item.author ?? "Public suggestion"}</td>
                <td className="py-2 pr-4">{age(item.waitingHours)}</td>
                <td className="py-2">{item.stale ? <span className="rounded bg-amber-100 px-2 text-amber-900">stale: changed since drafted</span> : "current"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
