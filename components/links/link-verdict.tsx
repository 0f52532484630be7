import { getTranslations } from "next-intl/server";
import type { LinkState } from "@/lib/data/links";
import { defaultLocale, intlLocale, type Locale } from "@/lib/i18n/locales";

const colours: Record<NonNullable<LinkState["verdict"]>, string> = {
  ok: "bg-emerald-100 text-emerald-900",
  moved: "bg-amber-100 text-amber-900",
  broken: "bg-red-100 text-red-900",
  failing: "bg-orange-100 text-orange-900",
  blocked: "bg-slate-200 text-slate-900",
  refused: "bg-slate-200 text-slate-900",
};

// One date format per language, made once: English as the badges have always written it (3 Mar 2026).
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
function dateIn(locale: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

/** A link's verdict as a badge in the reader's language (messages' Links.verdict), with what was found (status or error) for its title. */
export async function LinkVerdict({ link, locale = defaultLocale }: { link: LinkState; locale?: Locale }) {
  if (!link.verdict) return null;
  const t = await getTranslations({ locale, namespace: "Links" });
  const found = link.status ? `HTTP ${link.status}` : (link.error ?? "");
  const date = link.checkedAt ? dateIn(locale).format(new Date(link.checkedAt)) : null;
  const title = date === null ? found : found ? t("verdictFoundChecked", { found, date }) : t("verdictChecked", { date });
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${colours[link.verdict]}`} title={title}>
      {t("verdict", { verdict: link.verdict })}
    </span>
  );
}

/** The badges of an organisation's links with a problem, for admin lists and the edit page. */
export async function LinkProblems({ links, detailed = false, locale = defaultLocale }: { links: LinkState[] | undefined; detailed?: boolean; locale?: Locale }) {
  if (!links?.length) return null;
  const t = await getTranslations({ locale, namespace: "Links" });
  return (
    <ul className="mt-1 space-y-1" aria-label={t("problems")}>
      {links.map((link) => (
        <li key={link.url} className="text-sm">
          <LinkVerdict link={link} locale={locale} /> {detailed ? <span className="break-all text-slate-700">{link.url}</span> : null}
          {detailed && link.verdict === "moved" && link.suggestedUrl ? <span className="break-all text-slate-700"> → {link.suggestedUrl}</span> : null}
          {detailed && link.verdict !== "moved" && (link.status || link.error) ? (
            <span className="text-slate-600"> ({link.status ? `HTTP ${link.status}` : link.error})</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
