"use client";

import { useRef } from "react";
import { FieldError, FormMessage, useFocusFirstError } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeImportSettingsAction } from "@/lib/actions/imports";
import type { ImportField } from "@/lib/import/mapping";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * The form's texts in the reader's language, formatted on the server (settings-texts.ts beside the
 * import's page): what was detected is already named in them.
 */
export type SettingsTexts = {
  howRead: string;
  encoding: string;
  detectedEncoding: string;
  utf8: string;
  utf16le: string;
  utf16be: string;
  windows1252: string;
  delimiter: string;
  detectedDelimiter: string;
  comma: string;
  semicolon: string;
  tab: string;
  sheet: string;
  headerRow: string;
  headerRowHint: string;
  mappingHeading: string;
  mappingHint: string;
  /** What each field is called, in the order the mapping offers them. */
  fields: { value: ImportField; label: string }[];
  defaultKind: string;
  noDefaultKind: string;
  defaultCountries: string;
  defaultCountriesHint: string;
  matchHeading: string;
  matchWebsite: string;
  matchEmail: string;
  matchName: string;
  pending: string;
  submit: string;
};

const selectClass = "mt-1 w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";

type Props = {
  batchId: string;
  format: "csv" | "xlsx";
  detected: { encoding: string | null; delimiter: string | null; sheet: string | null; headerRow: number };
  sheets: string[];
  settings: { encoding?: string; delimiter?: string; sheet?: string | number; headerRow?: number; matchBy?: string[] };
  /** The file's header row, and the field each of its columns is mapped to now; `label` names the column ("Column B: Genre"). */
  columns: { letter: string; label: string; field: ImportField }[];
  defaults: { kind?: string; countries?: string };
  kinds: { code: string; label: string }[];
  texts: SettingsTexts;
};

/** "column[A]" is reported as "column.A" (lib/auth/define-action.ts fieldErrors). */
const errorKey = (name: string) => name.replace(/\[(\w+)\]/g, ".$1");

/** The delimiter as the form sends it (lib/validation/import.ts). */
const delimiterValues: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * How the file is read (encoding, delimiter; sheet and header row), which field each column is,
 * and how rows are matched to the directory: what was detected is shown, and any of it can be
 * changed; the file is then checked again. The mapping is remembered for files with the same headers.
 */
export function SettingsForm({ batchId, format, detected, sheets, settings, columns, defaults, kinds, texts }: Props) {
  const [state, formAction] = useFormAction(changeImportSettingsAction);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const errors = state.fieldErrors ?? {};
  const matchBy = settings.matchBy ?? ["website", "email", "name"];
  const select = (name: string, label: string, hint: string | null, options: { value: string; label: string }[], value: string) => (
    <div>
      <label htmlFor={`import-${name}`} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`import-${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <select
        id={`import-${name}`}
        name={name}
        defaultValue={value}
        aria-invalid={errors[errorKey(name)] ? true : undefined}
        aria-describedby={`${hint ? `import-${name}-hint ` : ""}import-${name}-error`}
        className={selectClass}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`import-${name}-error`} errors={errors[errorKey(name)]} />
    </div>
  );
  return (
    <form ref={form} action={formAction} className="mt-4 space-y-6">
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="text-lg font-semibold">{texts.howRead}</legend>
        {format === "csv" ? (
          <>
            {select(
              "encoding",
              texts.encoding,
              null,
              [
                { value: "", label: texts.detectedEncoding },
                { value: "utf-8", label: texts.utf8 },
                { value: "utf-16le", label: texts.utf16le },
                { value: "utf-16be", label: texts.utf16be },
                { value: "windows-1252", label: texts.windows1252 },
              ],
              settings.encoding ?? "",
            )}
            {select(
              "delimiter",
              texts.delimiter,
              null,
              [
                { value: "", label: texts.detectedDelimiter },
                { value: "comma", label: texts.comma },
                { value: "semicolon", label: texts.semicolon },
                { value: "tab", label: texts.tab },
              ],
              settings.delimiter ? delimiterValues[settings.delimiter] : "",
            )}
          </>
        ) : (
          select(
            "sheet",
            texts.sheet,
            null,
            sheets.map((sheet, index) => ({ value: index === 0 && !settings.sheet ? "" : sheet, label: sheet })),
            String(settings.sheet ?? ""),
          )
        )}
        <div>
          <label htmlFor="import-headerRow" className="block font-medium">
            {texts.headerRow}
          </label>
          <p id="import-headerRow-hint" className="text-sm text-slate-600">
            {texts.headerRowHint}
          </p>
          <input
            id="import-headerRow"
            name="headerRow"
            inputMode="numeric"
            defaultValue={settings.headerRow ?? ""}
            placeholder={String(detected.headerRow)}
            aria-invalid={errors.headerRow ? true : undefined}
            aria-describedby="import-headerRow-hint import-headerRow-error"
            className={selectClass}
          />
          <FieldError id="import-headerRow-error" errors={errors.headerRow} />
        </div>
      </fieldset>

      {columns.length > 0 ? (
        <fieldset>
          <legend className="text-lg font-semibold">{texts.mappingHeading}</legend>
          <p className="text-sm text-slate-600">{texts.mappingHint}</p>
          <div className="mt-2 grid gap-4 sm:grid-cols-3">
            {columns.map((column) => (
              <div key={column.letter}>{select(`column[${column.letter}]`, column.label, null, texts.fields, column.field)}</div>
            ))}
          </div>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {select("defaultKind", texts.defaultKind, null, [{ value: "", label: texts.noDefaultKind }, ...kinds.map((kind) => ({ value: kind.code, label: kind.label }))], defaults.kind ?? "")}
            <div>
              <label htmlFor="import-defaultCountries" className="block font-medium">
                {texts.defaultCountries}
              </label>
              <p id="import-defaultCountries-hint" className="text-sm text-slate-600">
                {texts.defaultCountriesHint}
              </p>
              <input
                id="import-defaultCountries"
                name="defaultCountries"
                defaultValue={defaults.countries ?? ""}
                aria-invalid={errors.defaultCountries ? true : undefined}
                aria-describedby="import-defaultCountries-hint import-defaultCountries-error"
                className={selectClass}
              />
              <FieldError id="import-defaultCountries-error" errors={errors.defaultCountries} />
            </div>
          </div>
        </fieldset>
      ) : null}

      <fieldset aria-describedby="import-matchBy-error">
        <legend className="text-lg font-semibold">{texts.matchHeading}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {[
            ["website", texts.matchWebsite],
            ["email", texts.matchEmail],
            ["name", texts.matchName],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="checkbox" name="matchBy" value={value} defaultChecked={matchBy.includes(value)} />
              {label}
            </label>
          ))}
        </div>
        <FieldError id="import-matchBy-error" errors={errors.matchBy} />
      </fieldset>
      <SubmitButton pending={texts.pending} variant="secondary">
        {texts.submit}
      </SubmitButton>
    </form>
  );
}
