import { getTranslations } from "next-intl/server";
import { ExternalLinkIcon } from "@/components/ui/icons";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A link that leaves the directory: opens in a new tab, shares no referrer, and says so in
 * `locale`, the language the page is written in (a public page's; the staff member's in the admin).
 */
export async function ExternalLink({ href, locale, children, className }: { href: string; locale: Locale; children: React.ReactNode; className?: string }) {
  // Only web addresses become links: a stored `javascript:` (or any other scheme) stays text.
  if (!/^https?:\/\//i.test(href)) return <span className="break-all">{children}</span>;
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={className ?? "break-all text-brand-700 underline hover:no-underline"}
    >
      {children}
      <ExternalLinkIcon />
      <span className="sr-only"> {t("newTab")}</span>
    </a>
  );
}
