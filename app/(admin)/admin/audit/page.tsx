import type { Metadata } from "next";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listQuery } from "@/components/ui/keyset-links";
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
const orDash = (value: string | null) => value ?? "—";

export default async function AuditPage({ searchParams }: Props) {
  await requireRole(["ADMIN"], "/admin/audit");
  const params = await searchParams;
  const action = filters.find((filter) => filter.value === params.action)?.value || undefined;
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const { events, hasMore } = await listAuditEvents({ action, page });
  // Numbered pages, not a keyset cursor: lib/data/audit.ts pages by offset.
  const pageHref = (to: number) => {
    const query = listQuery({ action, page: to > 1 ? String(to) : undefined });
    return `/admin/audit${query ? `?${query}` : ""}`;
  };
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Audit log</h1>
      <FilterBar label="Filter events">
        <FilterSelect name="action" label="Events" value={action} options={filters} />
      </FilterBar>
      <DataTable
        caption="Security events, newest first (times in UTC)"
        rows={events}
        rowKey={(event) => event.id}
        empty={<EmptyState title={`No events${page > 1 ? " on this page" : ""}.`} />}
        columns={[
          { header: "When (UTC)", cell: (event) => time.format(event.createdAt), className: "whitespace-nowrap" },
          { header: "Event", cell: (event) => event.action },
          { header: "Who", cell: (event) => (event.actor ? `${event.actor.name} (${event.actor.email})` : "—") },
          { header: "Concerning", cell: (event) => orDash(event.subject), className: "break-all" },
          { header: "From", cell: (event) => orDash(event.address), className: "break-all" },
        ]}
      />
      <Pager
        links={[...(page > 1 ? [{ label: "Newer events", href: pageHref(page - 1) }] : []), ...(hasMore ? [{ label: "Older events", href: pageHref(page + 1) }] : [])]}
      />
    </>
  );
}
