"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form";
import { fill } from "@/lib/i18n/template";

/** The form's texts in the reader's language; `uploading` is a template of `{percent}`. */
type Texts = {
  label: string;
  hint: string;
  missing: string;
  sessionEnded: string;
  failed: string;
  cutOff: string;
  submit: string;
  progress: string;
  uploading: string;
  storing: string;
};

/**
 * Uploads a spreadsheet to /api/imports and goes to the new import's page. With JavaScript, the
 * upload shows its progress (a 50 MB file takes a while on a slow line) and a refusal is said at
 * the field; without it, the form posts as it is and the route comes back here with `error`.
 */
export function UploadForm({ error, texts }: { error?: string; texts: Texts }) {
  const router = useRouter();
  const [message, setMessage] = useState(error);
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <form
      action="/api/imports"
      method="post"
      encType="multipart/form-data"
      className="mt-4 space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const file = input.current?.files?.[0];
        if (!file) {
          setMessage(texts.missing);
          input.current?.focus();
          return;
        }
        const body = new FormData();
        body.set("file", file);
        const request = new XMLHttpRequest();
        request.open("POST", "/api/imports");
        request.setRequestHeader("accept", "application/json");
        request.upload.onprogress = (progressEvent) => setProgress(progressEvent.lengthComputable ? Math.round((progressEvent.loaded / progressEvent.total) * 100) : null);
        request.onload = () => {
          const answer = (() => {
            try {
              return JSON.parse(request.responseText) as { url?: string; error?: string };
            } catch {
              return {};
            }
          })();
          if (request.status === 201 && answer.url) {
            router.push(answer.url);
            return;
          }
          setProgress(null);
          // The route says its refusals of the file (400, 413) in the staff member's language.
          const refusal = (request.status === 400 || request.status === 413) && answer.error;
          setMessage(refusal || (request.status === 401 ? texts.sessionEnded : texts.failed));
          input.current?.focus();
        };
        request.onerror = () => {
          setProgress(null);
          setMessage(texts.cutOff);
        };
        setMessage(undefined);
        setProgress(0);
        request.send(body);
      }}
    >
      <div>
        <label htmlFor="import-file" className="block font-medium">
          {texts.label}
        </label>
        <p id="import-file-hint" className="text-sm text-slate-600">
          {texts.hint}
        </p>
        <input
          ref={input}
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={message ? true : undefined}
          aria-describedby="import-file-hint import-file-error"
          className="mt-1 block"
          onChange={() => setMessage(undefined)}
        />
        <FieldError id="import-file-error" errors={message ? [message] : undefined} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={progress !== null} className={buttonClass("primary")}>
          {texts.submit}
        </button>
        {progress !== null ? (
          <span role="status" className="flex items-center gap-2">
            <progress max={100} value={progress} aria-label={texts.progress} className="w-40" />
            {progress < 100 ? fill(texts.uploading, { percent: progress }) : texts.storing}
          </span>
        ) : null}
      </div>
    </form>
  );
}
