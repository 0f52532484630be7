import { defineRouting } from "next-intl/routing";
import { locales } from "./locales";

/**
 * The languages of the directory's public pages, each under its own prefix (`/fr/organisations/…`).
 * Always prefixed, the default language too: every public page has one address per language and
 * is cached as such; the unprefixed addresses of before are permanent redirects to `/en/…`
 * (next.config.js) and the bare `/` alone chooses by Accept-Language (proxy.ts).
 */
export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
});

export type Locale = (typeof locales)[number];
