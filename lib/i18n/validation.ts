import english from "@/messages/en.json";
import { defaultLocale, type Locale } from "./locales";
import { translator } from "./messages";

type Namespace = "Validation" | "Errors" | "ImportProblems";
const namespaces: Namespace[] = ["Validation", "Errors", "ImportProblems"];

// The schemas in lib/validation, the errors lib/data throws and the problems lib/import finds
// (stored with the import's rows) write their messages in English, as messages/en.json's
// "Validation", "Errors" and "ImportProblems" namespaces have them (gettext-style: the English
// text is what a message is known by; logs and tests read it as written). A message is found
// again by its text, its arguments ({region}) read back from it.
const known = namespaces.flatMap((namespace) =>
  Object.entries(english[namespace] as Record<string, string>).map(([key, message]) => {
    const parts = message.split(/\{(\w+)\}/);
    const names = parts.filter((_, index) => index % 2 === 1);
    const pattern = new RegExp(`^${parts.map((part, index) => (index % 2 ? "(.+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("")}$`, "s");
    return { namespace, key, names, pattern };
  }),
);

/** The namespace, key and arguments of a message written in English, or null when it is not one of them. */
export function validationKeyOf(message: string): { namespace: Namespace; key: string; values: Record<string, string> } | null {
  for (const { namespace, key, names, pattern } of known) {
    const match = pattern.exec(message);
    if (match)
      return {
        namespace,
        key,
        values: Object.fromEntries(names.map((name, index) => [name, match[index + 1]])),
      };
  }
  return null;
}

/**
 * Validation, error and import messages in the reader's language. A message that is not one of them
 * (none should reach a reader) stays as written.
 */
export async function validationTranslator(locale: Locale): Promise<(message: string, values?: Record<string, string>) => string> {
  if (locale === defaultLocale) return (message) => message;
  const t = { Validation: await translator(locale, "Validation"), Errors: await translator(locale, "Errors"), ImportProblems: await translator(locale, "ImportProblems") };
  // `values` replace arguments read back from the English (a conflict's parts in the reader's words).
  return (message, values) => {
    const found = validationKeyOf(message);
    return found ? (t[found.namespace] as unknown as (key: string, values: Record<string, string>) => string)(found.key, { ...found.values, ...values }) : message;
  };
}

/** A form's field errors in the reader's language. */
export async function localiseFieldErrors(errors: Record<string, string[]>, locale: Locale): Promise<Record<string, string[]>> {
  const localise = await validationTranslator(locale);
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map((message) => localise(message))]));
}
