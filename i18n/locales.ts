// The languages of the directory's public pages, English (the default) first, each under its own
// prefix (`/fr/organisations/…`): always prefixed, English too, so every public page has one
// address per language and is cached as such. The unprefixed addresses of before are permanent
// redirects to `/en/…` (next.config.js); the bare `/` alone chooses by Accept-Language (proxy.ts).
// A plain list: client components and scripts read it without next-intl (lib/i18n/locales.ts).
export const locales = ["en", "fr", "nl", "de", "it", "es", "ro"] as const;

// A made-up language for the tests alone (e2e/pseudo-language.spec.ts): English with every message
// marked ⟦…⟧, so that text a page shows outside the marks is text that is not in the messages.
// Served only where PSEUDO_LANGUAGE=on (the test command's build and server); never listed.
export const pseudoLocale = "zz";
