"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";

type Props = {
  /** The page's language. */
  current: string;
  /** Each language's own name, by its code, in the order shown. */
  names: Record<string, string>;
  label: string;
};

/**
 * Links to the same page in every other language: its address with the other prefix, and the
 * query (a search) where there is one. Plain links: another language is another document
 * (`<html lang>`), and a cached page renders the links without the query, which a page with a
 * query (search) is never.
 */
export function LanguageSwitch(props: Props) {
  return (
    <Suspense fallback={<Links {...props} query="" />}>
      <WithQuery {...props} />
    </Suspense>
  );
}

function WithQuery(props: Props) {
  return <Links {...props} query={useSearchParams().toString()} />;
}

function Links({ current, names, label, query }: Props & { query: string }) {
  const rest = usePathname().replace(/^\/[^/]+/, "");
  return (
    <nav aria-label={label} className="w-full text-sm sm:w-auto">
      <ul className="flex flex-wrap gap-x-3 gap-y-1" role="list">
        {Object.entries(names).map(([locale, name]) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="page" lang={locale} className="font-semibold">
                {name}
              </span>
            ) : (
              <a href={`/${locale}${rest}${query ? `?${query}` : ""}`} hrefLang={locale} lang={locale} className="text-brand-100 underline-offset-4 hover:underline">
                {name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
