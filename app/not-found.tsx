import { Document } from "@/components/layout/document";
import { NotFoundContent } from "@/components/layout/not-found-content";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

// For addresses that match no route; a missing organisation or country uses (public)/not-found.tsx.
export default function NotFound() {
  return (
    <Document lang="en">
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-16">
        <NotFoundContent locale="en" />
      </main>
      <SiteFooter />
    </Document>
  );
}
