import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A link that leaves the directory: opens in a new tab, shares no referrer, and says so in
 * `locale`, the language the page is written in (a public page's; the staff member's in the admin).
 * Its look and its icon are the `external-link` rule in app/globals.css (drawn once by CSS, not
 * as an SVG in each of a list's fifty links).
 */
export async function ExternalLink({ href, locale, children }: { href: string; locale: Locale; children: React.ReactNode }) {
  // Only web addresses become links: a stored `javascript:` (or any other scheme) stays text.
  if (!/^https?:\/\//i.test(href)) return <span className="break-all">{children}</span>;
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="external-link">
      {children}
      <span className="sr-only">{` ${t("newTab")}`}</span>
    </a>
  );
}
