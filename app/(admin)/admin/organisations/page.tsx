import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterCheckbox, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { requireUser } from "@/lib/auth/session";
import { listOrganisationsForAdmin } from "@/lib/data/admin-organisations";
import { listCountries } from "@/lib/data/countries";
import { serverEnv } from "@/lib/env";
import { linkProblemsOf } from "@/lib/data/links";
import { LinkProblems } from "@/components/links/link-verdict";
import { adminListSchema } from "@/lib/validation/admin-list";
import { organisationKindLabels } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Organisations", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const any = { value: "", label: "Any" };

export default async function OrganisationsPage({ searchParams }: Props) {
  await requireUser();
  // The URL holds the filters: a view can be shared and survives a reload. Bad values are ignored.
  const filters = adminListSchema.parse(await searchParams);
  const [{ items, next }, countries] = await Promise.all([listOrganisationsForAdmin(filters), listCountries()]);
  const linkProblems = await linkProblemsOf(items.map((item) => item.id));
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold text-brand-900">Organisations</h1>
        <Link href="/admin/organisations/new" className={buttonClass("primary")}>
          New organisation
        </Link>
      </div>
      <FilterBar label="Filter organisations">
        <FilterInput name="q" label="Search" value={filters.q} placeholder="Name, website, e-mail…" />
        <FilterSelect name="country" label="Country" value={filters.country} options={[any, ...countries.map((country) => ({ value: country.code.toLowerCase(), label: country.name }))]} />
        <FilterSelect name="kind" label="Kind" value={filters.kind} options={[any, ...Object.entries(organisationKindLabels).map(([value, label]) => ({ value, label }))]} />
        <FilterSelect
          name="status"
          label="Status"
          value={filters.status}
          options={[any, { value: "PUBLISHED", label: "Published" }, { value: "ARCHIVED", label: "Archived" }]}
        />
        <FilterSelect
          name="sort"
          label="Order"
          value={filters.sort}
          options={[
            { value: "name", label: "By name" },
            { value: "updated", label: "Recently changed first" },
          ]}
        />
        <div className="flex flex-col gap-1">
          <FilterCheckbox name="pending" label="With changes waiting for review" checked={filters.pending} />
          <FilterCheckbox name="unverified" label={`Not verified for ${serverEnv().VERIFICATION_INTERVAL_MONTHS} months`} checked={filters.unverified} />
        </div>
      </FilterBar>
      <DataTable
        caption={`Organisations${filters.after ? " (a further page)" : ""}`}
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState title="No organisation matches these filters." />}
        columns={[
          {
            header: "Name",
            cell: (item) => (
              <>
                <Link href={`/admin/organisations/${item.id}/edit`} className="font-medium text-brand-700 underline hover:no-underline">
                  {item.name}
                  {item.acronym ? ` (${item.acronym})` : ""}
                </Link>
                {item.pending ? <span className="ml-2 rounded bg-amber-100 px-2 text-amber-900">change waiting for review</span> : null}
                <LinkProblems links={linkProblems.get(item.id)} />
              </>
            ),
          },
          { header: "Kind", cell: (item) => organisationKindLabels[item.kind] },
          { header: "Countries", cell: (item) => item.countryCodes.join(", ") },
          { header: "Status", cell: (item) => (item.status === "ARCHIVED" ? "Archived" : "Published") },
          { header: "Changed", cell: (item) => date.format(item.updatedAt), className: "whitespace-nowrap" },
          { header: "Verified", cell: (item) => (item.lastVerifiedAt ? date.format(item.lastVerifiedAt) : "Never"), className: "whitespace-nowrap" },
        ]}
      />
      <Pager links={keysetLinks("/admin/organisations", filters, next)} />
    </>
  );
}
