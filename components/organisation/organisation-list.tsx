import type { OrganisationListItem } from "@/lib/data/organisations";
import { organisationKindLabels } from "@/lib/validation/organisation";

export function OrganisationList({
  organisations,
  headingLevel = "h2",
}: {
  organisations: OrganisationListItem[];
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <ul className="divide-y divide-slate-200" role="list">
      {organisations.map((organisation) => (
        <li key={organisation.id} className="py-4">
          <Heading className="text-lg font-semibold text-brand-900">
            {organisation.name}
            {organisation.acronym ? <span className="font-normal text-slate-600"> ({organisation.acronym})</span> : null}
          </Heading>
          <p className="text-sm text-slate-600">{organisationKindLabels[organisation.kind]}</p>
          {organisation.summary ? <p className="mt-1 text-slate-800">{organisation.summary}</p> : null}
          {organisation.website ? (
            <p className="mt-1 text-sm">
              <a
                href={organisation.website}
                rel="noopener noreferrer"
                target="_blank"
                className="break-all text-brand-700 underline hover:no-underline"
              >
                {organisation.website}
                <span className="sr-only"> (external site, opens in a new tab)</span>
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
