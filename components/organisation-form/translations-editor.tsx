"use client";

import { locales } from "@/i18n/locales";
import { Field, SelectField, TextAreaField } from "@/components/ui/form";
import { translationFieldName, translationKey } from "@/lib/change-sets/document";
import type { FormState } from "@/lib/forms/form-state";
import type { FormTexts } from "@/components/organisation-form/form-texts";
import { fill } from "@/lib/i18n/template";

type Props = {
  /** The name and description as written, shown beside each translation. */
  original: { name: string; description: string };
  originalLanguage: string;
  /** "fr:description" → text. */
  translations: Record<string, string>;
  state: FormState<unknown>;
  texts: FormTexts;
};

/**
 * The language the listing is written in, and its name and description in each other language,
 * beside the original. A language opens when it has a translation or an error; an empty field is
 * no translation (readers of that language see the original, marked as such).
 */
export function TranslationsEditor({ original, originalLanguage, translations, state, texts: t }: Props) {
  const languageOptions = locales.map((code) => ({ value: code, label: t.languageNames[code] }));
  const hasError = (code: string) => Boolean(state.fieldErrors?.[translationFieldName(code, "name")] || state.fieldErrors?.[translationFieldName(code, "description")]);
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
      <legend className="font-semibold">{t.languages}</legend>
      <SelectField name="originalLanguage" label={t.originalLanguage} defaultValue={originalLanguage} options={languageOptions} state={state} />
      <p className="text-sm text-slate-600">{t.translationsHint}</p>
      {locales.map((code) => {
        const name = translations[translationKey(code, "name")] ?? "";
        const description = translations[translationKey(code, "description")] ?? "";
        const translated = Boolean(name || description);
        return (
          <details key={code} open={translated || hasError(code)} className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium">
              {t.languageNames[code]} <span className="font-normal text-slate-600">{translated ? t.translated : t.notTranslated}</span>
            </summary>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <div className="text-sm text-slate-700">
                <p className="font-medium">{t.original}</p>
                <p className="mt-1">{original.name}</p>
                <p className="mt-2 line-clamp-6 whitespace-pre-line">{original.description}</p>
              </div>
              <div className="space-y-3">
                <Field name={translationFieldName(code, "name")} label={fill(t.nameIn, { language: t.languageNames[code] })} defaultValue={name} state={state} />
                <TextAreaField name={translationFieldName(code, "description")} label={fill(t.descriptionIn, { language: t.languageNames[code] })} rows={5} defaultValue={description} state={state} />
              </div>
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}
