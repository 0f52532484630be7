import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { pseudoLocale } from "@/i18n/locales";
import type { Locale } from "./locales";

type Tree = { [key: string]: string | Tree };
/** Every message of a tree marked ⟦…⟧ (the pseudo-language of the tests, i18n/locales.ts). */
export function marked(messages: Tree): Tree {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typeof value === "string" ? `⟦${value}⟧` : marked(value)]));
}

/** A language's messages (messages/<locale>.json); the pseudo-language's are the English ones, marked. */
export async function messagesOf(locale: Locale): Promise<Messages> {
  if ((locale as string) === pseudoLocale) return marked((await import("../../messages/en.json")).default) as unknown as Messages;
  return (await import(`../../messages/${locale}.json`)).default;
}

/**
 * Messages of one namespace outside a page's render (a mail job, a route's validation errors):
 * the same messages and formatting as getTranslations, without a request to read them from.
 */
export async function translator<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: Namespace) {
  return createTranslator({
    locale,
    messages: await messagesOf(locale),
    namespace,
    timeZone: "UTC",
  });
}
