import Link from "next/link";
import { SkipLink } from "@/components/layout/skip-link";
import { localePath, type Locale } from "@/lib/i18n/locales";

export type SiteHeaderLabels = { brand: string; brandSuffix: string; navigation: string; search: string; suggest: string; skipLink: string };

// The header of the pages that are in English only (sign-in, the error pages): the public layout
// passes its language's labels (messages/<locale>.json, "Site").
const english: SiteHeaderLabels = {
  brand: "PROVA",
  brandSuffix: "directory",
  navigation: "Main",
  search: "Search",
  suggest: "Propose an organisation",
  skipLink: "Skip to content",
};

/** The public header: the directory's name, search and "propose", and (on public pages) the language switch. */
export function SiteHeader({ locale = "en", labels = english, languages }: { locale?: Locale; labels?: SiteHeaderLabels; languages?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-brand-900 text-white">
      <SkipLink label={labels.skipLink} />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4">
        <Link href={localePath(locale, "/")} className="text-lg font-semibold tracking-tight">
          {labels.brand} <span className="font-normal text-brand-100">{labels.brandSuffix}</span>
        </Link>
        <nav aria-label={labels.navigation}>
          <ul className="flex gap-5 text-sm" role="list">
            <li>
              <Link href={localePath(locale, "/search")} className="underline-offset-4 hover:underline">
                {labels.search}
              </Link>
            </li>
            <li>
              <Link href={localePath(locale, "/suggest")} className="underline-offset-4 hover:underline">
                {labels.suggest}
              </Link>
            </li>
          </ul>
        </nav>
        {languages}
      </div>
    </header>
  );
}
