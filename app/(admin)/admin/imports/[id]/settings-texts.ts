import "server-only";
import type { getTranslations } from "next-intl/server";
import type { SettingsTexts } from "@/components/imports/settings-form";
import { importFields, type ImportField } from "@/lib/import/mapping";
import { languageOf, translationFields, type TranslationField } from "@/lib/import/translation-fields";
import { languageNameIn, type Locale } from "@/lib/i18n/locales";

type Texts = Awaited<ReturnType<typeof getTranslations<"Imports">>>;

/** The delimiters the form names (lib/validation/import.ts); another one is shown as it is. */
const delimiterCodes: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

const isTranslationField = (field: ImportField): field is TranslationField => (translationFields as readonly string[]).includes(field);

/**
 * The settings form's texts in the reader's language (messages' Imports), with what was detected
 * in the file named: its encoding, its delimiter (a comma when none was) and its header row.
 */
export function settingsTexts(t: Texts, locale: Locale, detected: { encoding: string | null; delimiter: string | null; headerRow: number }): SettingsTexts {
  const delimiter = detected.delimiter ?? ",";
  return {
    howRead: t("howRead"),
    encoding: t("encoding"),
    detectedEncoding: t("detected", { value: detected.encoding ?? "UTF-8" }),
    utf8: t("utf8"),
    utf16le: t("utf16le"),
    utf16be: t("utf16be"),
    windows1252: t("windows1252"),
    delimiter: t("delimiter"),
    detectedDelimiter: t("detectedDelimiter", { delimiter: delimiterCodes[delimiter] ?? delimiter }),
    comma: t("comma"),
    semicolon: t("semicolon"),
    tab: t("tab"),
    sheet: t("sheet"),
    headerRow: t("headerRow"),
    headerRowHint: t("headerRowHint", { row: String(detected.headerRow) }),
    mappingHeading: t("mappingHeading"),
    mappingHint: t("mappingHint"),
    fields: importFields.map((field) => ({ value: field, label: isTranslationField(field) ? t("translationField", { language: languageNameIn(locale, languageOf(field)) }) : t("field", { field }) })),
    defaultKind: t("defaultKind"),
    noDefaultKind: t("noDefaultKind"),
    defaultCountries: t("defaultCountries"),
    defaultCountriesHint: t("defaultCountriesHint"),
    matchHeading: t("matchHeading"),
    matchWebsite: t("matchWebsite"),
    matchEmail: t("matchEmail"),
    matchName: t("matchName"),
    pending: t("checkingAgain"),
    submit: t("checkAgain"),
  };
}
