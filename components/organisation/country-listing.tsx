import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { OrganisationList } from "@/components/organisation/organisation-list";
import { getCountry } from "@/lib/data/countries";
import { type CountryPageStart, getCountryPage } from "@/lib/data/organisations";
import { countryNameIn, localePath, type Locale } from "@/lib/i18n/locales";

/**
 * A country's organisations by name, fifty a page: /en/countries/be, then /en/countries/be/from/<slug>
 * for the page that starts at that organisation. A page is addressed by where it starts, not by
 * its number, so an organisation arriving or leaving changes only the pages around it.
 */
export async function CountryListing({ code, from, locale }: { code: string; from?: string; locale: Locale }) {
  // Only the lower-case form is the page's address; /countries/BE is not a second copy of it.
  const country = code === code.toLowerCase() ? await getCountry(code) : null;
  if (!country) return <StaticNotFound locale={locale} />;
  const page = await getCountryPage(country.code, from);
  const base = localePath(locale, `/countries/${code}`);
  if (page && "movedTo" in page) permanentRedirect(`${base}/from/${page.movedTo}`);
  if (!page) return <StaticNotFound locale={locale} />;
  const t = await getTranslations({ locale, namespace: "Country" });
  const name = countryNameIn(locale, country.code, country.name);
  const { organisations, total, next, previous } = page;
  const href = (start: CountryPageStart) => ("first" in start ? base : `${base}/from/${start.from}`);
  const first = from === undefined;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">
        {t("title", { country: name })}
        {!first && organisations[0] ? <span className="font-normal text-slate-600">{t("from", { name: organisations[0].name })}</span> : null}
      </h1>
      {total !== null ? (
        <p className="mt-2 text-slate-600">
          {t("count", { count: total })}
          {total > 0 ? (
            <>
              {" · "}
              <Link href={localePath(locale, `/search?country=${code}`)} className="text-brand-700 underline hover:no-underline">
                {t("filter", { country: name })}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {organisations.length === 0 ? (
        <p className="mt-6 text-slate-700">{first ? t("empty", { country: name }) : t("emptyAfter", { country: name })}</p>
      ) : (
        <OrganisationList organisations={organisations} locale={locale} />
      )}
      {previous || next ? (
        <nav aria-label={t("pages")} className="mt-6 flex items-center gap-4">
          {previous ? (
            <>
              {"from" in previous ? (
                <Link href={base} className="text-brand-700 underline">
                  {t("first")}
                </Link>
              ) : null}
              <Link href={href(previous)} rel="prev" className="text-brand-700 underline">
                {t("previous")}
              </Link>
            </>
          ) : null}
          {next ? (
            <Link href={href(next)} rel="next" className="text-brand-700 underline">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
