import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

export default function ThanksPage() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">Thank you for your suggestion</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        A reviewer will look at it soon. Nothing changes in the directory until they approve it. If you left an e-mail address, we will tell you the
        outcome.
      </p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          Back to the directory
        </Link>
      </p>
    </>
  );
}
