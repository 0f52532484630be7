import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportRows, importOutcomes } from "@/components/imports/import-rows";
import { JobProgress } from "@/components/imports/job-progress";
import { RejectImportForm } from "@/components/imports/reject-form";
import { SettingsForm } from "@/components/imports/settings-form";
import { ActionForm } from "@/components/ui/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { decideImportAction, sendImportAction } from "@/lib/actions/imports";
import { currentSession, requireRole } from "@/lib/auth/session";
import { getImport, listImportRows } from "@/lib/data/import-batches";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";
import { validationTranslator } from "@/lib/i18n/validation";
import { resolveColumns, suggestMapping } from "@/lib/import/mapping";
import { columnLetter } from "@/lib/import/read";
import { idOrUndefined } from "@/lib/validation/ids";
import { settingsTexts } from "./settings-texts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Imports" });
  return { title: t("importTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const rowsPerPage = 100;

export default async function ImportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const session = await requireRole(["EDITOR", "REVIEWER", "ADMIN"], `/admin/imports/${id}`);
  const locale = session.user.language ?? defaultLocale;
  const [batch, t, admin, kinds, localise] = await Promise.all([
    idOrUndefined(id) ? getImport(id) : null,
    getTranslations({ locale, namespace: "Imports" }),
    getTranslations({ locale, namespace: "Admin" }),
    getTranslations({ locale, namespace: "Kinds" }),
    // The import's failure and problems are stored in English (lib/import, lib/data/import-steps.ts): said in the reader's language.
    validationTranslator(locale),
  ]);
  if (!batch) notFound();
  const number = new Intl.NumberFormat(intlLocale(locale));
  const count = (value: number | undefined) => number.format(value ?? 0);
  const query = await searchParams;
  const outcome = first(query.outcome);
  const filter = importOutcomes.find((each) => each === outcome);
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
  const base = `/admin/imports/${batch.id}`;
  const progress = t("progress", { status: batch.status });
  const total = batch.status === "CHECKING" ? null : batch.total;

  return (
    <>
      <Breadcrumb href="/admin/imports" label={t("title")} current={batch.fileName} />
      <h1 className="mt-2 text-2xl font-bold break-all text-brand-900">{batch.fileName}</h1>
      <p className="mt-1 text-slate-700">
        {[
          t("status", { status: batch.status }),
          batch.authorName ? t("uploadedBy", { author: batch.authorName }) : t("uploadedByDeleted"),
          t("fileSize", { size: (batch.fileSize / 1024).toLocaleString(intlLocale(locale), { maximumFractionDigits: 0 }) }),
          ...(batch.facts
            ? [
                batch.facts.sheet
                  ? t("readSheet", { format: batch.facts.format.toUpperCase(), sheet: batch.facts.sheet, row: String(batch.facts.headerRow) })
                  : t("read", { format: batch.facts.format.toUpperCase(), row: String(batch.facts.headerRow) }),
              ]
            : []),
        ].join(" · ")}
      </p>

      {running ? (
        <JobProgress
          label={progress}
          text={total ? t("progressOf", { label: progress, done: batch.done, total }) : t("progressSoFar", { label: progress, done: batch.done })}
          hint={t("progressHint")}
          done={batch.done}
          total={total}
        />
      ) : null}
      {batch.failure ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {localise(batch.failure)}
        </p>
      ) : null}
      {batch.problems.length > 0 && !running ? (
        <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">{t("problemsHeading")}</p>
          <ul className="mt-1 list-disc pl-5">
            {batch.problems.map((problem) => (
              <li key={problem}>{localise(problem)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {summary && !running && batch.problems.length === 0 ? (
        <section aria-labelledby="summary-heading" className="mt-6">
          <h2 id="summary-heading" className="text-lg font-semibold">
            {batch.sentAt ? t("summarySent") : t("summaryPlanned")}
          </h2>
          <dl className="mt-2 grid grid-cols-3 gap-3 sm:grid-cols-6">
            {(
              [
                [t("rows"), summary.rows],
                [t("new"), summary.creates],
                [t("updates"), summary.updates],
                [t("unchanged"), summary.unchanged],
                [t("duplicates"), summary.duplicates],
                [t("withErrors"), summary.errors + (summary.failed ?? 0)],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
                <dt className="text-sm text-slate-600">{label}</dt>
                <dd className="text-xl font-semibold">{count(value)}</dd>
              </div>
            ))}
          </dl>
          {batch.sentAt ? <p className="mt-2">{t("sentLine", { sent: summary.sent ?? 0, waiting: batch.waiting, approved: summary.approved ?? 0, rejected: summary.rejected ?? 0 })}</p> : null}
          {summary.errors + (summary.failed ?? 0) > 0 ? (
            <p className="mt-2 flex flex-wrap gap-4">
              <span>{t("errorsDownload")}</span>
              <a href={`/api/imports/${batch.id}/errors?format=xlsx`} className="font-medium text-brand-700 underline hover:no-underline" download>
                {t("downloadExcel")}
              </a>
              <a href={`/api/imports/${batch.id}/errors?format=csv`} className="font-medium text-brand-700 underline hover:no-underline" download>
                {t("downloadCsv")}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {author && batch.status === "CHECKED" && batch.problems.length === 0 && proposes > 0 ? (
        <ActionForm
          action={sendImportAction}
          fields={{ batchId: batch.id }}
          submit={t("send", { count: proposes })}
          pending={t("sending")}
          variant="primary"
          className="mt-6"
          confirmation={{
            title: t("sendTitle", { count: proposes }),
            description: t("sendDescription", { creates: summary?.creates ?? 0, updates: summary?.updates ?? 0 }),
            confirm: t("sendConfirm"),
            cancel: admin("cancel"),
            variant: "primary",
          }}
        />
      ) : null}
      {author && batch.status === "CHECKED" && summary && proposes === 0 && batch.problems.length === 0 ? <p className="mt-6">{t("nothingToSend")}</p> : null}
      {batch.status === "IN_REVIEW" && batch.waiting > 0 ? (
        reviewer && !author ? (
          <section aria-labelledby="decide-heading" className="mt-6 space-y-4 rounded-md border border-slate-200 p-4">
            <h2 id="decide-heading" className="text-lg font-semibold">
              {t("decideHeading", { count: batch.waiting })}
            </h2>
            <p className="text-sm text-slate-600">{t("decideHint")}</p>
            <ActionForm
              action={decideImportAction}
              fields={{ batchId: batch.id, decision: "approve" }}
              submit={t("approveAll")}
              pending={t("approving")}
              variant="primary"
              confirmation={{ title: t("approveTitle", { count: batch.waiting }), description: t("approveDescription"), confirm: t("approveAll"), cancel: admin("cancel"), variant: "primary" }}
            />
            <RejectImportForm
              batchId={batch.id}
              texts={{
                title: t("rejectTitle", { count: batch.waiting }),
                description: t("rejectDescription"),
                confirm: t("rejectConfirm"),
                cancel: admin("cancel"),
                reason: t("rejectReason"),
                submit: t("rejectAll"),
                pending: t("rejecting"),
              }}
            />
          </section>
        ) : (
          <p className="mt-6">{author ? t("ownImport") : t("reviewerDecides")}</p>
        )
      ) : null}

      {author && (batch.status === "CHECKED" || batch.status === "FAILED") ? (
        <section aria-labelledby="settings-heading" className="mt-8">
          <h2 id="settings-heading" className="sr-only">
            {t("settings")}
          </h2>
          <SettingsForm
            batchId={batch.id}
            format={batch.facts?.format ?? "csv"}
            detected={batch.facts ?? { encoding: null, delimiter: null, sheet: null, headerRow: 1 }}
            sheets={batch.facts?.sheets ?? []}
            settings={batch.settings}
            columns={batch.headers.map((header, index) => {
              const letter = columnLetter(index);
              return { letter, label: header ? t("column", { letter, header }) : t("columnNoHeader", { letter }), field: fields[index] };
            })}
            defaults={mapping.defaults}
            kinds={Object.values(OrganisationKind).map((kind) => ({ code: kind.toLowerCase(), label: kinds(kind) }))}
            texts={settingsTexts(t, locale, batch.facts ?? { encoding: null, delimiter: null, headerRow: 1 })}
          />
        </section>
      ) : null}

      {!running && batch.status !== "FAILED" ? (
        <ImportRows locale={locale} base={base} rows={shown} filter={filter} after={after} next={next} reviewLinks={reviewer && !author} />
      ) : null}
    </>
  );
}
