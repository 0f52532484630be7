import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SuggestionForm } from "@/components/organisation-form/suggestion-page";
import { getOrganisationDocument } from "@/lib/data/change-sets";
import { openConfirmation } from "@/lib/data/confirmations";

export const metadata: Metadata = { title: "Tell us what has changed", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** "Something has changed": the suggestion form with the listing filled in, sent as the organisation's own. */
export default async function ConfirmationChangesPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const opened = token.length <= 200 ? await openConfirmation(token) : null;
  const organisation = opened?.state === "valid" ? await getOrganisationDocument(opened.organisation.id) : null;
  if (opened?.state !== "valid" || !organisation) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight text-brand-900">This link no longer works</h1>
        <p className="mt-2 max-w-2xl text-slate-700">It has been used, has expired, or was not copied whole.</p>
        <p className="mt-6">
          <Link href={`/en/confirm/${token}`} className="font-medium text-brand-700 underline hover:no-underline">
            See what can be done
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="text-sm">
        <Link href={`/en/confirm/${token}`} className="text-brand-700 underline hover:no-underline">
          Back to the listing
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-brand-900">What has changed at {opened.organisation.name}?</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        Change what is wrong or missing below, then send it. A reviewer checks it before it is published; it reaches them marked as coming from your
        organisation.
      </p>
      <SuggestionForm organisation={{ id: opened.organisation.id, document: organisation.document }} confirmation={token} />
    </>
  );
}
