"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form";

/**
 * Uploads a spreadsheet to /api/imports and goes to the new import's page. With JavaScript, the
 * upload shows its progress (a 50 MB file takes a while on a slow line) and a refusal is said at
 * the field; without it, the form posts as it is and the route comes back here with `error`.
 */
export function UploadForm({ error }: { error?: string }) {
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
          setMessage("Choose a CSV or Excel file to import.");
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
          setMessage(answer.error ?? (request.status === 401 ? "Your session has ended: sign in again in a new tab, then upload again." : "The upload failed: try again."));
          input.current?.focus();
        };
        request.onerror = () => {
          setProgress(null);
          setMessage("The upload was cut off: check your connection and try again.");
        };
        setMessage(undefined);
        setProgress(0);
        request.send(body);
      }}
    >
      <div>
        <label htmlFor="import-file" className="block font-medium">
          Spreadsheet
        </label>
        <p id="import-file-hint" className="text-sm text-slate-600">
          CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or Excel .xlsx, up to 50 MB and 200,000 rows. Nothing is published: you check the rows first, then send them to review.
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
          Upload and check
        </button>
        {progress !== null ? (
          <span role="status" className="flex items-center gap-2">
            <progress max={100} value={progress} aria-label="Upload" className="w-40" />
            {progress < 100 ? `Uploading… ${progress}%` : "Uploaded; storing it…"}
          </span>
        ) : null}
      </div>
    </form>
  );
}
