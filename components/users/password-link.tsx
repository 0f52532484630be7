"use client";

import { useId, useState } from "react";
import type { PasswordLinkResult } from "@/lib/actions/users";
import { buttonClass } from "@/components/ui/button";

/** The one-time link for a new or reset account, shown once to the admin who made it. */
export function PasswordLink({ result }: { result: PasswordLinkResult }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <label htmlFor={id} className="block font-medium">
        Set-password link for {result.email}
      </label>
      <p className="text-slate-700">
        {result.emailed ? "It is being e-mailed to them. " : "It was not e-mailed: send it to them yourself. "}
        It works once and is shown only now.
      </p>
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
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
