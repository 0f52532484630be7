// The import's translation columns, apart from lib/import/mapping.ts so that the import page's
// client component can name them without bringing zod into the browser.
import { locales } from "@/i18n/locales";
import { languageNameIn } from "@/lib/i18n/locales";

/** The description in another language than the original: a column per language (`description_fr`). */
export const translationFields = locales.map((language) => `description_${language}` as const);
export type TranslationField = (typeof translationFields)[number];

/** The language of a translation column. */
export const languageOf = (field: TranslationField) => field.slice("description_".length);

/** The header the export gives a translation column: "Description (French)". */
export const translationHeader = (field: TranslationField) => `Description (${languageNameIn("en", languageOf(field))})`;

