import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ListingSummary } from "@/components/confirmations/listing-summary";
import { NewLinkForm } from "@/components/confirmations/new-link-form";
import { ActionForm } from "@/components/ui/action-form";
import { askForNewLinkAction, confirmListingAction } from "@/lib/actions/confirmations";
import { openConfirmation } from "@/lib/data/confirmations";

// The token is in the address: it must not leak to other sites through the Referer header.
export const metadata: Metadata = { title: "Confirm your listing", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Where a confirmation request's link leads: the listing and two answers, or why the link no longer works. */
export default async function ConfirmListingPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const opened = token.length <= 200 ? await openConfirmation(token) : ({ state: "invalid" } as const);
  switch (opened.state) {
    case "valid":
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">Is this listing still correct?</h1>
          <p className="mt-2 max-w-2xl text-slate-700">
            This is how the PROVA directory lists {opened.organisation.name} today. This link works once, until {day.format(opened.expiresAt)}.
          </p>
          <ListingSummary slug={opened.organisation.slug} />
          <section aria-labelledby="answer-heading" className="mt-8 max-w-2xl rounded-md border border-slate-200 p-4">
            <h2 id="answer-heading" className="text-xl font-semibold">
              Your answer
            </h2>
            <div className="mt-3 flex flex-wrap items-start gap-4">
              <ActionForm action={confirmListingAction} fields={{ token }} submit="Yes, this is correct" pending="Saving…" variant="primary" />
              <Link href={`/en/confirm/${token}/changes`} className="mt-2 font-medium text-brand-700 underline hover:no-underline">
                Something has changed
              </Link>
            </div>
          </section>
          <p className="mt-8 text-sm text-slate-600">
            <Link href={`/en/confirm/${token}/unsubscribe`} className="underline hover:no-underline">
              Receive no more of these requests
            </Link>
          </p>
        </>
      );
    case "used":
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">
            {opened.answer === "CONFIRMED" ? "Thank you: your listing is confirmed" : opened.answer === "CHANGED" ? "Thank you: your correction was received" : "This link has been used"}
          </h1>
          <p className="mt-2 max-w-2xl text-slate-700">
            {opened.answer === "CONFIRMED"
              ? `${opened.organisation.name} was confirmed on ${day.format(opened.answeredAt!)}; its page says so.`
              : opened.answer === "CHANGED"
                ? `Your correction to ${opened.organisation.name} was received on ${day.format(opened.answeredAt!)}. A reviewer checks it before it is published.`
                : null}{" "}
            This link cannot be used again. If something else changes, suggest a correction from the listing&apos;s page.
          </p>
          <p className="mt-6 flex flex-wrap gap-4">
            <Link href={`/en/organisations/${opened.organisation.slug}`} className="font-medium text-brand-700 underline hover:no-underline">
              See the listing
            </Link>
            <Link href={`/en/organisations/${opened.organisation.slug}/suggest`} className="font-medium text-brand-700 underline hover:no-underline">
              Suggest a correction
            </Link>
          </p>
          <NewLinkForm />
        </>
      );
    case "expired":
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">This link has expired</h1>
          <p className="mt-2 max-w-2xl text-slate-700">
            Links to confirm a listing work for 30 days. We can send a new one for {opened.organisation.name} to the e-mail address of its listing.
          </p>
          <ActionForm className="mt-6" action={askForNewLinkAction} fields={{ token }} submit="Send me a new link" pending="Sending…" variant="primary" />
          <p className="mt-6">
            <Link href={`/en/organisations/${opened.organisation.slug}/suggest`} className="font-medium text-brand-700 underline hover:no-underline">
              Or suggest a correction now
            </Link>
          </p>
        </>
      );
    case "not-listed":
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">This organisation is no longer listed</h1>
          <p className="mt-2 max-w-2xl text-slate-700">There is nothing to confirm. If it should be listed again, tell us through the suggestion form.</p>
          <p className="mt-6">
            <Link href="/en/suggest" className="font-medium text-brand-700 underline hover:no-underline">
              Propose an organisation
            </Link>
          </p>
        </>
      );
    case "invalid":
      return <InvalidLink />;
  }
}

function InvalidLink() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">This link does not work</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        It may have been cut short when it was copied: open it from the e-mail again, whole. Or ask for a new link below, or find your organisation in
        the directory and suggest a correction from its page.
      </p>
      <NewLinkForm />
      <p className="mt-6">
        <Link href="/en/search" className="font-medium text-brand-700 underline hover:no-underline">
          Search the directory
        </Link>
      </p>
    </>
  );
}
