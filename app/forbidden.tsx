import { Document } from "@/components/layout/document";
import Link from "next/link";
import { ErrorPageHeader } from "@/components/layout/error-page-header";

// Replaces everything below the root layout (the admin layout too), so it brings the site header.
export default function Forbidden() {
  return (
    <Document lang="en">
      <ErrorPageHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-16">
        <h1 className="text-3xl font-bold text-brand-900">You do not have access to this page</h1>
        <p className="mt-3 text-slate-700">Your role does not allow this. Ask an administrator if you need it.</p>
        <p className="mt-6">
          <Link href="/admin" className="text-brand-700 underline hover:no-underline">
            Back to the dashboard
          </Link>
        </p>
      </main>
    </Document>
  );
}
