import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listQuery } from "@/components/ui/keyset-links";
import { currentSession, requireRole } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Audit" });
  return { title: t("title"), robots: { index: false } };
}

// The values are the start of audit action codes (data); the labels are messages.
const filters = [
  { value: "", label: "allEvents" },
  { value: "sign-in", label: "signIns" },
  { value: "sign-out", label: "signOuts" },
  { value: "user.", label: "userChanges" },
  { value: "access.denied", label: "accessDenied" },
] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const orDash = (value: string | null) => value ?? "—";

export default async function AuditPage({ searchParams }: Props) {
  const session = await requireRole(["ADMIN"], "/admin/audit");
  const locale = session.user.language ?? defaultLocale;
  const [params, t, admin] = await Promise.all([searchParams, getTranslations({ locale, namespace: "Audit" }), getTranslations({ locale, namespace: "Admin" })]);
  // English times as the admin has always written them (3 Mar 2026, 14:05:09).
  const time = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
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
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <FilterBar label={t("filterLabel")} submit={admin("show")}>
        <FilterSelect name="action" label={t("events")} value={action} options={filters.map((filter) => ({ value: filter.value, label: t(filter.label) }))} />
      </FilterBar>
      <DataTable
        caption={t("caption")}
        rows={events}
        rowKey={(event) => event.id}
        empty={<EmptyState title={page > 1 ? t("emptyPage") : t("empty")} />}
        columns={[
          { header: t("when"), cell: (event) => time.format(event.createdAt), className: "whitespace-nowrap" },
          { header: t("event"), cell: (event) => event.action },
          { header: t("who"), cell: (event) => (event.actor ? `${event.actor.name} (${event.actor.email})` : "—") },
          { header: t("concerning"), cell: (event) => orDash(event.subject), className: "break-all" },
          { header: t("from"), cell: (event) => orDash(event.address), className: "break-all" },
        ]}
      />
      <Pager
        label={admin("pages")}
        links={[...(page > 1 ? [{ label: t("newer"), href: pageHref(page - 1) }] : []), ...(hasMore ? [{ label: t("older"), href: pageHref(page + 1) }] : [])]}
      />
    </>
  );
}
