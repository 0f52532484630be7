import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

const filters = [
  { value: "", label: "All events" },
  { value: "sign-in", label: "Sign-ins" },
  { value: "sign-out", label: "Sign-outs" },
  { value: "user.", label: "User changes" },
  { value: "access.denied", label: "Access denied" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ searchParams }: Props) {
  await requireRole(["ADMIN"], "/admin/audit");
  const params = await searchParams;
  const action = filters.find((filter) => filter.value === params.action)?.value || undefined;
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const { events, hasMore } = await listAuditEvents({ action, page });
  const href = (change: { action?: string; page?: number }) => {
    const query = new URLSearchParams();
    const next = { action, page: 1, ...change };
    if (next.action) query.set("action", next.action);
    if (next.page > 1) query.set("page", String(next.page));
    return `/admin/audit${query.size ? `?${query}` : ""}`;
  };
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Audit log</h1>
      <nav aria-label="Filter events" className="mt-4 flex gap-4 text-sm">
        {filters.map((filter) => (
          <Link
            key={filter.value}
            href={href({ action: filter.value || undefined })}
            aria-current={(action ?? "") === filter.value ? "page" : undefined}
            className="text-brand-700 underline aria-[current]:font-bold aria-[current]:no-underline"
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      {events.length === 0 ? (
        <p className="mt-6 text-slate-700">No events{page > 1 ? " on this page" : ""}.</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Security events, newest first (times in UTC)</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">When (UTC)</th>
              <th scope="col" className="py-2 pr-4">Event</th>
              <th scope="col" className="py-2 pr-4">Who</th>
              <th scope="col" className="py-2 pr-4">Concerning</th>
              <th scope="col" className="py-2">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4 whitespace-nowrap">{time.format(event.createdAt)}</td>
                <td className="py-2 pr-4">{event.action}</td>
                <td className="py-2 pr-4">{event.actor ? `${event.actor.name} (${event.actor.email})` : "—"}</td>
                <td className="py-2 pr-4 break-all">{event.subject ?? "—"}</td>
                <td className="py-2 break-all">{event.address ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="mt-6 flex gap-4">
        {page > 1 ? (
          <Link href={href({ page: page - 1 })} className="text-brand-700 underline">
            Newer events
          </Link>
        ) : null}
        {hasMore ? (
          <Link href={href({ page: page + 1 })} className="text-brand-700 underline">
            Older events
          </Link>
        ) : null}
      </nav>
    </>
  );
}
