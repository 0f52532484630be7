import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContactList } from "@/components/organisation/contact-list";
import { LinkedText } from "@/components/organisation/linked-text";
import { ExternalLink } from "@/components/ui/external-link";
import type { OrganisationDetail } from "@/lib/data/organisations";
import { listingIn } from "@/lib/i18n/listing";
import { countryNameIn, formatDay, languageNameIn, localePath, type Locale } from "@/lib/i18n/locales";
import { organisationJsonLd, serializeJsonLd } from "@/lib/json-ld";
import { lastCheckedMessage } from "@/lib/verification";

type Props = {
  organisation: OrganisationDetail;
  locale: Locale;
  /** The page's address, for its structured data; absent in a preview, which has none and offers no suggestion link. */
  pageUrl?: string;
};

/** An organisation's public page: the published one, and a change's preview (the same markup). */
export async function OrganisationArticle({ organisation, locale, pageUrl }: Props) {
  const [t, kind] = await Promise.all([getTranslations({ locale, namespace: "Organisation" }), getTranslations({ locale, namespace: "Kinds" })]);
  const checkedOn = organisation.lastVerifiedAt ? formatDay(locale, organisation.lastVerifiedAt) : "";
  const shown = listingIn(organisation, locale);
  const checked = t(lastCheckedMessage(organisation.lastVerifiedAt, organisation.lastVerifiedSource), { date: checkedOn });
  return (
    <article>
      {pageUrl ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(organisationJsonLd(organisation, pageUrl)) }} /> : null}
      <p className="text-sm text-slate-600">
        {kind(organisation.kind)} ·{" "}
        {organisation.countries.map((country, index) => (
          <span key={country.code}>
            {index > 0 ? ", " : null}
            <Link href={localePath(locale, `/countries/${country.code.toLowerCase()}`)} className="underline hover:no-underline">
              {countryNameIn(locale, country.code, country.name)}
            </Link>
          </span>
        ))}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-brand-900">
        {shown.name}
        {organisation.acronym ? <span className="font-normal text-slate-600"> ({organisation.acronym})</span> : null}
      </h1>

      <section aria-labelledby="about-heading" className="mt-6 max-w-3xl text-slate-800">
        <h2 id="about-heading" className="sr-only">
          {t("about")}
        </h2>
        {shown.original ? <p className="mb-2 text-sm text-slate-600">{t("originalIn", { language: languageNameIn(locale, shown.descriptionLanguage) })}</p> : null}
        {shown.description ? (
          <div lang={shown.descriptionLanguage}>
            <LinkedText text={shown.description} locale={locale} />
          </div>
        ) : (
          <p className="text-slate-600">{t("noDescription")}</p>
        )}
      </section>

      <section aria-labelledby="contact-heading" className="mt-8 max-w-3xl">
        <h2 id="contact-heading" className="text-xl font-semibold">
          {t("contact")}
        </h2>
        <div className="mt-3 space-y-3">
          {organisation.website ? (
            <p>
              <span className="font-medium text-slate-700">{t("website")} </span>
              <ExternalLink href={organisation.website} locale={locale}>{organisation.website}</ExternalLink>
              {organisation.brokenWebsiteCheckedAt ? (
                <span className="block text-sm text-slate-600">{t("websiteDown", { date: formatDay(locale, organisation.brokenWebsiteCheckedAt) })}</span>
              ) : null}
            </p>
          ) : null}
          <ContactList contacts={organisation.contacts} locale={locale} />
        </div>
      </section>

      <footer className="mt-10 border-t border-slate-200 pt-4 text-sm text-slate-600">
        <p>
          {checked} {t("updated", { date: formatDay(locale, organisation.updatedAt) })}
        </p>
        {pageUrl ? (
          <p className="mt-2">
            <Link href={localePath(locale, `/organisations/${organisation.slug}/suggest`)} className="font-medium text-brand-700 underline hover:no-underline">
              {t("suggest")}
            </Link>
          </p>
        ) : null}
      </footer>
    </article>
  );
}
