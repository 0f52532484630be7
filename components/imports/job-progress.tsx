"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * What the import's running job has done so far, refreshed every two seconds until it is done (the
 * page is rendered again on the server, so leaving and coming back shows the same).
 */
export function JobProgress({ label, done, total }: { label: string; done: number; total: number | null }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  const text = total ? `${done.toLocaleString("en")} of ${total.toLocaleString("en")}` : `${done.toLocaleString("en")} rows so far`;
  return (
    <div role="status" className="mt-4 rounded-md border border-brand-200 bg-brand-50 px-4 py-3">
      <p className="font-medium">
        {label}: {text}
      </p>
      <progress max={total ?? undefined} value={total ? done : undefined} aria-label={label} className="mt-2 w-full" />
      <p className="mt-1 text-sm text-slate-600">You can leave this page: the work goes on, and this page shows where it stands when you come back.</p>
    </div>
  );
}
