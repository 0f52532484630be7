import Link from "next/link";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { OrganisationList } from "@/components/organisation/organisation-list";
import { getCountry } from "@/lib/data/countries";
import { countryPageSize, listPublishedByCountry } from "@/lib/data/organisations";

/** A country's organisations by name, one page of 50: /countries/be, /countries/be/page/2, … */
export async function CountryListing({ code, page }: { code: string; page: number }) {
  // Only the lower-case form is the page's address; /countries/BE is not a second copy of it.
  const country = code === code.toLowerCase() ? await getCountry(code) : null;
  if (!country) return <StaticNotFound />;
  const { organisations, total } = await listPublishedByCountry(country.code, page);
  const pageCount = Math.max(1, Math.ceil(total / countryPageSize));
  if (page > pageCount) return <StaticNotFound />;
  const base = `/countries/${code}`;
  const pageHref = (n: number) => (n === 1 ? base : `${base}/page/${n}`);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">
        Organisations in {country.name}
        {page > 1 ? <span className="font-normal text-slate-600">, page {page}</span> : null}
      </h1>
      <p className="mt-2 text-slate-600">
        {total === 1 ? "1 organisation" : `${total.toLocaleString("en-GB")} organisations`}
        {total > 0 ? (
          <>
            {" · "}
            <Link href={`/search?country=${code}`} className="text-brand-700 underline hover:no-underline">
              Filter by kind or search within {country.name}
            </Link>
          </>
        ) : null}
      </p>
      {total === 0 ? (
        <p className="mt-6 text-slate-700">No organisations in {country.name} are listed yet.</p>
      ) : (
        <OrganisationList organisations={organisations} />
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-4">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} rel="prev" className="text-brand-700 underline">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {page} of {pageCount.toLocaleString("en-GB")}
          </span>
          {page < pageCount ? (
            <Link href={pageHref(page + 1)} rel="next" className="text-brand-700 underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
