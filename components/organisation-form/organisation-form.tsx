"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { ContactsEditor, type ContactRow } from "@/components/organisation-form/contacts-editor";
import { CountriesEditor } from "@/components/organisation-form/countries-editor";
import { SavedAs } from "@/components/organisation-form/saved-as";
import { SimilarOrganisations } from "@/components/organisation-form/similar-organisations";
import { Field, FormMessage, SelectField, TextAreaField, useFocusFirstError } from "@/components/ui/form";
import { FormButtons } from "@/components/organisation-form/form-buttons";
import { useAutosave } from "@/components/organisation-form/use-autosave";
import { useValuePreviews } from "@/components/organisation-form/use-value-previews";
import { findSimilar, saveOrganisation } from "@/lib/actions/organisations";
import type { SimilarOrganisation } from "@/lib/data/admin-organisations";
import { formDataToObject } from "@/lib/forms/form-data";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { FormTexts } from "@/components/organisation-form/form-texts";
import { fill } from "@/lib/i18n/template";
import { buttonClass } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { TranslationsEditor } from "@/components/organisation-form/translations-editor";
import { shownValues } from "@/components/organisation-form/form-values";

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
  originalLanguage: string;
  /** "fr:description" → text. */
  translations: Record<string, string>;
};

type Props = {
  values: OrganisationFormValues;
  countries: { code: string; name: string }[];
  /** Its texts in the page's language (form-texts.ts). */
  texts: FormTexts;
  /** Present when editing a published organisation. */
  organisationId?: string;
  /** Present when editing a saved change set, with the revision it was loaded at. */
  changeSetId?: string;
  revision?: number;
  /** The public suggestion form: posts to /api/suggestions, with the signed "issued at" stamp, in the page's language. */
  suggestion?: { issued: string; privacy: string; confirmation?: string; thanksPath: string; language: string };
  /** The author has been told another pending change changes the same fields: "Submit anyway". */
  confirmOverlap?: boolean;
};

const descriptionLimit = 20_000;

/** One form for a new organisation and for a change to one: organisation fields and contacts. */
export function OrganisationForm({ values, countries, texts: t, organisationId, changeSetId, revision, suggestion, confirmOverlap }: Props) {
  const [actionState, formAction] = useFormAction(saveOrganisation);
  const [suggestionState, setSuggestionState] = useState<FormState<unknown>>(initialFormState);
  const [sending, setSending] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const router = useRouter();
  const kindOptions = [{ value: "", label: t.choose }, ...Object.entries(t.kinds).map(([value, label]) => ({ value, label }))];
  const state = suggestion ? suggestionState : actionState;
  /** A public suggestion goes to the route handler, which answers 201, 400, 409 or 429 with a message. */
  const sendSuggestion = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSending(true);
    try {
      const response = await fetch(`/api/suggestions?language=${suggestion?.language ?? "en"}`, { method: "POST", body: data });
      const body = (await response.json().catch(() => ({}))) as { message?: string; fieldErrors?: Record<string, string[]>; confirm?: string };
      if (response.status === 201) {
        router.push(suggestion?.thanksPath ?? "/en/suggest/thanks");
        return;
      }
      const values = formDataToObject(data);
      delete values.fax_confirmation;
      delete values.issued;
      delete values.confirmed;
      // Sent quicker than people type (autofill): asked to confirm, the next send says yes.
      setConfirmation(body.confirm ?? null);
      setSuggestionState({ ok: false, message: body.message ?? t.sendFailed, fieldErrors: body.fieldErrors, values });
    } catch {
      setSuggestionState({ ok: false, message: t.offline, values: formDataToObject(data) });
    } finally {
      setSending(false);
    }
  };
  const form = useRef<HTMLFormElement>(null);
  // The element too, as state: a refused save replaces the form element, and autosave follows it.
  const [formElement, setFormElement] = useState<HTMLFormElement | null>(null);
  const formRef = useCallback((element: HTMLFormElement | null) => {
    form.current = element;
    setFormElement(element);
  }, []);
  useFocusFirstError(form, state);
  const autosave = useAutosave(formElement, { changeSetId, revision, organisationId }, !suggestion);
  const { resume } = autosave;
  // The form's own save came back refused: saving automatically goes on.
  useEffect(() => resume(), [actionState, resume]);
  const waitingForAutosave = useRef(false);
  /** The form's own save waits for an automatic one on its way, then sends the revision it left. */
  const submitAfterAutosave = (event: React.FormEvent<HTMLFormElement>) => {
    // A second click while waiting: the first one is still going to be sent.
    if (waitingForAutosave.current) return event.preventDefault();
    autosave.pause();
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const waiting = autosave.settled();
    if (!waiting) return;
    event.preventDefault();
    waitingForAutosave.current = true;
    void waiting.then((draft) => {
      waitingForAutosave.current = false;
      (element.elements.namedItem("changeSetId") as HTMLInputElement).value = draft.changeSetId ?? "";
      (element.elements.namedItem("revision") as HTMLInputElement).value = draft.revision ? String(draft.revision) : "";
      element.requestSubmit(submitter);
    });
  };
  /** The preview shows the saved draft: what was typed since is saved first. */
  const openPreview = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const href = event.currentTarget.href;
    await autosave.flush();
    router.push(href);
  };
  const { preview, savedAs } = useValuePreviews();
  const current = shownValues(state, values);
  const [website, setWebsite] = useState(current.website);
  // The values the form opens with are previewed at once (a draft's phones as they will be shown).
  useEffect(() => {
    if (!suggestion && form.current) preview(new FormData(form.current));
    // Once, on opening: later previews follow the fields as they are left.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [descriptionLength, setDescriptionLength] = useState(values.description.length);
  const errors = state.fieldErrors;
  // Likely duplicates, looked up when the name, the website or a contact is left.
  const [similar, setSimilar] = useState<SimilarOrganisation[]>([]);
  const [, startLookup] = useTransition();
  const lookUpSimilar = (event: React.FocusEvent<HTMLFormElement>) => {
    const field = (event.target as Element).getAttribute("name") ?? "";
    if (field !== "name" && field !== "website" && !/^contacts\[\d+\]\[(type|value)\]$/.test(field)) return;
    const form = new FormData(event.currentTarget);
    if (field !== "name") preview(form);
    const data = new FormData();
    for (const name of ["name", "website", "organisationId"]) data.set(name, String(form.get(name) ?? ""));
    // Phones are read in the first country, as the form's own check reads them.
    data.set("region", String(form.get("countries") ?? ""));
    let sent = 0;
    for (let i = 0; form.has(`contacts[${i}][type]`) && sent < 50; i++) {
      const type = String(form.get(`contacts[${i}][type]`));
      const value = String(form.get(`contacts[${i}][value]`) ?? "").trim();
      if (!value || !["EMAIL", "PHONE", "FAX"].includes(type)) continue;
      data.set(`contacts[${sent}][type]`, type);
      data.set(`contacts[${sent}][value]`, value.slice(0, 320));
      sent++;
    }
    startLookup(async () => {
      const result = await findSimilar(undefined, data);
      setSimilar(result.ok && result.data ? result.data : []);
    });
  };
  return (
    // Keyed by the submission, so the fields show what was submitted after a refusal.
    <form
      key={JSON.stringify(state.values ?? null)}
      ref={formRef}
      action={suggestion ? undefined : formAction}
      onBlur={suggestion ? undefined : lookUpSimilar}
      onSubmit={suggestion ? sendSuggestion : submitAfterAutosave}
      noValidate
      className="mt-6 space-y-6"
    >
      <FormMessage state={state} />
      {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
      {suggestion ? null : (
        <>
          <input type="hidden" name="changeSetId" value={autosave.draft.changeSetId ?? ""} />
          <input type="hidden" name="revision" value={autosave.draft.revision ?? ""} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field name="name" label={t.name} required defaultValue={current.name} state={state} />
        <Field name="acronym" label={t.acronym} defaultValue={current.acronym} state={state} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="kind" label={t.kind} required defaultValue={current.kind} options={kindOptions} state={state} />
        <Field
          name="website"
          label={t.website}
          type="url"
          hint={t.websiteHint}
          defaultValue={current.website}
          state={state}
          onChange={(event) => setWebsite(event.target.value)}
          note={<SavedAs value={savedAs("WEBSITE", website)} template={t.savedAs} />}
        />
      </div>
      <SimilarOrganisations items={similar} texts={t} />
      <CountriesEditor countries={countries} initial={current.countries} errors={errors?.countries} texts={t} />
      <TextAreaField
        name="description"
        label={t.description}
        hint={t.descriptionHint}
        rows={8}
        defaultValue={current.description}
        onChange={(event) => setDescriptionLength(event.target.value.length)}
        note={
          <p className={`text-sm ${descriptionLength > descriptionLimit ? "text-red-800" : "text-slate-600"}`}>
            {fill(t.descriptionLength, { length: descriptionLength.toLocaleString(t.locale), limit: descriptionLimit.toLocaleString(t.locale) })}
          </p>
        }
        state={state}
      />
      <ContactsEditor initial={current.contacts} errors={errors} shownAs={savedAs} texts={t} />
      {suggestion ? null : (
        <TranslationsEditor
          original={{ name: current.name, description: current.description }}
          originalLanguage={current.originalLanguage}
          translations={current.translations}
          state={state}
          texts={t}
        />
      )}
      {suggestion ? null : (
        <Field
          name="slug"
          label={t.slug}
          hint={t.slugHint}
          defaultValue={current.slug}
          state={state}
        />
      )}
      <TextAreaField
        name="note"
        label={suggestion ? t.suggestionNote : t.reviewerNote}
        rows={3}
        defaultValue={current.note}
        state={state}
      />
      {suggestion ? (
        <>
          <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
            <legend className="font-semibold">{t.aboutYou}</legend>
            <p className="text-sm text-slate-700">{suggestion.privacy}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field name="suggesterName" label={t.yourName} autoComplete="name" state={state} />
              <Field name="suggesterEmail" label={t.yourEmail} type="email" autoComplete="email" state={state} />
            </div>
          </fieldset>
          <input type="hidden" name="issued" value={suggestion.issued} />
          {suggestion.confirmation ? <input type="hidden" name="confirmation" value={suggestion.confirmation} /> : null}
          {/* A field people never see or reach: only scripts fill it in. */}
          <div aria-hidden="true" className="hidden">
            <label htmlFor="fax_confirmation">{t.honeypot}</label>
            <input id="fax_confirmation" name="fax_confirmation" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          {confirmation ? <input type="hidden" name="confirmed" value={confirmation} /> : null}
          <div className="flex items-center gap-3">
            <button type="submit" disabled={sending} className={buttonClass("primary")}>
              {confirmation ? t.sendConfirmed : t.send}
            </button>
            {sending ? <span role="status">{t.sending}</span> : null}
          </div>
        </>
      ) : (
        <FormButtons
          texts={t}
          confirmOverlap={confirmOverlap}
          autosave={autosave.status}
          preview={
            autosave.draft.changeSetId ? (
              <a href={`/admin/changes/${autosave.draft.changeSetId}/preview`} onClick={openPreview} className="font-medium text-brand-700 underline">
                {t.preview}
              </a>
            ) : null
          }
        />
      )}
    </form>
  );
}
