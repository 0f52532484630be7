"use client";

import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
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

/** The label, hint and error around one control, tied to it by id and aria-describedby. */
function FieldShell({ name, label, hint, errors, children }: { name: string; label: string; hint?: string; errors?: string[]; children: (aria: ControlAria) => React.ReactNode }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
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
export function Field({ name, label, state, type = "text", hint, autoComplete, required, defaultValue }: FieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={state.fieldErrors?.[name]}>
      {(aria) => <input {...aria} name={name} type={type} autoComplete={autoComplete} required={required} defaultValue={shownValue(state, name, defaultValue)} />}
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

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 text-sm text-red-800">
      {errors?.join(" ")}
    </p>
  );
}

/**
 * The outcome of a submission: a refusal is an alert that takes focus; a success a status line.
 * When the session ended, a link signs in again in a new tab so nothing typed here is lost.
 */
export function FormMessage({ state }: { state: FormState<unknown> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // With errors at fields, focus goes to the first of them instead (useFocusFirstError).
    if (state.message && !state.ok && !state.fieldErrors) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  if (state.ok) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
        {state.message}
      </p>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
      {state.message}
      {state.signedOut ? (
        <>
          {" "}
          <a href="/login?callbackUrl=%2Fadmin%2Fsigned-in" target="_blank" rel="noopener" className="font-medium underline">
            Sign in again (opens a new tab)
          </a>
        </>
      ) : null}
    </div>
  );
}

/** A submit button that says what is happening while the action runs. */
export function SubmitButton({ children, pending: pendingLabel, variant = "primary" }: { children: React.ReactNode; pending: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  const colours = {
    primary: "bg-brand-700 text-white hover:bg-brand-900",
    secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
    danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded-md px-3 py-2 font-medium disabled:opacity-70 ${colours}`}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/** After a refused submission, moves focus to the first field marked invalid in the form. */
export function useFocusFirstError(form: React.RefObject<HTMLFormElement | null>, state: FormState<unknown>) {
  useEffect(() => {
    if (state.ok || !state.fieldErrors) return;
    form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [form, state]);
}
