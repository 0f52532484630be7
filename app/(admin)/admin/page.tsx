import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/changes/status-badge";
import { HealthCharts } from "@/components/dashboard/health-charts";
import { Toast } from "@/components/ui/toast";
import { requireUser } from "@/lib/auth/session";
import { countAwaitingReview, listOwnChangeSets, listRecentlyPublished, type ChangeSetListItem } from "@/lib/data/change-sets";
import { getHealthFigures } from "@/lib/data/health";
import { countBrokenLinks } from "@/lib/data/links";
import { countOverdue } from "@/lib/data/verification";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

/** Counts are taken up to this many: past it the page says "more than". */
const countedUpTo = 1000;

/** "3 listings", "more than 1,000 listings". */
function counted(count: number, one: string, many: string) {
  if (count > countedUpTo) return `More than ${countedUpTo.toLocaleString("en-GB")} ${many}`;
  return count === 1 ? `1 ${one}` : `${count.toLocaleString("en-GB")} ${many}`;
}

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function ChangeList({ items, empty, mine }: { items: ChangeSetListItem[]; empty: string; mine: boolean }) {
  if (items.length === 0) return <p className="mt-2 text-slate-700">{empty}</p>;
  return (
    <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-3 py-2">
          {mine ? (
            <Link href={`/admin/changes/${item.id}`} className="font-medium text-brand-700 underline hover:no-underline">
              {item.kind === "CREATE" ? `New: ${item.name}` : item.name}
            </Link>
          ) : (
            <span className="font-medium">{item.name}</span>
          )}
          <StatusBadge status={item.status} />
          <span className="text-sm text-slate-600">{time.format(item.decidedAt ?? item.submittedAt ?? item.updatedAt)} UTC</span>
          {mine && item.decisionNote ? <span className="w-full text-sm text-slate-800">Reviewer: {item.decisionNote}</span> : null}
        </li>
      ))}
    </ul>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const { user } = await requireUser("/admin");
  const { discarded, new: created } = await searchParams;
  const reviewer = user.role === "ADMIN" || user.role === "REVIEWER";
  const [mine, awaiting, published, overdue, broken, health] = await Promise.all([
    listOwnChangeSets(user),
    countAwaitingReview(reviewer ? user : undefined),
    listRecentlyPublished(),
    countOverdue({ cap: countedUpTo }),
    countBrokenLinks(countedUpTo),
    // The rest of the page does not depend on them: a failure is logged and said in their place.
    getHealthFigures().catch((error: unknown) => {
      console.error("[dashboard] the health figures could not be taken:", error);
      return null;
    }),
  ]);
  const waiting = [
    ...(reviewer && awaiting > 0 ? [{ href: "/admin/reviews", text: `${counted(awaiting, "change", "changes")} to review` }] : []),
    ...(overdue > 0 ? [{ href: "/admin/due", text: `${counted(overdue, "listing", "listings")} due for checking` }] : []),
    ...(broken > 0 ? [{ href: "/admin/links?verdict=broken", text: `${counted(broken, "broken link", "broken links")}` }] : []),
  ];
  const drafts = mine.filter((item) => ["DRAFT", "CHANGES_REQUESTED", "WITHDRAWN"].includes(item.status));
  const sent = mine.filter((item) => !drafts.includes(item));
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Welcome, {user.name}</h1>
      <Toast message={typeof discarded === "string" ? `Your draft of ${discarded.slice(0, 200)} was discarded.${created ? "" : " The published listing is unchanged."}` : undefined} className="mt-4" />
      <p className="mt-2 text-slate-700">
        You are signed in as {user.role.toLowerCase()}. {awaiting === 1 ? "1 change is" : `${awaiting} changes are`} waiting for review.
      </p>
      <p className="mt-4 flex gap-4">
        <Link href="/admin/organisations" className="text-brand-700 underline">
          Find an organisation to change
        </Link>
        <Link href="/admin/organisations/new" className="text-brand-700 underline">
          Add a new organisation
        </Link>
      </p>
      <section aria-labelledby="waiting" className="mt-8">
        <h2 id="waiting" className="text-lg font-semibold">
          Waiting for you
        </h2>
        {waiting.length === 0 ? (
          <p className="mt-2 text-slate-700">Nothing waits for you: no listing is due for checking and no link is broken.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {waiting.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-brand-700 underline hover:no-underline">
                  {item.text}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="drafts" className="mt-8">
        <h2 id="drafts" className="text-lg font-semibold">
          Your drafts
        </h2>
        <ChangeList items={drafts} empty="No drafts. Changes you save without submitting appear here." mine />
      </section>
      <section aria-labelledby="sent" className="mt-8">
        <h2 id="sent" className="text-lg font-semibold">
          Your submitted changes
        </h2>
        <ChangeList items={sent} empty="Nothing submitted yet." mine />
      </section>
      <section aria-labelledby="published" className="mt-8">
        <h2 id="published" className="text-lg font-semibold">
          Recently published
        </h2>
        <ChangeList items={published} empty="No change has been published yet." mine={false} />
      </section>
      <HealthCharts figures={health} />
    </>
  );
}
