import { getTranslations } from "next-intl/server";
import { ExternalLinkIcon } from "@/components/ui/icons";

/** A link that leaves the directory: opens in a new tab, shares no referrer, and says so. */
export async function ExternalLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  // Only web addresses become links: a stored `javascript:` (or any other scheme) stays text.
  if (!/^https?:\/\//i.test(href)) return <span className="break-all">{children}</span>;
  // The page's language (a public page's; English in the admin).
  const t = await getTranslations("Site");
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
