import { Document } from "@/components/layout/document";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

/** A page of the site outside any language's pages (an address that is none of them), in English. */
export function EnglishPage({ children }: { children: React.ReactNode }) {
  return (
    <Document lang="en">
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-16">
        {children}
      </main>
      <SiteFooter />
    </Document>
  );
}
