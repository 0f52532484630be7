"use client";

import { useFormStatus } from "react-dom";
import { autosaveText, type AutosaveStatus } from "@/components/organisation-form/use-autosave";
import { buttonClass } from "@/components/ui/button";
import type { FormTexts } from "@/components/organisation-form/form-texts";

/** The editor form's buttons, with what its automatic saves say. */
export function FormButtons({ confirmOverlap, autosave, preview, texts: t }: { confirmOverlap?: boolean; autosave: AutosaveStatus; preview?: React.ReactNode; texts: FormTexts }) {
  const { pending } = useFormStatus();
  const text = autosaveText(autosave, t);
  const failed = autosave.state === "stopped" || (autosave.state === "not-saved" && autosave.loud);
  // Both disabled while saving: a double click submits once.
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" name="intent" value="draft" disabled={pending} className={buttonClass("secondary")}>
        {t.saveDraft}
      </button>
      {confirmOverlap ? <input type="hidden" name="confirmOverlap" value="1" /> : null}
      <button type="submit" name="intent" value="submit" disabled={pending} className={buttonClass("primary")}>
        {confirmOverlap ? t.submitAnyway : t.submitForReview}
      </button>
      {preview}
      {pending ? (
        <span role="status" className="text-slate-700">
          {t.saving}
        </span>
      ) : null}
      {/* Saves every few seconds are not read out while someone types; a failure is. */}
      <p className="w-full text-sm text-slate-700">{failed ? null : text}</p>
      {failed ? (
        <p role="alert" className="w-full text-sm font-medium text-red-800">
          {text}
        </p>
      ) : null}
    </div>
  );
}
