import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Toast } from "@/components/ui/toast";
import { retryJob } from "@/lib/actions/jobs";
import { requireRole } from "@/lib/auth/session";
import { getJobsOverview, recentDays } from "@/lib/data/jobs";

export const metadata: Metadata = { title: "Background jobs", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const when = (date: Date | null) => (date ? time.format(date) : "—");

export default async function JobsPage({ searchParams }: Props) {
  const { user } = await requireRole(["ADMIN"], "/admin/jobs");
  const [{ queues, failed, undeliveredMail, workers }, params] = await Promise.all([getJobsOverview(user), searchParams]);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Background jobs</h1>
      <Toast message={params.retried ? "Queued again: a worker takes the job within seconds." : undefined} className="mt-4" />
      <p className="mt-2 text-slate-700">
        Work the web server hands to the worker process, such as e-mail. A job that fails is tried again later, several times; one that failed for good is listed here
        until it is {recentDays} days old.
      </p>
      {workers.running ? (
        <p className="mt-4 text-sm text-slate-700">
          {workers.running === 1 ? "1 worker is running" : `${workers.running} workers are running`}, last heard from {when(workers.lastHeardAt)} UTC.
        </p>
      ) : (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          No worker is running: jobs wait until one starts (<code>npm start</code> starts one beside the web server, <code>npm run worker</code> runs one alone).
        </p>
      )}

      <h2 className="mt-8 text-lg font-semibold">Queues</h2>
      <DataTable
        caption={`Jobs by queue: waiting, running, and failed or completed in the last ${recentDays} days`}
        rows={queues}
        rowKey={(queue) => queue.name}
        empty={<EmptyState title="No queues." />}
        columns={[
          { header: "Queue", cell: (queue) => queue.name },
          { header: "Waiting", cell: (queue) => queue.queued },
          { header: "Running", cell: (queue) => queue.active },
          { header: `Failed (${recentDays} days)`, cell: (queue) => queue.failed },
          { header: `Completed (${recentDays} days)`, cell: (queue) => queue.completed },
        ]}
      />

      <h2 className="mt-8 text-lg font-semibold">Failed jobs</h2>
      <DataTable
        caption="Jobs that failed after every retry, newest first (times in UTC)"
        rows={failed}
        rowKey={(job) => job.id}
        empty={<EmptyState title="No failed jobs." />}
        columns={[
          { header: "Failed (UTC)", cell: (job) => when(job.failedAt), className: "whitespace-nowrap" },
          { header: "Queue", cell: (job) => job.queue },
          { header: "Job", cell: (job) => job.about ?? <span className="font-mono text-xs">{job.id}</span>, className: "break-all" },
          { header: "Attempts", cell: (job) => job.attempts },
          { header: "Error", cell: (job) => job.error, className: "break-words" },
          {
            header: "Action",
            cell: (job) => (
              <ActionForm
                action={retryJob}
                fields={{ jobId: job.id }}
                submit={
                  <>
                    Retry<span className="sr-only"> {job.about ?? `the ${job.queue} job`}</span>
                  </>
                }
                pending="Retrying…"
              />
            ),
          },
        ]}
      />

      <h2 className="mt-8 text-lg font-semibold">Mail that could not be delivered</h2>
      <p className="text-sm text-slate-700">Each is also under Failed jobs, where it can be retried.</p>
      <DataTable
        caption="Messages the mail server did not take after every retry, newest first (times in UTC)"
        rows={undeliveredMail}
        rowKey={(mail) => mail.id}
        empty={<EmptyState title="No undelivered mail." />}
        columns={[
          { header: "Failed (UTC)", cell: (mail) => when(mail.failedAt), className: "whitespace-nowrap" },
          { header: "To", cell: (mail) => mail.to, className: "break-all" },
          { header: "Subject", cell: (mail) => mail.subject },
          { header: "Attempts", cell: (mail) => mail.attempts },
          { header: "Error", cell: (mail) => mail.error, className: "break-words" },
        ]}
      />
    </>
  );
}
