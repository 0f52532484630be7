import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Toast } from "@/components/ui/toast";
import { retryJob } from "@/lib/actions/jobs";
import { currentSession, requireRole } from "@/lib/auth/session";
import { getJobsOverview, recentDays } from "@/lib/data/jobs";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Jobs" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JobsPage({ searchParams }: Props) {
  const { user } = await requireRole(["ADMIN"], "/admin/jobs");
  const locale = user.language ?? defaultLocale;
  const [{ queues, failed, undeliveredMail, workers }, params, t] = await Promise.all([getJobsOverview(user), searchParams, getTranslations({ locale, namespace: "Jobs" })]);
  // English times as the admin has always written them (3 Mar 2026, 14:05:09).
  const time = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const when = (date: Date | null) => (date ? time.format(date) : "—");
  const days = { days: recentDays };
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <Toast message={params.retried ? t("retried") : undefined} className="mt-4" />
      <p className="mt-2 text-slate-700">{t("intro", days)}</p>
      {workers.running ? (
        <p className="mt-4 text-sm text-slate-700">{t("workersRunning", { count: workers.running, time: when(workers.lastHeardAt) })}</p>
      ) : (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          {t.rich("noWorker", { start: "npm start", worker: "npm run worker", code: (chunks) => <code>{chunks}</code> })}
        </p>
      )}

      <h2 className="mt-8 text-lg font-semibold">{t("queues")}</h2>
      <DataTable
        caption={t("queuesCaption", days)}
        rows={queues}
        rowKey={(queue) => queue.name}
        empty={<EmptyState title={t("noQueues")} />}
        columns={[
          { header: t("queue"), cell: (queue) => queue.name },
          { header: t("waiting"), cell: (queue) => queue.queued },
          { header: t("running"), cell: (queue) => queue.active },
          { header: t("failedRecent", days), cell: (queue) => queue.failed },
          { header: t("completedRecent", days), cell: (queue) => queue.completed },
        ]}
      />

      <h2 className="mt-8 text-lg font-semibold">{t("failedJobs")}</h2>
      <DataTable
        caption={t("failedCaption")}
        rows={failed}
        rowKey={(job) => job.id}
        empty={<EmptyState title={t("noFailed")} />}
        columns={[
          { header: t("failedAt"), cell: (job) => when(job.failedAt), className: "whitespace-nowrap" },
          { header: t("queue"), cell: (job) => job.queue },
          { header: t("job"), cell: (job) => job.about ?? <span className="font-mono text-xs">{job.id}</span>, className: "break-all" },
          { header: t("attempts"), cell: (job) => job.attempts },
          { header: t("error"), cell: (job) => job.error, className: "break-words" },
          {
            header: t("action"),
            cell: (job) => (
              <ActionForm
                action={retryJob}
                fields={{ jobId: job.id }}
                submit={
                  // Shows "Retry"; a screen reader hears which job (a whole message each).
                  <>
                    <span aria-hidden="true">{t("retry")}</span>
                    <span className="sr-only">{job.about ? t("retryJob", { job: job.about }) : t("retryQueueJob", { queue: job.queue })}</span>
                  </>
                }
                pending={t("retrying")}
              />
            ),
          },
        ]}
      />

      <h2 className="mt-8 text-lg font-semibold">{t("undelivered")}</h2>
      <p className="text-sm text-slate-700">{t("undeliveredIntro")}</p>
      <DataTable
        caption={t("undeliveredCaption")}
        rows={undeliveredMail}
        rowKey={(mail) => mail.id}
        empty={<EmptyState title={t("noUndelivered")} />}
        columns={[
          { header: t("failedAt"), cell: (mail) => when(mail.failedAt), className: "whitespace-nowrap" },
          { header: t("to"), cell: (mail) => mail.to, className: "break-all" },
          { header: t("subject"), cell: (mail) => mail.subject },
          { header: t("attempts"), cell: (mail) => mail.attempts },
          { header: t("error"), cell: (mail) => mail.error, className: "break-words" },
        ]}
      />
    </>
  );
}
