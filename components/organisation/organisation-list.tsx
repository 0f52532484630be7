import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { OrganisationListItem } from "@/lib/data/organisations";
import { ExternalLink } from "@/components/ui/external-link";
import { listingIn } from "@/lib/i18n/listing";
import { localePath, type Locale } from "@/lib/i18n/locales";

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
    <ul className="divide-y divide-slate-200" role="list">
      {organisations.map((organisation) => {
        const shown = listingIn(
          { ...organisation, description: organisation.summary },
          locale,
        );
        return (
          <li key={organisation.id} className="py-4">
            <Heading className="text-lg font-semibold text-brand-900">
              <Link
                href={localePath(locale, `/organisations/${organisation.slug}`)}
                className="underline decoration-1 underline-offset-2 hover:decoration-2"
              >
                {shown.name}
                {organisation.acronym ? (
                  <span className="font-normal text-slate-600">
                    {" "}
                    ({organisation.acronym})
                  </span>
                ) : null}
              </Link>
            </Heading>
            <p className="text-sm text-slate-600">{kind(organisation.kind)}</p>
            {shown.description ? (
              <p
                className="mt-1 text-slate-800"
                lang={shown.descriptionLanguage}
              >
                {shown.description}
              </p>
            ) : null}
            {organisation.website ? (
              <p className="mt-1 text-sm">
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
