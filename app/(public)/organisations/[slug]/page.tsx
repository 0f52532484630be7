import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { OrganisationArticle } from "@/components/organisation/organisation-article";
import { getOrganisationPage } from "@/lib/data/organisations";
import { appUrl } from "@/lib/env";
import { summarise } from "@/lib/text";
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

export default async function OrganisationPage({ params }: Props) {
  const { slug } = await params;
  const found = await getOrganisationPage(slug);
  // An old address of a renamed organisation answers with a permanent redirect (308).
  if (found && "movedTo" in found) permanentRedirect(`/organisations/${found.movedTo}`);
  if (!found) return <StaticNotFound />;
  const { organisation } = found;
  return <OrganisationArticle organisation={organisation} pageUrl={`${appUrl()}/organisations/${organisation.slug}`} />;
}
