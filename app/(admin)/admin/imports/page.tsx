import type { Metadata } from "next";
import Link from "next/link";
import { UploadForm } from "@/components/imports/upload-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { listImports } from "@/lib/data/import-batches";
import { uploadErrors } from "@/lib/validation/import";
import { importStatusLabels } from "@/components/imports/status";

export const metadata: Metadata = { title: "Imports", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ImportsPage({ searchParams }: Props) {
  await requireRole(["EDITOR", "REVIEWER", "ADMIN"], "/admin/imports");
  const error = (await searchParams).error;
  const imports = await listImports();
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Imports</h1>
      <section aria-labelledby="upload-heading" className="mt-6">
        <h2 id="upload-heading" className="text-lg font-semibold">
          Import a spreadsheet
        </h2>
        <UploadForm error={typeof error === "string" && error in uploadErrors ? uploadErrors[error as keyof typeof uploadErrors] : undefined} />
      </section>
      <section aria-labelledby="export-heading" className="mt-8">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export the whole directory
        </h2>
        <p className="mt-1 text-sm text-slate-600">Every organisation, archived ones marked, with all their contacts, in the columns an import reads: importing the file back proposes no change.</p>
        <p className="mt-2 flex gap-4">
          <a href="/api/export?format=xlsx" className="font-medium text-brand-700 underline hover:no-underline" download>
            Download as Excel (.xlsx)
          </a>
          <a href="/api/export?format=csv" className="font-medium text-brand-700 underline hover:no-underline" download>
            Download as CSV
          </a>
        </p>
      </section>
      <section aria-labelledby="imports-heading" className="mt-8">
        <h2 id="imports-heading" className="text-lg font-semibold">
          Latest imports
        </h2>
        <DataTable
          caption="Latest imports, newest first"
          rows={imports}
          rowKey={(item) => item.id}
          empty={<EmptyState title="Nothing has been imported yet.">Upload a spreadsheet above: you will see what each row would do before anything is sent to review.</EmptyState>}
          columns={[
            {
              header: "File",
              cell: (item) => (
                <Link href={`/admin/imports/${item.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                  {item.fileName}
                </Link>
              ),
              className: "break-all",
            },
            { header: "By", cell: (item) => item.authorName ?? "(deleted account)" },
            { header: "Uploaded", cell: (item) => date.format(item.createdAt), className: "whitespace-nowrap" },
            { header: "Rows", cell: (item) => (item.summary ? item.summary.rows.toLocaleString("en") : "…") },
            { header: "Status", cell: (item) => importStatusLabels[item.status] },
          ]}
        />
      </section>
    </>
  );
}
