"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * What the import's running job has done so far, refreshed every two seconds until it is done (the
 * page is rendered again on the server, so leaving and coming back shows the same). `label` names the
 * work, `text` says how far it is ("Checking the rows: 120 rows so far"), `hint` that one may leave:
 * formatted on the server in the reader's language.
 */
export function JobProgress({ label, text, hint, done, total }: { label: string; text: string; hint: string; done: number; total: number | null }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div role="status" className="mt-4 rounded-md border border-brand-200 bg-brand-50 px-4 py-3">
      <p className="font-medium">{text}</p>
      <progress max={total ?? undefined} value={total ? done : undefined} aria-label={label} className="mt-2 w-full" />
      <p className="mt-1 text-sm text-slate-600">{hint}</p>
    </div>
  );
}
