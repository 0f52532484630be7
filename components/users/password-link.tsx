"use client";

import { useId, useState } from "react";
import type { PasswordLinkResult } from "@/lib/actions/users";
import { buttonClass } from "@/components/ui/button";
import { fill } from "@/lib/i18n/template";

/** The texts of a password link, in the reader's language; `label` is a template with `{email}`. */
export type PasswordLinkTexts = { label: string; emailed: string; notEmailed: string; copy: string; copied: string };

/** The one-time link for a new or reset account, shown once to the admin who made it. */
export function PasswordLink({ result, texts }: { result: PasswordLinkResult; texts: PasswordLinkTexts }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <label htmlFor={id} className="block font-medium">
        {fill(texts.label, { email: result.email })}
      </label>
      <p className="text-slate-700">{result.emailed ? texts.emailed : texts.notEmailed}</p>
      <div className="mt-2 flex gap-2">
        <input id={id} readOnly value={result.link} className="w-full rounded-md border border-slate-400 bg-white px-2 py-1 font-mono text-xs" onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className={buttonClass("secondary", { size: "sm" })}
          onClick={async () => {
            await navigator.clipboard.writeText(result.link);
            setCopied(true);
          }}
        >
          {copied ? texts.copied : texts.copy}
        </button>
      </div>
    </div>
  );
}
