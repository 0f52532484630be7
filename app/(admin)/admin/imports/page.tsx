import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UploadForm } from "@/components/imports/upload-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSession, requireRole } from "@/lib/auth/session";
import { listImports } from "@/lib/data/import-batches";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";
import { uploadErrors } from "@/lib/validation/import";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Imports" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportsPage({ searchParams }: Props) {
  const { user } = await requireRole(["EDITOR", "REVIEWER", "ADMIN"], "/admin/imports");
  const locale = user.language ?? defaultLocale;
  const [error, imports, t] = await Promise.all([searchParams.then((params) => params.error), listImports(), getTranslations({ locale, namespace: "Imports" })]);
  // English times as the admin has always written them (3 Mar 2026, 14:05).
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const number = new Intl.NumberFormat(intlLocale(locale));
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <section aria-labelledby="upload-heading" className="mt-6">
        <h2 id="upload-heading" className="text-lg font-semibold">
          {t("uploadHeading")}
        </h2>
        <UploadForm
          // The upload route's refusal without JavaScript (?error=too-large), by its code (lib/validation/import.ts).
          error={typeof error === "string" && Object.hasOwn(uploadErrors, error) ? t(uploadErrors[error as keyof typeof uploadErrors]) : undefined}
          texts={{
            label: t("spreadsheet"),
            hint: t("uploadHint"),
            missing: t("uploadMissing"),
            sessionEnded: t("sessionEnded"),
            failed: t("uploadFailed"),
            cutOff: t("uploadCutOff"),
            submit: t("uploadAndCheck"),
            progress: t("upload"),
            uploading: t("uploading", { percent: "{percent}" }),
            storing: t("storing"),
          }}
        />
      </section>
      <section aria-labelledby="export-heading" className="mt-8">
        <h2 id="export-heading" className="text-lg font-semibold">
          {t("exportHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("exportIntro")}</p>
        <p className="mt-2 flex gap-4">
          <a href="/api/export?format=xlsx" className="font-medium text-brand-700 underline hover:no-underline" download>
            {t("downloadXlsx")}
          </a>
          <a href="/api/export?format=csv" className="font-medium text-brand-700 underline hover:no-underline" download>
            {t("downloadCsv")}
          </a>
        </p>
      </section>
      <section aria-labelledby="imports-heading" className="mt-8">
        <h2 id="imports-heading" className="text-lg font-semibold">
          {t("latestHeading")}
        </h2>
        <DataTable
          caption={t("latestCaption")}
          rows={imports}
          rowKey={(item) => item.id}
          empty={<EmptyState title={t("noImports")}>{t("noImportsHint")}</EmptyState>}
          columns={[
            {
              header: t("file"),
              cell: (item) => (
                <Link href={`/admin/imports/${item.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                  {item.fileName}
                </Link>
              ),
              className: "break-all",
            },
            { header: t("by"), cell: (item) => item.authorName ?? t("deletedAccount") },
            { header: t("uploaded"), cell: (item) => date.format(item.createdAt), className: "whitespace-nowrap" },
            { header: t("rows"), cell: (item) => (item.summary ? number.format(item.summary.rows) : "…") },
            { header: t("statusColumn"), cell: (item) => t("status", { status: item.status }) },
          ]}
        />
      </section>
    </>
  );
}
