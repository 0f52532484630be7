import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

// The messages of a request's language: the `[locale]` segment of a public page (set by
// setRequestLocale in its layout and page, so that they stay statically rendered), or the language
// a server component asks for explicitly (getTranslations({ locale })).
export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  const requested = explicit ?? (await requestLocale);
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    messages: await messagesOf(locale),
    timeZone: "UTC",
  };
});
