// The import's translation columns, apart from lib/import/mapping.ts so that the import page's
// client component can name them without bringing zod into the browser.
import { locales } from "@/i18n/locales";

/** The description in another language than the original: a column per language (`description_fr`). */
export const translationFields = locales.map((language) => `description_${language}` as const);
export type TranslationField = (typeof translationFields)[number];

const englishLanguage = (code: string) => new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;

/** The header the export gives a translation column: "Description (French)". */
export const translationHeader = (field: TranslationField) => `Description (${englishLanguage(field.slice("description_".length))})`;

/** The language of a translation column. */
export const languageOf = (field: TranslationField) => field.slice("description_".length);
