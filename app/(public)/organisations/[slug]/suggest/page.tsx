import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SuggestionForm } from "@/components/organisation-form/suggestion-page";
import { getOrganisationDocument } from "@/lib/data/change-sets";
import { findPublishedIdBySlug } from "@/lib/data/organisations";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export const metadata: Metadata = { title: "Suggest a correction", robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

// Rendered per request: the form carries a fresh signed stamp, and the page a fresh nonce.
export default async function SuggestCorrectionPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const id = await findPublishedIdBySlug(slug);
  const organisation = id ? await getOrganisationDocument(id) : null;
  if (!id || !organisation) notFound();
  return (
    <>
      <Breadcrumb href={`/organisations/${slug}`} label={organisation.document.name} current="suggest a correction" />
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-brand-900">Suggest a correction to {organisation.document.name}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">Change what is wrong or missing below. Our reviewers check every suggestion before it is published.</p>
      <SuggestionForm organisation={{ id, document: organisation.document }} />
    </>
  );
}
