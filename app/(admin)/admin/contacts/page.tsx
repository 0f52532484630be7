import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterInput } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { requireUser } from "@/lib/auth/session";
import { listContactsForAdmin } from "@/lib/data/admin-contacts";
import { contactTypeLabels } from "@/lib/validation/labels";
import { cleanQuery } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Contacts", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 500);

export default async function ContactsPage({ searchParams }: Props) {
  await requireUser();
  const params = await searchParams;
  const q = cleanQuery(first(params.q) ?? "");
  const after = first(params.after);
  const { items, next } = await listContactsForAdmin({ q, after });
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Contacts</h1>
      <p className="mt-2 text-slate-700">Every e-mail address, phone, fax, address and contact form in the directory.</p>
      <FilterBar label="Search contacts" submit="Search">
        <FilterInput name="q" label="Contains" value={q} placeholder="e.g. @example.org or +32 2" className="w-72" />
      </FilterBar>
      <DataTable
        caption="Contacts, by value"
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState title={q ? `No contact contains “${q}”.` : "There are no contacts yet."} />}
        columns={[
          {
            header: "Contact",
            cell: (item) => (
              <>
                {item.value}
                {item.label ? <span className="text-slate-600"> ({item.label})</span> : null}
              </>
            ),
            className: "break-all whitespace-pre-line",
          },
          { header: "Kind", cell: (item) => contactTypeLabels[item.type] },
          {
            header: "Organisation",
            cell: (item) => (
              <Link href={`/admin/organisations/${item.organisationId}/edit`} className="text-brand-700 underline hover:no-underline">
                {item.organisationName}
              </Link>
            ),
          },
        ]}
      />
      <Pager links={keysetLinks("/admin/contacts", { q, after }, next)} />
    </>
  );
}
