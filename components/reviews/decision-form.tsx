"use client";

import { startTransition, useEffect, useRef } from "react";
import { FieldError, FormMessage, useFocusFirstError } from "@/components/ui/form";
import { decide } from "@/lib/actions/reviews";
import { buttonClass } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

/** The form's texts in the reviewer's language, made on the server ("Reviews"). */
export type DecisionTexts = {
  approve: string;
  requestChanges: string;
  reject: string;
  saving: string;
  acceptAll: string;
  rejectAll: string;
  /** Names who reads the reason: the member of staff who wrote the change, or a public suggestion's sender. */
  noteLabel: string;
  noteHint: string;
};

function Buttons({ pending, canSendBack, texts }: { pending: boolean; canSendBack: boolean; texts: DecisionTexts }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" name="decision" value="approve" disabled={pending} className={buttonClass("primary")}>
        {texts.approve}
      </button>
      {canSendBack ? (
        <button type="submit" name="decision" value="request-changes" disabled={pending} className={buttonClass("secondary")}>
          {texts.requestChanges}
        </button>
      ) : null}
      <button type="submit" name="decision" value="reject" disabled={pending} className={buttonClass("danger")}>
        {texts.reject}
      </button>
      {pending ? <span role="status">{texts.saving}</span> : null}
    </div>
  );
}

type Props = {
  changeSetId: string;
  revision: number;
  canSendBack?: boolean;
  texts: DecisionTexts;
  children: React.ReactNode;
};

/**
 * The reviewer's decision. The table of changes (rendered by the page inside this form) carries
 * one "Accept" checkbox per change; these buttons tick or untick them all.
 */
export function DecisionForm({ changeSetId, revision, canSendBack = true, texts, children }: Props) {
  const [state, formAction, pending] = useFormAction(decide);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  // "Accept at least one" concerns the checkboxes as a whole: its message takes focus.
  const acceptError = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.fieldErrors?.accept && !state.fieldErrors.note) acceptError.current?.focus();
  }, [state]);
  const setAll = (checked: boolean) => form.current?.querySelectorAll<HTMLInputElement>("input[name=accept]").forEach((box) => (box.checked = checked));
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(event) => {
        // Submitted by hand, so that a refused decision does not reset the form: the reviewer's
        // ticks stay as they were. (A form action resets its form after every submission.)
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      className="mt-6 space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="changeSetId" value={changeSetId} />
      <input type="hidden" name="revision" value={revision} />
      <div className="flex gap-2">
        <button type="button" onClick={() => setAll(true)} className={buttonClass("secondary", { size: "sm" })}>
          {texts.acceptAll}
        </button>
        <button type="button" onClick={() => setAll(false)} className={buttonClass("secondary", { size: "sm" })}>
          {texts.rejectAll}
        </button>
      </div>
      {children}
      <div ref={acceptError} tabIndex={-1}>
        <FieldError id="accept-error" errors={state.fieldErrors?.accept} />
      </div>
      <div>
        <label htmlFor="decision-note" className="block font-medium">
          {texts.noteLabel}
        </label>
        <p id="decision-note-hint" className="text-sm text-slate-600">
          {texts.noteHint}
        </p>
        <textarea
          id="decision-note"
          name="note"
          rows={3}
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          aria-describedby="decision-note-hint decision-note-error"
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <FieldError id="decision-note-error" errors={state.fieldErrors?.note} />
      </div>
      <Buttons pending={pending} canSendBack={canSendBack} texts={texts} />
    </form>
  );
}
