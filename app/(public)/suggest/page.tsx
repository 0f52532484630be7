import type { Metadata } from "next";
import { connection } from "next/server";
import { SuggestionForm } from "@/components/organisation-form/suggestion-page";

export const metadata: Metadata = { title: "Propose an organisation", robots: { index: false } };

// Rendered per request: the form carries a fresh signed stamp, and the page a fresh nonce.
export default async function ProposeOrganisationPage() {
  await connection();
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">Propose an organisation</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        Know an organisation working against radicalisation and violent extremism that is missing here? Tell us about it. Our reviewers check every
        suggestion before it is listed.
      </p>
      <SuggestionForm />
    </>
  );
}
