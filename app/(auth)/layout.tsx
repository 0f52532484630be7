import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Document } from "@/components/layout/document";
import { SiteHeader } from "@/components/layout/site-header";
import { negotiateLocale } from "@/lib/i18n/locales";

// Seen before anyone is signed in: in the language the browser asks for (Accept-Language). These
// pages are dynamic (private, no-store), so no shared cache keeps one language's answer for another.
const requestLocale = async () => negotiateLocale((await headers()).get("accept-language"));

// The pages' titles end with the directory's name in that language.
export async function generateMetadata(): Promise<Metadata> {
  const site = await getTranslations({ locale: await requestLocale(), namespace: "Site" });
  return { title: { default: site("name"), template: `%s · ${site("name")}` } };
}

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const locale = await requestLocale();
  const t = await getTranslations({ locale, namespace: "Site" });
  const labels = { brand: t("brand"), brandSuffix: t("brandSuffix"), navigation: t("mainNavigation"), search: t("search"), suggest: t("suggest"), skipLink: t("skipLink") };
  // The header's links stay those of the English pages (no `locale`): only its labels follow the language.
  return (
    <Document lang={locale}>
      <SiteHeader labels={labels} />
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        {children}
      </main>
    </Document>
  );
}
