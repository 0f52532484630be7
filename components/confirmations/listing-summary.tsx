import { getTranslations } from "next-intl/server";
import { ContactList } from "@/components/organisation/contact-list";
import { LinkedText } from "@/components/organisation/linked-text";
import { ExternalLink } from "@/components/ui/external-link";
import { getOrganisationPage } from "@/lib/data/organisations";
import { countryNameIn, type Locale } from "@/lib/i18n/locales";

/** A published listing as its page shows it, for its organisation to check. */
export async function ListingSummary({ slug, locale }: { slug: string; locale: Locale }) {
  const found = await getOrganisationPage(slug);
  if (!found || !("organisation" in found)) return null;
  const { organisation } = found;
  const [t, page, kind] = await Promise.all([
    getTranslations({ locale, namespace: "ListingSummary" }),
    getTranslations({ locale, namespace: "Organisation" }),
    getTranslations({ locale, namespace: "Kinds" }),
  ]);
  return (
    <section aria-label={t("label")} className="mt-6 max-w-3xl rounded-md border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-600">
        {kind(organisation.kind)} · {organisation.countries.map((country) => countryNameIn(locale, country.code, country.name)).join(", ")}
      </p>
      <h2 className="mt-1 text-2xl font-bold text-brand-900">
        {organisation.name}
        {organisation.acronym ? <span className="font-normal text-slate-600"> ({organisation.acronym})</span> : null}
      </h2>
      <div className="mt-3 text-slate-800">
        {organisation.description ? <LinkedText text={organisation.description} locale={locale} /> : <p className="text-slate-600">{page("noDescription")}</p>}
      </div>
      <div className="mt-4 space-y-3">
        {organisation.website ? (
          <p>
            <span className="font-medium text-slate-700">{page("website")} </span>
            <ExternalLink href={organisation.website} locale={locale}>{organisation.website}</ExternalLink>
          </p>
        ) : (
          <p className="text-slate-600">{page("noWebsite")}</p>
        )}
        <ContactList contacts={organisation.contacts} locale={locale} />
      </div>
    </section>
  );
}
