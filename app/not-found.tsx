import Link from "next/link";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-16">
        <h1 className="text-3xl font-bold text-brand-900">Page not found</h1>
        <p className="mt-3 text-slate-700">
          There is no page at this address. It may have moved, or the organisation may no longer be listed.
        </p>
        <p className="mt-6">
          <Link href="/" className="text-brand-700 underline hover:no-underline">
            Go to the directory&apos;s home page
          </Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
