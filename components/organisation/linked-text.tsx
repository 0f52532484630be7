import { linkify } from "@/lib/linkify";
import { ExternalLink } from "@/components/ui/external-link";
import type { Locale } from "@/lib/i18n/locales";

/** Plain text paragraphs (blank-line separated) with web and e-mail addresses made into links; `locale`: the page's language. */
export function LinkedText({ text, locale }: { text: string; locale: Locale }) {
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim());
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="mt-3 whitespace-pre-line first:mt-0">
          {linkify(paragraph).map((part, i) =>
            !part.href ? (
              part.text
            ) : part.href.startsWith("mailto:") ? (
              <a key={i} href={part.href} className="text-brand-700 underline hover:no-underline">
                {part.text}
              </a>
            ) : (
              <ExternalLink key={i} href={part.href} locale={locale}>
                {part.text}
              </ExternalLink>
            ),
          )}
        </p>
      ))}
    </>
  );
}
