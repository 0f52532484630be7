// A public page's address in a language, apart from lib/i18n/locales.ts so that client
// components (the error page's header) can use it without bringing next-intl into the browser.
import type { locales } from "@/i18n/locales";

type Locale = (typeof locales)[number];

/** `localePath("fr", "/organisations/x")` is `/fr/organisations/x`; the home page is the bare prefix. */
export function localePath(locale: Locale, path: string): string {
  return path === "/" || path === "" ? `/${locale}` : `/${locale}${path}`;
}
