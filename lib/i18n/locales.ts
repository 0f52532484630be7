// What the rest of the code needs to know of the public pages' languages: the list (i18n/locales.ts),
// their addresses, their names, dates as readers of each write them, and the choice the bare `/`
// makes from Accept-Language. Pure functions: proxy.ts, lib/sitemap.ts and pages share them.
import { locales as list, pseudoLocale } from "@/i18n/locales";

// No import of next-intl here: scripts (the seed, the importer) read these through the validation
// schemas, outside Next, where next-intl's React entry cannot load; client components (the error
// page's header, the editor's translations) use them without bringing it into the browser.
export type Locale = (typeof list)[number];
export const locales = list;
export const defaultLocale: Locale = "en";

// Under test only (i18n/locales.ts): the pseudo-language is routed, never listed.
const pseudo = process.env.PSEUDO_LANGUAGE === "on";
/** The languages public pages are served in: the directory's, and under test the pseudo-language. */
export const routedLocales: readonly Locale[] = pseudo ? [...locales, pseudoLocale as Locale] : locales;

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (routedLocales as readonly string[]).includes(value);

/** `localePath("fr", "/organisations/x")` is `/fr/organisations/x`; the home page is the bare prefix. */
export function localePath(locale: Locale, path: string): string {
  return path === "/" || path === "" ? `/${locale}` : `/${locale}${path}`;
}

/**
 * A public page's alternates for `hreflang`: every language's address, and `x-default`, the one
 * for readers whose language is none of them (English; for the home page, the bare `/`, which
 * chooses by Accept-Language).
 */
export function languageAlternates(path: string, base = ""): Record<string, string> {
  const alternates: Record<string, string> = {};
  for (const locale of locales) alternates[locale] = `${base}${localePath(locale, path)}`;
  alternates["x-default"] = path === "/" ? `${base}/` : `${base}${localePath(defaultLocale, path)}`;
  return alternates;
}

// One Intl.DisplayNames per language and type, made once: making one costs ~30 µs, asking it ~1 µs,
// and a search page names up to a hundred countries.
const displayNames = new Map<string, Intl.DisplayNames>();
function namesIn(locale: string, type: "language" | "region"): Intl.DisplayNames {
  let names = displayNames.get(`${locale}:${type}`);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, fallback: "none" });
    displayNames.set(`${locale}:${type}`, names);
  }
  return names;
}

/** A language's own name for itself ("français", "Nederlands"), as a language switch shows it. */
export function languageName(locale: Locale): string {
  const name = namesIn(locale, "language").of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** A language's name in the reader's language ("French" for an English reader, "frans" for a Dutch one); staff read English's. */
export function languageNameIn(locale: Locale, language: string): string {
  try {
    return namesIn(locale, "language").of(language) ?? language;
  } catch {
    return language;
  }
}

// One Intl.Collator per language, made once. A language tag Intl refuses (an address's first segment,
// read before the layout has turned it away) sorts as English instead of throwing.
const collators = new Map<string, Intl.Collator>();
/** Compares two names as readers of a language sort them. */
export function compareIn(locale: string): (a: string, b: string) => number {
  let collator = collators.get(locale);
  if (!collator) {
    try {
      collator = new Intl.Collator(locale);
    } catch {
      collator = new Intl.Collator(defaultLocale);
    }
    collators.set(locale, collator);
  }
  return collator.compare;
}

/**
 * A country's name in a language: in English the directory's own (`Country.name`, which the API and
 * the admin's filters give too), in the others the CLDR name every browser and Node carry, from its
 * ISO code; the directory's where CLDR has none.
 */
export function countryNameIn(locale: Locale, code: string, directoryName: string): string {
  if (locale === defaultLocale) return directoryName;
  try {
    return namesIn(locale, "region").of(code.toUpperCase()) ?? directoryName;
  } catch {
    return directoryName;
  }
}

// English dates as the directory has always written them (3 March 2026), not the American order.
const dateLocales: Record<Locale, string> = { en: "en-GB", fr: "fr", nl: "nl", de: "de", it: "it", es: "es", ro: "ro" };

/** The tag to give Intl's date and number formats for a language: English as en-GB writes it (3 Mar 2026, 14:05). */
export function intlLocale(locale: Locale): string {
  return dateLocales[locale] ?? locale;
}
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A day in a language: "3 March 2026", "3 mars 2026", "3 maart 2026". */
export function formatDay(locale: Locale, date: Date | string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocales[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format.format(typeof date === "string" ? new Date(date) : date);
}

/**
 * The language the bare `/` leads to: the reader's most preferred language (Accept-Language,
 * by quality, then order) that the directory has, by its primary subtag (`fr-BE` is French);
 * English when none is.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const wanted = acceptLanguage
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param)).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], quality: q ? Number(q[1]) : 1, index };
    })
    .filter(({ language, quality }) => quality > 0 && language !== "")
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return wanted.map(({ language }) => language).find(isLocale) ?? defaultLocale;
}
