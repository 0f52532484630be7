"use client";

import { useEffect, useRef } from "react";
import { Toast } from "@/components/ui/toast";
import type { FormState } from "@/lib/forms/form-state";

const inputClass = "mt-1 w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";

type FieldProps = {
  name: string;
  label: string;
  state: FormState<unknown>;
  type?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  /** A value to show when the form has not been submitted yet. */
  defaultValue?: string;
};

/** What an input may add: a note below it (how its value will be saved), and a change handler. */
type InputExtras = { note?: React.ReactNode; onChange?: React.ChangeEventHandler<HTMLInputElement> };

type ShellProps = { name: string; label: string; hint?: string; errors?: string[]; note?: React.ReactNode; children: (aria: ControlAria) => React.ReactNode };

/**
 * The label, hint and error around one control, tied to it by id and aria-describedby; a note
 * (e.g. a character count) stands below the control and describes it too.
 */
function FieldShell({ name, label, hint, errors, note, children }: ShellProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, note ? `${id}-note` : null, `${id}-error`].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": errors ? true : undefined, "aria-describedby": describedBy, className: inputClass })}
      {note ? <div id={`${id}-note`}>{note}</div> : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

type ControlAria = { id: string; "aria-invalid": true | undefined; "aria-describedby": string; className: string };

/** What the form showed last time, else the initial value. */
const shownValue = (state: FormState<unknown>, name: string, fallback?: string) => {
  const value = state.values?.[name];
  return typeof value === "string" ? value : fallback;
};

/** A labelled input whose error is announced and tied to it. */
export function Field({ name, label, state, type = "text", hint, autoComplete, required, defaultValue, note, onChange }: FieldProps & InputExtras) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={state.fieldErrors?.[name]} note={note}>
      {(aria) => <input {...aria} name={name} type={type} autoComplete={autoComplete} required={required} defaultValue={shownValue(state, name, defaultValue)} onChange={onChange} />}
    </FieldShell>
  );
}

type SelectProps = Omit<FieldProps, "type" | "autoComplete"> & { options: readonly { value: string; label: string }[] };

export function SelectField({ name, label, state, hint, required, defaultValue, options }: SelectProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={state.fieldErrors?.[name]}>
      {(aria) => (
        <select {...aria} name={name} required={required} defaultValue={shownValue(state, name, defaultValue)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaProps = Omit<FieldProps, "type" | "autoComplete" | "required"> & { rows: number; note?: React.ReactNode; onChange?: React.ChangeEventHandler<HTMLTextAreaElement> };

export function TextAreaField({ name, label, state, hint, defaultValue, rows, note, onChange }: TextAreaProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={state.fieldErrors?.[name]} note={note}>
      {(aria) => <textarea {...aria} name={name} rows={rows} defaultValue={shownValue(state, name, defaultValue)} onChange={onChange} />}
    </FieldShell>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 text-sm text-red-800">
      {errors?.join(" ")}
    </p>
  );
}

/**
 * The outcome of a submission: a success is a toast; a refusal an alert that takes focus.
 * When the session ended, a link signs in again in a new tab so nothing typed here is lost.
 */
export function FormMessage({ state }: { state: FormState<unknown> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // With errors at fields, focus goes to the first of them instead (useFocusFirstError).
    if (state.message && !state.ok && !state.fieldErrors) ref.current?.focus();
  }, [state]);
  return (
    <>
      <Toast message={state.ok ? state.message : undefined} />
      {state.message && !state.ok ? (
        <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {state.message}
          {state.signedOut ? (
            <>
              {" "}
              <a href="/login?callbackUrl=%2Fadmin%2Fsigned-in" target="_blank" rel="noopener" className="font-medium underline">
                {state.signedOut.signInAgain}
              </a>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** After a refused submission, moves focus to the first field marked invalid in the form. */
export function useFocusFirstError(form: React.RefObject<HTMLFormElement | null>, state: FormState<unknown>) {
  useEffect(() => {
    if (state.ok || !state.fieldErrors) return;
    form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [form, state]);
}
