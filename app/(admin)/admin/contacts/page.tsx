import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listContactsForAdmin } from "@/lib/data/admin-contacts";
import { contactTypeLabels } from "@/lib/validation/contact";
import { cleanQuery } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Contacts", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 500);

export default async function ContactsPage({ searchParams }: Props) {
  await requireUser();
  const params = await searchParams;
  const q = cleanQuery(first(params.q) ?? "");
  const { items, next } = await listContactsForAdmin({ q, after: first(params.after) });
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Contacts</h1>
      <p className="mt-2 text-slate-700">Every e-mail address, phone, fax, address and contact form in the directory.</p>
      <form method="get" role="search" aria-label="Search contacts" className="mt-6 flex items-end gap-3">
        <div>
          <label htmlFor="contacts-q" className="block text-sm font-medium">
            Contains
          </label>
          <input id="contacts-q" name="q" type="search" defaultValue={q} placeholder="e.g. @example.org or +32 2" className="mt-1 w-72 rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Search
        </button>
      </form>
      {items.length === 0 ? (
        <p className="mt-6 text-slate-700">{q ? `No contact contains “${q}”.` : "There are no contacts yet."}</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Contacts, by value</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">Contact</th>
              <th scope="col" className="py-2 pr-4">Kind</th>
              <th scope="col" className="py-2">Organisation</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4 break-all whitespace-pre-line">
                  {item.value}
                  {item.label ? <span className="text-slate-600"> ({item.label})</span> : null}
                </td>
                <td className="py-2 pr-4">{contactTypeLabels[item.type]}</td>
                <td className="py-2">
                  <Link href={`/admin/organisations/${item.organisationId}/edit`} className="text-brand-700 underline hover:no-underline">
                    {item.organisationName}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <p className="mt-6">
          <Link href={`/admin/contacts?${new URLSearchParams({ ...(q ? { q } : {}), after: next })}`} className="text-brand-700 underline">
            Next page
          </Link>
        </p>
      ) : null}
    </>
  );
}
