"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FieldError } from "@/components/ui/form";
import { SavedAs } from "@/components/organisation-form/saved-as";
import type { ContactType } from "@/lib/generated/prisma/enums";
import type { FormTexts } from "@/components/organisation-form/form-texts";
import { fill } from "@/lib/i18n/template";
import { buttonClass } from "@/components/ui/button";

export type ContactRow = { id?: string; type: ContactType; label: string; value: string };
type Row = ContactRow & { key: string };

const inputClass = "mt-1 w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";
const smallButton = buttonClass("secondary", { size: "sm" });

/**
 * The contacts of the organisation, edited in place: add, change, remove, and move up or down
 * with buttons (no drag-only control). Each row is posted as contacts[i][…] in its order.
 */
type Props = {
  initial: ContactRow[];
  errors?: Record<string, string[] | undefined>;
  /** How a value will be saved and shown, when that differs from what was typed. */
  shownAs?: (type: ContactType, typed: string) => string | undefined;
  texts: FormTexts;
};

export function ContactsEditor({ initial, errors, shownAs, texts: t }: Props) {
  const prefix = useId();
  const [rows, setRows] = useState<Row[]>(() => initial.map((row, index) => ({ ...row, key: `${prefix}-${index}` })));
  const [announcement, setAnnouncement] = useState("");
  const addButton = useRef<HTMLButtonElement>(null);
  // After "Add a contact", focus goes to the new row's first field.
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (added) document.getElementById(`contact-${added}-type`)?.focus();
  }, [added]);
  const update = (key: string, change: Partial<ContactRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const move = (index: number, by: -1 | 1) => {
    setRows((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
    setAnnouncement(fill(t.contactMoved, { position: index + by + 1, total: rows.length }));
  };
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">{t.contacts}</legend>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {rows.length === 0 ? <p className="text-slate-600">{t.noContacts}</p> : null}
      <ol className="space-y-4">
        {rows.map((row, index) => {
          const id = `contact-${row.key}`;
          const valueErrors = errors?.[`contacts.${index}.value`] ?? errors?.[`contacts.${index}.id`];
          const typeErrors = errors?.[`contacts.${index}.type`];
          const number = index + 1;
          return (
            <li key={row.key} className="rounded-md border border-slate-200 p-3">
              {row.id ? <input type="hidden" name={`contacts[${index}][id]`} value={row.id} /> : null}
              <div className="grid gap-3 sm:grid-cols-[12rem_12rem_1fr]">
                <div>
                  <label htmlFor={`${id}-type`} className="block text-sm font-medium">
                    {fill(t.contactKind, { number })}
                  </label>
                  <select
                    id={`${id}-type`}
                    name={`contacts[${index}][type]`}
                    value={row.type}
                    onChange={(event) => update(row.key, { type: event.target.value as ContactType })}
                    aria-invalid={typeErrors ? true : undefined}
                    aria-describedby={`${id}-type-error`}
                    className={inputClass}
                  >
                    {Object.entries(t.contactTypes).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id}-type-error`} errors={typeErrors} />
                </div>
                <div>
                  <label htmlFor={`${id}-label`} className="block text-sm font-medium">
                    {fill(t.contactLabel, { number })}
                  </label>
                  <input
                    id={`${id}-label`}
                    name={`contacts[${index}][label]`}
                    value={row.label}
                    onChange={(event) => update(row.key, { label: event.target.value })}
                    aria-invalid={errors?.[`contacts.${index}.label`] ? true : undefined}
                    aria-describedby={`${id}-label-error`}
                    className={inputClass}
                  />
                  <FieldError id={`${id}-label-error`} errors={errors?.[`contacts.${index}.label`]} />
                </div>
                <div>
                  <label htmlFor={`${id}-value`} className="block text-sm font-medium">
                    {fill(t.contactValue[row.type], { number })}
                  </label>
                  {row.type === "ADDRESS" ? (
                    <textarea
                      id={`${id}-value`}
                      name={`contacts[${index}][value]`}
                      value={row.value}
                      rows={3}
                      onChange={(event) => update(row.key, { value: event.target.value })}
                      aria-invalid={valueErrors ? true : undefined}
                      aria-describedby={`${id}-value-note ${id}-value-error`}
                      className={inputClass}
                    />
                  ) : (
                    <input
                      id={`${id}-value`}
                      name={`contacts[${index}][value]`}
                      value={row.value}
                      type={row.type === "EMAIL" ? "email" : row.type === "PHONE" || row.type === "FAX" ? "tel" : "text"}
                      onChange={(event) => update(row.key, { value: event.target.value })}
                      aria-invalid={valueErrors ? true : undefined}
                      aria-describedby={`${id}-value-note ${id}-value-error`}
                      className={inputClass}
                    />
                  )}
                  <div id={`${id}-value-note`}>
                    <SavedAs value={shownAs?.(row.type, row.value)} template={t.savedAs} />
                  </div>
                  <FieldError id={`${id}-value-error`} errors={valueErrors} />
                </div>
              </div>
              <div className="mt-2 flex gap-2">
                <button
                  type="button"
                  className={smallButton}
                  aria-label={fill(t.moveUpItem, { item: fill(t.contact, { number }) })}
                  aria-disabled={index === 0}
                  onClick={() => index > 0 && move(index, -1)}
                >
                  {t.moveUp}
                </button>
                <button
                  type="button"
                  className={smallButton}
                  aria-label={fill(t.moveDownItem, { item: fill(t.contact, { number }) })}
                  aria-disabled={index === rows.length - 1}
                  onClick={() => index < rows.length - 1 && move(index, 1)}
                >
                  {t.moveDown}
                </button>
                <button
                  type="button"
                  className={buttonClass("danger", { size: "sm" })}
                  aria-label={fill(t.removeItem, { item: fill(t.contact, { number }) })}
                  onClick={() => {
                    setRows((current) => current.filter((other) => other.key !== row.key));
                    setAnnouncement(fill(t.contactRemoved, { number }));
                    // The button is gone: focus goes on to "Add a contact", not to the page.
                    addButton.current?.focus();
                  }}
                >
                  {t.remove}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError id="contacts-error" errors={errors?.contacts} />
      <button
        ref={addButton}
        type="button"
        className={smallButton}
        onClick={() => {
          const key = `${prefix}-new-${Date.now()}`;
          setRows((current) => [...current, { key, type: "EMAIL", label: "", value: "" }]);
          setAdded(key);
          setAnnouncement(fill(t.contactAdded, { number: rows.length + 1 }));
        }}
      >
        {t.addContact}
      </button>
    </fieldset>
  );
}
