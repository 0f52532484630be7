import type { Metadata } from "next";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { ContactList } from "@/components/organisation/contact-list";
import { LinkedText } from "@/components/organisation/linked-text";
import { ExternalLink } from "@/components/ui/external-link";
import { getOrganisationPage } from "@/lib/data/organisations";
import { appUrl } from "@/lib/env";
import { organisationJsonLd, serializeJsonLd } from "@/lib/json-ld";
import { summarise } from "@/lib/text";
import { lastCheckedText } from "@/lib/verification";
import { organisationKindLabels } from "@/lib/validation/labels";

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then served from the ISR cache; a million pages are not prerendered.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getOrganisationPage((await params).slug);
  if (!found || !("organisation" in found)) return { title: "Page not found" };
  const { organisation } = found;
  const title = organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name;
  const description =
    summarise(organisation.description) ||
    `${organisationKindLabels[organisation.kind]} in ${organisation.countries.map((c) => c.name).join(", ")}.`;
  const url = `${appUrl()}/organisations/${organisation.slug}`;
  return { title, description, alternates: { canonical: url }, openGraph: { title, description, url, type: "website" } };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default async function OrganisationPage({ params }: Props) {
  const { slug } = await params;
  const found = await getOrganisationPage(slug);
  // An old address of a renamed organisation answers with a permanent redirect (308).
  if (found && "movedTo" in found) permanentRedirect(`/organisations/${found.movedTo}`);
  if (!found) return <StaticNotFound />;
  const { organisation } = found;
  const pageUrl = `${appUrl()}/organisations/${organisation.slug}`;
  return (
    <article>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(organisationJsonLd(organisation, pageUrl)) }} />
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
        <p className="mt-2">
          <Link href={`/organisations/${organisation.slug}/suggest`} className="font-medium text-brand-700 underline hover:no-underline">
            Suggest a correction
          </Link>
        </p>
      </footer>
    </article>
  );
}
