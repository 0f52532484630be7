import { ContactList } from "@/components/organisation/contact-list";
import { LinkedText } from "@/components/organisation/linked-text";
import { ExternalLink } from "@/components/ui/external-link";
import { getOrganisationPage } from "@/lib/data/organisations";
import { organisationKindLabels } from "@/lib/validation/labels";

/** A published listing as its page shows it, for its organisation to check. */
export async function ListingSummary({ slug }: { slug: string }) {
  const found = await getOrganisationPage(slug);
  if (!found || !("organisation" in found)) return null;
  const { organisation } = found;
  return (
    <section aria-label="The listing" className="mt-6 max-w-3xl rounded-md border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-600">
        {organisationKindLabels[organisation.kind]} · {organisation.countries.map((country) => country.name).join(", ")}
      </p>
      <h2 className="mt-1 text-2xl font-bold text-brand-900">
        {organisation.name}
        {organisation.acronym ? <span className="font-normal text-slate-600"> ({organisation.acronym})</span> : null}
      </h2>
      <div className="mt-3 text-slate-800">
        {organisation.description ? <LinkedText text={organisation.description} /> : <p className="text-slate-600">No description yet.</p>}
      </div>
      <div className="mt-4 space-y-3">
        {organisation.website ? (
          <p>
            <span className="font-medium text-slate-700">Website: </span>
            <ExternalLink href={organisation.website}>{organisation.website}</ExternalLink>
          </p>
        ) : (
          <p className="text-slate-600">No website listed.</p>
        )}
        <ContactList contacts={organisation.contacts} locale="en" />
      </div>
    </section>
  );
}
