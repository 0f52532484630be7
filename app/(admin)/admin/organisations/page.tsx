import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { requireUser } from "@/lib/auth/session";
import { listOrganisationsForAdmin } from "@/lib/data/admin-organisations";
import { listCountries } from "@/lib/data/countries";
import { adminListSchema } from "@/lib/validation/admin-list";
import { organisationKindLabels } from "@/lib/validation/organisation";

export const metadata: Metadata = { title: "Organisations", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });


export default async function OrganisationsPage({ searchParams }: Props) {
  await requireUser();
  // The URL holds the filters: a view can be shared and survives a reload. Bad values are ignored.
  const filters = adminListSchema.parse(await searchParams);
  const [{ items, next }, countries] = await Promise.all([listOrganisationsForAdmin(filters), listCountries()]);
  const nextQuery = new URLSearchParams(
    Object.entries({ ...filters, pending: filters.pending ? "1" : "", unverified: filters.unverified ? "1" : "", after: next ?? "" }).filter(([, value]) => value) as [string, string][],
  );
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold text-brand-900">Organisations</h1>
        <Link href="/admin/organisations/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
          New organisation
        </Link>
      </div>
      <form method="get" role="search" aria-label="Filter organisations" className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 p-4">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="Name, website, e-mail…" className="mt-1 w-64 rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <FilterSelect
          name="country"
          label="Country"
          value={filters.country}
          options={[{ value: "", label: "Any" }, ...countries.map((country) => ({ value: country.code.toLowerCase(), label: country.name }))]}
        />
        <FilterSelect name="kind" label="Kind" value={filters.kind} options={[{ value: "", label: "Any" }, ...Object.entries(organisationKindLabels).map(([value, label]) => ({ value, label }))]} />
        <FilterSelect
          name="status"
          label="Status"
          value={filters.status}
          options={[
            { value: "", label: "Any" },
            { value: "PUBLISHED", label: "Published" },
            { value: "ARCHIVED", label: "Archived" },
          ]}
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
        <div className="flex flex-col gap-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="pending" value="1" defaultChecked={filters.pending} /> With changes waiting for review
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="unverified" value="1" defaultChecked={filters.unverified} /> Not verified for 12 months
          </label>
        </div>
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Show
        </button>
      </form>
      {items.length === 0 ? (
        <p className="mt-6 text-slate-700">No organisation matches these filters.</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Organisations{filters.after ? " (a further page)" : ""}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Kind</th>
              <th scope="col" className="py-2 pr-4">Countries</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Changed</th>
              <th scope="col" className="py-2">Verified</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4">
                  <Link href={`/admin/organisations/${item.id}/edit`} className="font-medium text-brand-700 underline hover:no-underline">
                    {item.name}
                    {item.acronym ? ` (${item.acronym})` : ""}
                  </Link>
                  {item.pending ? <span className="ml-2 rounded bg-amber-100 px-2 text-amber-900">change waiting for review</span> : null}
                </td>
                <td className="py-2 pr-4">{organisationKindLabels[item.kind]}</td>
                <td className="py-2 pr-4">{item.countryCodes.join(", ")}</td>
                <td className="py-2 pr-4">{item.status === "ARCHIVED" ? "Archived" : "Published"}</td>
                <td className="py-2 pr-4 whitespace-nowrap">{date.format(item.updatedAt)}</td>
                <td className="py-2 whitespace-nowrap">{item.lastVerifiedAt ? date.format(item.lastVerifiedAt) : "Never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="mt-6 flex gap-4">
        {filters.after ? (
          <Link href={`/admin/organisations?${new URLSearchParams([...nextQuery].filter(([key]) => key !== "after"))}`} className="text-brand-700 underline">
            First page
          </Link>
        ) : null}
        {next ? (
          <Link href={`/admin/organisations?${nextQuery}`} className="text-brand-700 underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
