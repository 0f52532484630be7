import { Document } from "@/components/layout/document";
import Link from "next/link";
import { ErrorPageHeader } from "@/components/layout/error-page-header";

// Nothing calls unauthorized() (pages without a session redirect to the sign-in page), but with
// authInterrupts on, every page carries this fallback in its RSC payload, twice: Next's default
// (inline styles and a style sheet) added 2.5 KB to each cached page (docs/performance.md).
export default function Unauthorized() {
  return (
    <Document lang="en">
      <ErrorPageHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-16">
        <h1 className="text-3xl font-bold text-brand-900">Please sign in</h1>
        <p className="mt-6">
          <Link href="/login" className="text-brand-700 underline hover:no-underline">
            Sign in
          </Link>
        </p>
      </main>
    </Document>
  );
}
