import { parseTranslationKey, type DocumentField, type TranslationPart } from "@/lib/change-sets/document";
import { languageNameIn, type Locale } from "./locales";
import { translator } from "./messages";

/**
 * What staff read of a change, in their language (messages' "Changes"): a field's name, a
 * translation's ("Description in French"), and what a change's key is about ("Contacts" for any of
 * them), as lib/change-sets/document.ts and lib/data name them in English.
 */
export async function changeLabels(locale: Locale) {
  const t = await translator(locale, "Changes");
  const field = (name: DocumentField) => t("field", { field: name });
  const translation = (language: string, part: TranslationPart) => t("translation", { part, language: languageNameIn(locale, language) });
  /** A change's key ("website", "contact:…", "translation:fr:name") in words, as a pending change lists it. */
  const ofKey = (key: string) => {
    if (key === "contacts" || key.startsWith("contact:") || key === "contacts:order") return t("contacts");
    const parsed = key.startsWith("translation:") ? parseTranslationKey(key.slice("translation:".length)) : null;
    return parsed ? translation(parsed.language, parsed.part) : field(key as DocumentField);
  };
  return { field, translation, ofKey };
}
