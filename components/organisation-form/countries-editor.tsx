"use client";

import { useEffect, useRef, useState } from "react";
import { FieldError } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/button";
import type { FormTexts } from "@/components/organisation-form/form-texts";
import { fill } from "@/lib/i18n/template";

const smallButton = buttonClass("secondary", { size: "sm" });

/** The countries an organisation works in, in order (the first is its default phone region). */
export function CountriesEditor({ countries, initial, errors, texts: t }: { countries: { code: string; name: string }[]; initial: string[]; errors?: string[]; texts: FormTexts }) {
  const [selected, setSelected] = useState(initial);
  const [adding, setAdding] = useState("");
  const addSelect = useRef<HTMLSelectElement>(null);
  // After "Add", focus goes to the new row (its name is read out with its position).
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (added) document.getElementById(`country-${added}`)?.focus();
  }, [added]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const available = countries.filter((country) => !selected.includes(country.code));
  const move = (index: number, by: -1 | 1) =>
    setSelected((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  return (
    <fieldset aria-describedby="countries-hint countries-error">
      <legend className="font-medium">{t.countries}</legend>
      <p id="countries-hint" className="text-sm text-slate-600">
        {t.countriesHint}
      </p>
      {selected.length === 0 ? <p className="mt-2 text-slate-600">{t.noCountries}</p> : null}
      <ol className="mt-2 space-y-1">
        {selected.map((code, index) => (
          <li key={code} className="flex items-center gap-2">
            <input type="hidden" name="countries" value={code} />
            <span id={`country-${code}`} tabIndex={-1} className="min-w-40">
              {index + 1}. {names.get(code) ?? code}
            </span>
            <button
              type="button"
              className={smallButton}
              aria-label={fill(t.moveUpItem, { item: names.get(code) ?? code })}
              aria-disabled={index === 0}
              onClick={() => index > 0 && move(index, -1)}
            >
              {t.moveUp}
            </button>
            <button
              type="button"
              className={smallButton}
              aria-label={fill(t.moveDownItem, { item: names.get(code) ?? code })}
              aria-disabled={index === selected.length - 1}
              onClick={() => index < selected.length - 1 && move(index, 1)}
            >
              {t.moveDown}
            </button>
            <button
              type="button"
              className={smallButton}
              aria-label={fill(t.removeItem, { item: names.get(code) ?? code })}
              onClick={() => {
                setSelected((current) => current.filter((other) => other !== code));
                addSelect.current?.focus();
              }}
            >
              {t.remove}
            </button>
          </li>
        ))}
      </ol>
      <div className="mt-2 flex items-end gap-2">
        <div>
          <label htmlFor="add-country" className="block text-sm font-medium">
            {t.addCountry}
          </label>
          <select
            ref={addSelect}
            id="add-country"
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
            aria-invalid={errors ? true : undefined}
            aria-describedby="countries-error"
            className="mt-1 rounded-md border border-slate-400 px-2 py-2"
          >
            <option value="">{t.choose}</option>
            {available.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={smallButton}
          aria-disabled={!adding}
          onClick={() => {
            if (!adding) return;
            setSelected((current) => [...current, adding]);
            setAdded(adding);
            setAdding("");
          }}
        >
          {t.add}
        </button>
      </div>
      <FieldError id="countries-error" errors={errors} />
    </fieldset>
  );
}
