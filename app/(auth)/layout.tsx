import { Document } from "@/components/layout/document";
import { SiteHeader } from "@/components/layout/site-header";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <Document lang="en">
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        {children}
      </main>
    </Document>
  );
}
