"use client";

import { useRef } from "react";
import { FieldError, FormMessage, useFocusFirstError } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeImportSettingsAction } from "@/lib/actions/imports";
import type { ImportField } from "@/lib/import/mapping";
import { translationFields, translationHeader } from "@/lib/import/translation-fields";
import { useFormAction } from "@/components/ui/use-form-action";

export const fieldNames: Record<ImportField, string> = {
  name: "Name",
  acronym: "Acronym",
  kind: "Kind of organisation",
  countries: "Countries",
  description: "Description",
  website: "Website",
  email: "E-mail",
  phone: "Phone",
  fax: "Fax",
  address: "Address",
  contact_form: "Contact form",
  ...(Object.fromEntries(translationFields.map((field) => [field, translationHeader(field)])) as Record<(typeof translationFields)[number], string>),
  ignore: "Not imported",
};

const selectClass = "mt-1 w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";

type Props = {
  batchId: string;
  format: "csv" | "xlsx";
  detected: { encoding: string | null; delimiter: string | null; sheet: string | null; headerRow: number };
  sheets: string[];
  settings: { encoding?: string; delimiter?: string; sheet?: string | number; headerRow?: number; matchBy?: string[] };
  /** The file's header row, and the field each of its columns is mapped to now. */
  columns: { letter: string; header: string; field: ImportField }[];
  defaults: { kind?: string; countries?: string };
  kinds: { code: string; label: string }[];
};

/** "column[A]" is reported as "column.A" (lib/auth/define-action.ts fieldErrors). */
const errorKey = (name: string) => name.replace(/\[(\w+)\]/g, ".$1");

const delimiterNames: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * How the file is read (encoding, delimiter; sheet and header row), which field each column is,
 * and how rows are matched to the directory: what was detected is shown, and any of it can be
 * changed; the file is then checked again. The mapping is remembered for files with the same headers.
 */
export function SettingsForm({ batchId, format, detected, sheets, settings, columns, defaults, kinds }: Props) {
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
        <legend className="text-lg font-semibold">How the file is read</legend>
        {format === "csv" ? (
          <>
            {select(
              "encoding",
              "Encoding",
              null,
              [
                { value: "", label: `Detected: ${detected.encoding ?? "UTF-8"}` },
                { value: "utf-8", label: "UTF-8" },
                { value: "utf-16le", label: "UTF-16 (Excel's “Unicode text”)" },
                { value: "utf-16be", label: "UTF-16, big-endian" },
                { value: "windows-1252", label: "Windows-1252 (Excel on Windows, Western Europe)" },
              ],
              settings.encoding ?? "",
            )}
            {select(
              "delimiter",
              "Columns separated by",
              null,
              [
                { value: "", label: `Detected: ${delimiterNames[detected.delimiter ?? ","] ?? detected.delimiter}` },
                { value: "comma", label: "Comma" },
                { value: "semicolon", label: "Semicolon" },
                { value: "tab", label: "Tab" },
              ],
              settings.delimiter ? delimiterNames[settings.delimiter] : "",
            )}
          </>
        ) : (
          select("sheet", "Sheet", null, sheets.map((sheet, index) => ({ value: index === 0 && !settings.sheet ? "" : sheet, label: sheet })), String(settings.sheet ?? ""))
        )}
        <div>
          <label htmlFor="import-headerRow" className="block font-medium">
            Row with the headers
          </label>
          <p id="import-headerRow-hint" className="text-sm text-slate-600">
            Found in row {detected.headerRow}; a title above the headers is skipped.
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
          <legend className="text-lg font-semibold">Which column is which</legend>
          <p className="text-sm text-slate-600">Suggested from the headers (or as you mapped a file with the same headers before). Several columns may hold e-mails, phones and other contacts.</p>
          <div className="mt-2 grid gap-4 sm:grid-cols-3">
            {columns.map((column) => (
              <div key={column.letter}>
                {select(
                  `column[${column.letter}]`,
                  `Column ${column.letter}: ${column.header || "(no header)"}`,
                  null,
                  Object.entries(fieldNames).map(([value, label]) => ({ value, label })),
                  column.field,
                )}
              </div>
            ))}
          </div>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {select("defaultKind", "Kind for rows without one", null, [{ value: "", label: "None: the row says it" }, ...kinds.map((kind) => ({ value: kind.code, label: kind.label }))], defaults.kind ?? "")}
            <div>
              <label htmlFor="import-defaultCountries" className="block font-medium">
                Countries for rows without any
              </label>
              <p id="import-defaultCountries-hint" className="text-sm text-slate-600">
                Names or two-letter codes, e.g. “Belgium” or “BE NL”.
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
        <legend className="text-lg font-semibold">A row is the same organisation as one of the directory when it has the same</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {[
            ["website", "Website (its domain)"],
            ["email", "E-mail address"],
            ["name", "Name, in one of its countries"],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="checkbox" name="matchBy" value={value} defaultChecked={matchBy.includes(value)} />
              {label}
            </label>
          ))}
        </div>
        <FieldError id="import-matchBy-error" errors={errors.matchBy} />
      </fieldset>
      <SubmitButton pending="Saving; the file is checked again…" variant="secondary">
        Check again with these settings
      </SubmitButton>
    </form>
  );
}
