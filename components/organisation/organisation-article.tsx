import Link from "next/link";
import { ContactList } from "@/components/organisation/contact-list";
import { LinkedText } from "@/components/organisation/linked-text";
import { ExternalLink } from "@/components/ui/external-link";
import type { OrganisationDetail } from "@/lib/data/organisations";
import { organisationJsonLd, serializeJsonLd } from "@/lib/json-ld";
import { lastCheckedText } from "@/lib/verification";
import { organisationKindLabels } from "@/lib/validation/labels";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

type Props = {
  organisation: OrganisationDetail;
  /** The page's address, for its structured data; absent in a preview, which has none and offers no suggestion link. */
  pageUrl?: string;
};

/** An organisation's public page: the published one, and a change's preview (the same markup). */
export function OrganisationArticle({ organisation, pageUrl }: Props) {
  return (
    <article>
      {pageUrl ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(organisationJsonLd(organisation, pageUrl)) }} /> : null}
      <p className="text-sm text-slate-600">
        {organisationKindLabels[organisation.kind]} ·{" "}
        {organisation.countries.map((country, index) => (
          <span key={country.code}>
            {index > 0 ? ", " : null}
            <Link href={`/countries/${country.code.toLowerCase()}`} className="underline hover:no-underline">
              {country.name}
            </Link>
          </span>
        ))}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-brand-900">
        {organisation.name}
        {organisation.acronym ? <span className="font-normal text-slate-600"> ({organisation.acronym})</span> : null}
      </h1>

      <section aria-labelledby="about-heading" className="mt-6 max-w-3xl text-slate-800">
        <h2 id="about-heading" className="sr-only">
          About
        </h2>
        {organisation.description ? <LinkedText text={organisation.description} /> : <p className="text-slate-600">No description yet.</p>}
      </section>

      <section aria-labelledby="contact-heading" className="mt-8 max-w-3xl">
        <h2 id="contact-heading" className="text-xl font-semibold">
          Website and contact
        </h2>
        <div className="mt-3 space-y-3">
          {organisation.website ? (
            <p>
              <span className="font-medium text-slate-700">Website: </span>
              <ExternalLink href={organisation.website}>{organisation.website}</ExternalLink>
              {organisation.brokenWebsiteCheckedAt ? (
                <span className="block text-sm text-slate-600">
                  This website did not answer when last checked on {dateFormat.format(new Date(organisation.brokenWebsiteCheckedAt))}.
                </span>
              ) : null}
            </p>
          ) : null}
          <ContactList contacts={organisation.contacts} />
        </div>
      </section>

      <footer className="mt-10 border-t border-slate-200 pt-4 text-sm text-slate-600">
        <p>
          {lastCheckedText(organisation.lastVerifiedAt ? new Date(organisation.lastVerifiedAt) : null, organisation.lastVerifiedSource)}{" "}
          Last updated on {dateFormat.format(new Date(organisation.updatedAt))}.
        </p>
        {pageUrl ? (
          <p className="mt-2">
            <Link href={`/organisations/${organisation.slug}/suggest`} className="font-medium text-brand-700 underline hover:no-underline">
              Suggest a correction
            </Link>
          </p>
        ) : null}
      </footer>
    </article>
  );
}
