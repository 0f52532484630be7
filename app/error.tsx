"use client";

import { Document } from "@/components/layout/document";
import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";

/**
 * Any unexpected error below the root layout: a generic message and the reference (the digest
 * Next writes next to the details in the server log), never the error itself. It replaces the
 * group layouts, so it brings the site header.
 */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <Document lang="en">
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-16">
        <h1 className="text-3xl font-bold text-brand-900">Something went wrong</h1>
        <p className="mt-3 text-slate-700">
          The page could not be shown. Try again in a moment; if it keeps failing, give an administrator this reference:{" "}
          <code className="rounded bg-slate-100 px-1">{error.digest ?? "none"}</code>.
        </p>
        <p className="mt-6 flex gap-4">
          <button type="button" onClick={() => retry()} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
            Try again
          </button>
          <Link href="/" className="self-center text-brand-700 underline hover:no-underline">
            Go to the home page
          </Link>
        </p>
      </main>
    </Document>
  );
}
