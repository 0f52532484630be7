import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobProgress } from "@/components/imports/job-progress";
import { RejectImportForm } from "@/components/imports/reject-form";
import { SettingsForm } from "@/components/imports/settings-form";
import { importStatusLabels } from "@/components/imports/status";
import { ActionForm } from "@/components/ui/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { keysetLinks } from "@/components/ui/keyset-links";
import { decideImportAction, sendImportAction } from "@/lib/actions/imports";
import { requireRole } from "@/lib/auth/session";
import { getImport, listImportRows, type ImportRowView } from "@/lib/data/import-batches";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { resolveColumns, suggestMapping } from "@/lib/import/mapping";
import { columnLetter } from "@/lib/import/read";
import { idOrUndefined } from "@/lib/validation/ids";
import { organisationKindLabels } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Import", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const outcomes = { create: "New", update: "Update", unchanged: "Unchanged", duplicate: "Duplicate", error: "Error" } as const;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const count = (value: number | undefined) => (value ?? 0).toLocaleString("en");
const rowsPerPage = 100;

export default async function ImportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const session = await requireRole(["EDITOR", "REVIEWER", "ADMIN"], `/admin/imports/${id}`);
  const batch = idOrUndefined(id) ? await getImport(id) : null;
  if (!batch) notFound();
  const query = await searchParams;
  const outcome = first(query.outcome);
  const filter = outcome && outcome in outcomes ? outcome : undefined;
  const after = Number(first(query.after)) || 0;
  const rows = await listImportRows(batch.id, { outcome: filter, fromRow: after, limit: rowsPerPage + 1 });
  const next = rows.length > rowsPerPage ? String(rows[rowsPerPage - 1].row) : null;
  const shown = rows.slice(0, rowsPerPage);

  const author = batch.authorId === session.user.id;
  const reviewer = session.user.role === "REVIEWER" || session.user.role === "ADMIN";
  const summary = batch.summary;
  const proposes = summary ? summary.creates + summary.updates : 0;
  const running = batch.status === "CHECKING" || batch.status === "SENDING" || batch.status === "DECIDING";
  const mapping = batch.mapping ?? suggestMapping(batch.headers);
  const { fields } = resolveColumns(batch.headers, mapping);
  const progressLabel = { CHECKING: "Checking the rows", SENDING: "Sending the changes to review", DECIDING: "Deciding the changes" } as const;
  const base = `/admin/imports/${batch.id}`;

  return (
    <>
      <Breadcrumb href="/admin/imports" label="Imports" current={batch.fileName} />
      <h1 className="mt-2 text-2xl font-bold break-all text-brand-900">{batch.fileName}</h1>
      <p className="mt-1 text-slate-700">
        {importStatusLabels[batch.status]} · uploaded by {batch.authorName ?? "a deleted account"} · {(batch.fileSize / 1024).toLocaleString("en", { maximumFractionDigits: 0 })} KB
        {batch.facts ? ` · ${batch.facts.format.toUpperCase()}${batch.facts.sheet ? `, sheet “${batch.facts.sheet}”` : ""}, headers in row ${batch.facts.headerRow}` : ""}
      </p>

      {running ? <JobProgress label={progressLabel[batch.status as keyof typeof progressLabel]} done={batch.done} total={batch.status === "CHECKING" ? null : batch.total} /> : null}
      {batch.failure ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {batch.failure}
        </p>
      ) : null}
      {batch.problems.length > 0 && !running ? (
        <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">The columns cannot be read as organisations yet:</p>
          <ul className="mt-1 list-disc pl-5">
            {batch.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {summary && !running && batch.problems.length === 0 ? (
        <section aria-labelledby="summary-heading" className="mt-6">
          <h2 id="summary-heading" className="text-lg font-semibold">
            {batch.sentAt ? "What was sent to review" : "What importing would do"}
          </h2>
          <dl className="mt-2 grid grid-cols-3 gap-3 sm:grid-cols-6">
            {(
              [
                ["Rows", summary.rows],
                ["New", summary.creates],
                ["Updates", summary.updates],
                ["Unchanged", summary.unchanged],
                ["Duplicates", summary.duplicates],
                ["With errors", summary.errors + (summary.failed ?? 0)],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
                <dt className="text-sm text-slate-600">{label}</dt>
                <dd className="text-xl font-semibold">{count(value)}</dd>
              </div>
            ))}
          </dl>
          {batch.sentAt ? (
            <p className="mt-2">
              {count(summary.sent)} changes sent to review; {count(batch.waiting)} still waiting for a decision
              {summary.approved ? `; ${count(summary.approved)} approved at once` : ""}
              {summary.rejected ? `; ${count(summary.rejected)} rejected at once` : ""}.
            </p>
          ) : null}
          {summary.errors + (summary.failed ?? 0) > 0 ? (
            <p className="mt-2 flex flex-wrap gap-4">
              <span>The rows with errors, with a column saying what to fix, to import again:</span>
              <a href={`/api/imports/${batch.id}/errors?format=xlsx`} className="font-medium text-brand-700 underline hover:no-underline" download>
                Download as Excel
              </a>
              <a href={`/api/imports/${batch.id}/errors?format=csv`} className="font-medium text-brand-700 underline hover:no-underline" download>
                Download as CSV
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {author && batch.status === "CHECKED" && batch.problems.length === 0 && proposes > 0 ? (
        <ActionForm
          action={sendImportAction}
          fields={{ batchId: batch.id }}
          submit={`Send ${count(proposes)} changes to review`}
          pending="Sending…"
          variant="primary"
          className="mt-6"
          confirmation={{
            title: `Send ${count(proposes)} changes to review?`,
            description: `${count(summary?.creates)} new organisations and ${count(summary?.updates)} updates, each a change another reviewer approves or rejects. Rows with errors, duplicates and unchanged rows are not sent.`,
            confirm: "Send to review",
            variant: "primary",
          }}
        />
      ) : null}
      {author && batch.status === "CHECKED" && summary && proposes === 0 && batch.problems.length === 0 ? <p className="mt-6">Nothing to send: no row proposes a new organisation or a change.</p> : null}
      {batch.status === "IN_REVIEW" && batch.waiting > 0 ? (
        reviewer && !author ? (
          <section aria-labelledby="decide-heading" className="mt-6 space-y-4 rounded-md border border-slate-200 p-4">
            <h2 id="decide-heading" className="text-lg font-semibold">
              Decide the {count(batch.waiting)} changes still waiting
            </h2>
            <p className="text-sm text-slate-600">All at once here, or one by one from the table below (each opens its review page).</p>
            <ActionForm
              action={decideImportAction}
              fields={{ batchId: batch.id, decision: "approve" }}
              submit="Approve all"
              pending="Approving…"
              variant="primary"
              confirmation={{ title: `Approve and publish the ${count(batch.waiting)} changes still waiting?`, description: "Each is applied as if approved on its own review page; a change that collides with an edit published since stays waiting.", confirm: "Approve all", variant: "primary" }}
            />
            <RejectImportForm batchId={batch.id} waiting={batch.waiting} />
          </section>
        ) : (
          <p className="mt-6">{author ? "Another reviewer decides these changes: you cannot approve your own import." : "A reviewer decides these changes."}</p>
        )
      ) : null}

      {author && (batch.status === "CHECKED" || batch.status === "FAILED") ? (
        <section aria-labelledby="settings-heading" className="mt-8">
          <h2 id="settings-heading" className="sr-only">
            Settings
          </h2>
          <SettingsForm
            batchId={batch.id}
            format={batch.facts?.format ?? "csv"}
            detected={batch.facts ?? { encoding: null, delimiter: null, sheet: null, headerRow: 1 }}
            sheets={batch.facts?.sheets ?? []}
            settings={batch.settings}
            columns={batch.headers.map((header, index) => ({ letter: columnLetter(index), header, field: fields[index] }))}
            defaults={mapping.defaults}
            kinds={Object.values(OrganisationKind).map((kind) => ({ code: kind.toLowerCase(), label: organisationKindLabels[kind] }))}
          />
        </section>
      ) : null}

      {!running && batch.status !== "FAILED" ? (
        <section aria-labelledby="rows-heading" className="mt-8">
          <h2 id="rows-heading" className="text-lg font-semibold">
            Rows
          </h2>
          <nav aria-label="Show rows" className="mt-2 flex flex-wrap gap-3 text-sm">
            {[["", "All"], ...Object.entries(outcomes)].map(([value, label]) => (
              <Link key={value} href={value ? `${base}?outcome=${value}` : base} aria-current={(filter ?? "") === value ? "page" : undefined} className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white">
                {label}
              </Link>
            ))}
          </nav>
          <DataTable<ImportRowView>
            caption="The file's rows and what importing each does"
            rows={shown}
            rowKey={(row) => String(row.row)}
            empty={<EmptyState title={filter ? "No row of this kind." : "The file has no rows below its headers."} />}
            columns={[
              { header: "Row", cell: (row) => row.row },
              { header: "Outcome", cell: (row) => outcomes[row.outcome] },
              {
                header: "Organisation",
                cell: (row) =>
                  row.organisationId ? (
                    <Link href={`/admin/organisations/${row.organisationId}/edit`} className="text-brand-700 underline hover:no-underline">
                      {row.organisation}
                    </Link>
                  ) : (
                    row.organisation
                  ),
              },
              {
                header: "Details",
                cell: (row) =>
                  row.outcome === "error" ? (
                    <ul className="list-disc pl-4 text-red-800">
                      {row.errors.map((error, index) => (
                        <li key={index}>
                          {error.column ? `Column ${error.column}: ` : ""}
                          {error.message}
                        </li>
                      ))}
                    </ul>
                  ) : row.outcome === "duplicate" ? (
                    `The same organisation as row ${row.duplicateOf}`
                  ) : row.outcome === "update" ? (
                    <ul className="space-y-0.5">
                      {row.differences.map((difference, index) => (
                        <li key={index}>
                          <span className="font-medium">{difference.what}:</span> {difference.before === null && difference.after === null ? "changed" : <>{difference.before ?? <em>none</em>} → {difference.after ?? <em>none</em>}</>}
                        </li>
                      ))}
                    </ul>
                  ) : row.outcome === "unchanged" && row.changeSetId ? (
                    "Already proposed, waiting for review"
                  ) : (
                    ""
                  ),
              },
              {
                header: "Change",
                cell: (row) =>
                  row.changeSetId && row.changeSetStatus ? (
                    <Link href={reviewer && !author ? `/admin/reviews/${row.changeSetId}` : `/admin/changes/${row.changeSetId}`} className="text-brand-700 underline hover:no-underline">
                      {row.changeSetStatus.toLowerCase().replace("_", " ")}
                    </Link>
                  ) : (
                    ""
                  ),
              },
            ]}
          />
          <Pager links={keysetLinks(base, { outcome: filter, after: after ? String(after) : undefined }, next)} />
        </section>
      ) : null}
    </>
  );
}
