import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { OrganisationListItem } from "@/lib/data/organisations";
import { ExternalLink } from "@/components/ui/external-link";
import { listingIn } from "@/lib/i18n/listing";
import { localePath, type Locale } from "@/lib/i18n/locales";

/**
 * Organisations, one item each: name (a link to its page), kind, summary, website. Styled by the
 * `organisation-list` rules in app/globals.css rather than on each item: a country's page lists
 * fifty, and every class on an item is repeated fifty times in its HTML and again in its RSC payload.
 */
export async function OrganisationList({
  organisations,
  locale,
  headingLevel = "h2",
}: {
  organisations: OrganisationListItem[];
  locale: Locale;
  headingLevel?: "h2" | "h3";
}) {
  const kind = await getTranslations({ locale, namespace: "Kinds" });
  const Heading = headingLevel;
  return (
    <ul className="organisation-list" role="list">
      {organisations.map((organisation) => {
        const shown = listingIn({ ...organisation, description: organisation.summary }, locale);
        return (
          <li key={organisation.id}>
            <Heading>
              <Link href={localePath(locale, `/organisations/${organisation.slug}`)}>
                {shown.name}
                {organisation.acronym ? <span>{` (${organisation.acronym})`}</span> : null}
              </Link>
            </Heading>
            <p className="kind">{kind(organisation.kind)}</p>
            {shown.description ? (
              <p className="summary" lang={shown.descriptionLanguage}>
                {shown.description}
              </p>
            ) : null}
            {organisation.website ? (
              <p className="website">
                <ExternalLink href={organisation.website} locale={locale}>
                  {organisation.website}
                </ExternalLink>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
