import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { OrganisationList } from "@/components/organisation/organisation-list";
import { getCountry } from "@/lib/data/countries";
import { type CountryPageStart, getCountryPage } from "@/lib/data/organisations";

/**
 * A country's organisations by name, fifty a page: /countries/be, then /countries/be/from/<slug>
 * for the page that starts at that organisation. A page is addressed by where it starts, not by
 * its number, so an organisation arriving or leaving changes only the pages around it.
 */
export async function CountryListing({ code, from }: { code: string; from?: string }) {
  // Only the lower-case form is the page's address; /countries/BE is not a second copy of it.
  const country = code === code.toLowerCase() ? await getCountry(code) : null;
  if (!country) return <StaticNotFound />;
  const page = await getCountryPage(country.code, from);
  const base = `/countries/${code}`;
  if (page && "movedTo" in page) permanentRedirect(`${base}/from/${page.movedTo}`);
  if (!page) return <StaticNotFound />;
  const { organisations, total, next, previous } = page;
  const href = (start: CountryPageStart) => ("first" in start ? base : `${base}/from/${start.from}`);
  const first = from === undefined;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">
        Organisations in {country.name}
        {!first && organisations[0] ? <span className="font-normal text-slate-600">, from {organisations[0].name}</span> : null}
      </h1>
      {total !== null ? (
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
      ) : null}
      {organisations.length === 0 ? (
        <p className="mt-6 text-slate-700">{first ? `No organisations in ${country.name} are listed yet.` : `No organisations in ${country.name} come after this one.`}</p>
      ) : (
        <OrganisationList organisations={organisations} />
      )}
      {previous || next ? (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-4">
          {previous ? (
            <>
              {"from" in previous ? (
                <Link href={base} className="text-brand-700 underline">
                  First page
                </Link>
              ) : null}
              <Link href={href(previous)} rel="prev" className="text-brand-700 underline">
                Previous page
              </Link>
            </>
          ) : null}
          {next ? (
            <Link href={href(next)} rel="next" className="text-brand-700 underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
