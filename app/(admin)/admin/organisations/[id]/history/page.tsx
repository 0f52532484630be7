import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangeSummary } from "@/components/changes/change-summary";
import { RestoreButton } from "@/components/changes/restore-button";
import { requireUser } from "@/lib/auth/session";
import { countryNames } from "@/lib/data/countries";
import { listRevisions } from "@/lib/data/revisions";
import { isId } from "@/lib/validation/ids";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "History", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const number = (value: string | string[] | undefined) => Number(Array.isArray(value) ? value[0] : value) || undefined;

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireUser(`/admin/organisations/${id}/history`);
  const revisions = isId(id) ? await listRevisions(id) : [];
  if (revisions.length === 0) notFound();
  const latest = revisions[0];
  const query = await searchParams;
  // Compare any two revisions; by default the latest with the one before it.
  const to = revisions.find((revision) => revision.revisionNumber === number(query.to)) ?? latest;
  const from = revisions.find((revision) => revision.revisionNumber === number(query.from)) ?? revisions.find((revision) => revision.revisionNumber < to.revisionNumber) ?? to;
  const options = revisions.map((revision) => (
    <option key={revision.revisionNumber} value={revision.revisionNumber}>
      Revision {revision.revisionNumber} ({time.format(revision.createdAt)})
    </option>
  ));
  return (
    <>
      <Breadcrumb href={`/admin/organisations/${id}/edit`} label={latest.snapshot.name} current="history" />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">History of {latest.snapshot.name}</h1>
      <section aria-labelledby="compare" className="mt-6">
        <h2 id="compare" className="text-lg font-semibold">
          Compare two revisions
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="from" className="block text-sm font-medium">
              From
            </label>
            <select id="from" name="from" defaultValue={from.revisionNumber} className="mt-1 rounded-md border border-slate-400 px-2 py-2">
              {options}
            </select>
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-medium">
              To
            </label>
            <select id="to" name="to" defaultValue={to.revisionNumber} className="mt-1 rounded-md border border-slate-400 px-2 py-2">
              {options}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Compare
          </Button>
        </form>
        <div className="mt-4">
          {from.revisionNumber === to.revisionNumber ? <p className="text-slate-700">Only one revision so far.</p> : <ChangeSummary base={from.snapshot} proposed={to.snapshot} countries={await countryNames()} />}
        </div>
      </section>
      <section aria-labelledby="revisions" className="mt-8">
        <h2 id="revisions" className="text-lg font-semibold">
          Revisions
        </h2>
        <ol className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
          {revisions.map((revision) => (
            <li key={revision.revisionNumber} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div>
                <p className="font-medium">
                  Revision {revision.revisionNumber} · {time.format(revision.createdAt)} UTC
                  {revision.revisionNumber === latest.revisionNumber ? <span className="ml-2 rounded bg-green-100 px-2 text-sm text-green-900">published</span> : null}
                </p>
                <p className="text-sm text-slate-700">
                  {revision.proposedBy ? `Proposed by ${revision.proposedBy}` : "Loaded with the directory"}
                  {revision.approvedBy ? `, approved by ${revision.approvedBy}` : ""}.
                  {revision.note ? ` Note: ${revision.note}` : ""}
                  {revision.decisionNote ? ` Reviewer: ${revision.decisionNote}` : ""}
                </p>
              </div>
              {revision.revisionNumber === latest.revisionNumber ? null : <RestoreButton organisationId={id} revisionNumber={revision.revisionNumber} name={latest.snapshot.name} />}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
