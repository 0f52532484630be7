import english from "@/messages/en.json";
import { defaultLocale, type Locale } from "./locales";
import { translator } from "./messages";

type Key = keyof typeof english.Validation;

// The schemas in lib/validation write their messages in English, as messages/en.json's
// "Validation" namespace has them (gettext-style: the English text is what a message is known
// by). A message is found again by its text, its arguments ({region}) read back from it.
const known = (Object.entries(english.Validation) as [Key, string][]).map(([key, message]) => {
  const parts = message.split(/\{(\w+)\}/);
  const names = parts.filter((_, index) => index % 2 === 1);
  const pattern = new RegExp(`^${parts.map((part, index) => (index % 2 ? "(.+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("")}$`);
  return { key, names, pattern };
});

/** The key and arguments of a validation message written in English, or null when it is not one of them. */
export function validationKeyOf(message: string): { key: Key; values: Record<string, string> } | null {
  for (const { key, names, pattern } of known) {
    const match = pattern.exec(message);
    if (match)
      return {
        key,
        values: Object.fromEntries(names.map((name, index) => [name, match[index + 1]])),
      };
  }
  return null;
}

/**
 * Validation messages in the reader's language. A message that is not one of them (none should
 * reach a reader) stays as written.
 */
export async function validationTranslator(locale: Locale): Promise<(message: string) => string> {
  if (locale === defaultLocale) return (message) => message;
  const t = await translator(locale, "Validation");
  return (message) => {
    const found = validationKeyOf(message);
    return found ? t(found.key, found.values as never) : message;
  };
}

/** A form's field errors in the reader's language. */
export async function localiseFieldErrors(errors: Record<string, string[]>, locale: Locale): Promise<Record<string, string[]>> {
  const localise = await validationTranslator(locale);
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map(localise)]));
}
