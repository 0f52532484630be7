"use client";

import { FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveLanguage } from "@/lib/actions/account";
import { useFormAction } from "@/components/ui/use-form-action";

type Texts = { heading: string; label: string; hint: string; submit: string; pending: string };

/** The language of the admin and of the person's e-mail: each language named in itself. */
export function LanguageForm({ current, languages, texts }: { current: string; languages: { code: string; name: string }[]; texts: Texts }) {
  const [state, formAction] = useFormAction(saveLanguage);
  return (
    <form action={formAction} className="mt-8 max-w-xl space-y-3" aria-labelledby="language-heading">
      <input type="hidden" name="form" value="language" />
      <h2 id="language-heading" className="text-lg font-semibold">
        {texts.heading}
      </h2>
      <div>
        <label htmlFor="language" className="block font-medium">
          {texts.label}
        </label>
        <p id="language-hint" className="text-sm text-slate-600">
          {texts.hint}
        </p>
        <select id="language" name="language" defaultValue={current} aria-describedby="language-hint" className="mt-1 rounded-md border border-slate-400 px-3 py-2">
          {languages.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={texts.pending}>{texts.submit}</SubmitButton>
    </form>
  );
}
