"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import { useFormStatus } from "react-dom";
import { ContactsEditor, type ContactRow } from "@/components/organisation-form/contacts-editor";
import { CountriesEditor } from "@/components/organisation-form/countries-editor";
import { SimilarOrganisations } from "@/components/organisation-form/similar-organisations";
import { Field, FieldError, FormMessage, SelectField, useFocusFirstError } from "@/components/ui/form";
import { findSimilar, saveOrganisation } from "@/lib/actions/organisations";
import type { SimilarOrganisation } from "@/lib/data/admin-organisations";
import { initialFormState } from "@/lib/forms/form-state";
import { organisationKindLabels } from "@/lib/validation/organisation";

export type OrganisationFormValues = {
  name: string;
  acronym: string;
  slug: string;
  kind: string;
  countries: string[];
  website: string;
  description: string;
  note: string;
  contacts: ContactRow[];
};

type Props = {
  values: OrganisationFormValues;
  countries: { code: string; name: string }[];
  /** Present when editing a published organisation. */
  organisationId?: string;
  /** Present when editing a saved change set, with the revision it was loaded at. */
  changeSetId?: string;
  revision?: number;
};

const descriptionLimit = 20_000;
const kindOptions = [{ value: "", label: "Choose…" }, ...Object.entries(organisationKindLabels).map(([value, label]) => ({ value, label }))];

function Buttons() {
  const { pending } = useFormStatus();
  // Both disabled while saving: a double click submits once.
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" name="intent" value="draft" disabled={pending} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-70">
        Save draft
      </button>
      <button type="submit" name="intent" value="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-70">
        Submit for review
      </button>
      {pending ? (
        <span role="status" className="text-slate-700">
          Saving…
        </span>
      ) : null}
    </div>
  );
}

/** The values to show: what was submitted when the server refused it, else what was loaded. */
function shown(state: { values?: Record<string, unknown> }, values: OrganisationFormValues): OrganisationFormValues {
  const submitted = state.values;
  if (!submitted) return values;
  const text = (key: string) => (typeof submitted[key] === "string" ? (submitted[key] as string) : "");
  const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  return {
    name: text("name"),
    acronym: text("acronym"),
    slug: text("slug"),
    kind: text("kind"),
    countries: list(submitted.countries).filter((code): code is string => typeof code === "string"),
    website: text("website"),
    description: text("description"),
    note: text("note"),
    contacts: list(submitted.contacts)
      .filter((contact): contact is Record<string, string> => typeof contact === "object" && contact !== null)
      .map((contact) => ({ id: contact.id, type: (contact.type ?? "EMAIL") as ContactRow["type"], label: contact.label ?? "", value: contact.value ?? "" })),
  };
}

/** One form for a new organisation and for a change to one: organisation fields and contacts. */
export function OrganisationForm({ values, countries, organisationId, changeSetId, revision }: Props) {
  const [state, formAction] = useActionState(saveOrganisation, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const current = shown(state, values);
  const [descriptionLength, setDescriptionLength] = useState(values.description.length);
  const errors = state.fieldErrors;
  // Likely duplicates, looked up when the name or the website field is left.
  const [similar, setSimilar] = useState<SimilarOrganisation[]>([]);
  const [, startLookup] = useTransition();
  const lookUpSimilar = (event: React.FocusEvent<HTMLFormElement>) => {
    const field = (event.target as Element).getAttribute("name");
    if (field !== "name" && field !== "website") return;
    const data = new FormData();
    for (const field of ["name", "website", "organisationId"]) data.set(field, String(new FormData(event.currentTarget).get(field) ?? ""));
    startLookup(async () => {
      const result = await findSimilar(undefined, data);
      setSimilar(result.ok && result.data ? result.data : []);
    });
  };
  return (
    // Keyed by the submission, so the fields show what was submitted after a refusal.
    <form key={JSON.stringify(state.values ?? null)} ref={form} action={formAction} onBlur={lookUpSimilar} noValidate className="mt-6 space-y-6">
      <FormMessage state={state} />
      {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
      {changeSetId ? <input type="hidden" name="changeSetId" value={changeSetId} /> : null}
      {revision ? <input type="hidden" name="revision" value={revision} /> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field name="name" label="Name" required defaultValue={current.name} state={state} />
        <Field name="acronym" label="Acronym (optional)" defaultValue={current.acronym} state={state} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="kind" label="Kind of organisation" required defaultValue={current.kind} options={kindOptions} state={state} />
        <Field name="website" label="Website (optional)" type="url" hint="e.g. www.example.org" defaultValue={current.website} state={state} />
      </div>
      <SimilarOrganisations items={similar} />
      <CountriesEditor countries={countries} initial={current.countries} errors={errors?.countries} />
      <div>
        <label htmlFor="field-description" className="block font-medium">
          Description
        </label>
        <p id="field-description-hint" className="text-sm text-slate-600">
          Plain text; leave an empty line between paragraphs. Web addresses become links.
        </p>
        <textarea
          id="field-description"
          name="description"
          rows={8}
          defaultValue={current.description}
          onChange={(event) => setDescriptionLength(event.target.value.length)}
          aria-invalid={errors?.description ? true : undefined}
          aria-describedby="field-description-hint field-description-count field-description-error"
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        <p id="field-description-count" className={`text-sm ${descriptionLength > descriptionLimit ? "text-red-800" : "text-slate-600"}`}>
          {descriptionLength.toLocaleString("en-GB")} of {descriptionLimit.toLocaleString("en-GB")} characters
        </p>
        <FieldError id="field-description-error" errors={errors?.description} />
      </div>
      <ContactsEditor initial={current.contacts} errors={errors} />
      <Field
        name="slug"
        label="Address of its page (optional)"
        hint="The last part of /organisations/…; made from the name when left empty."
        defaultValue={current.slug}
        state={state}
      />
      <div>
        <label htmlFor="field-note" className="block font-medium">
          Note to the reviewer (optional)
        </label>
        <textarea
          id="field-note"
          name="note"
          rows={3}
          defaultValue={current.note}
          aria-invalid={errors?.note ? true : undefined}
          aria-describedby="field-note-error"
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <FieldError id="field-note-error" errors={errors?.note} />
      </div>
      <Buttons />
    </form>
  );
}
