// Mail as a job, end to end on the real PostgreSQL and a real SMTP server: queued, sealed, sent by
// the worker, retried while the server refuses, and, when it never takes it, shown to an admin on
// the jobs page (recipient and subject, never the link) and retried from there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "@/e2e/smtp-server";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { pgQuery } from "@/scripts/lib/pg-client";
import { fastBoss, until } from "./fixtures/test-queues";

const run = crypto.randomUUID().slice(0, 8);
const schema = `pgboss_mail_${run}`;
const url = process.env.DATABASE_URL!;
// The app's set-password link: what must never reach the job table in clear, nor the jobs page.
const token = `token-${crypto.randomUUID()}`;
const link = `http://localhost:3000/set-password/${token}`;

/** Recipients the server refuses, for now (a temporary 451: the client is to try again later). */
const refused = new Map<string, number>();
let server: Awaited<ReturnType<typeof startSmtpServer>>;
let received: Awaited<ReturnType<typeof startSmtpServer>>["received"];

// Loaded once SMTP_URL is set: the configuration is read once, by the first module that asks.
let db: Db;
let admin: { id: string; role: "ADMIN" };
let jobs: typeof import("./index");
let data: typeof import("@/lib/data/jobs");

type JobRow = { id: string; state: string; retry_count: number; data: { to: string; link?: string } };
const mailJob = async (to: string) => (await pgQuery<JobRow>(url, `SELECT id, state, retry_count, data FROM "${schema}".job WHERE name = 'mail' AND data->>'to' = $1`, [to]))[0];


beforeAll(async () => {
  server = await startSmtpServer({
    refuse(address) {
      const left = refused.get(address) ?? 0;
      if (left === 0) return null;
      refused.set(address, left - 1);
      return { code: 451, message: "Mailbox busy, try again later" };
    },
  });
  received = server.received;
  process.env.SMTP_URL = server.url;
  process.env.MAIL_FROM = "PROVA test <directory@prova.test>";
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-that-is-at-least-32-characters";
  ({ db } = await import("@/lib/db"));
  jobs = await import("./index");
  data = await import("@/lib/data/jobs");
  // This process's runner works the app's queues in a schema of the test's own, every check each
  // second, one retry a second or two after a failure.
  await jobs.startWorkers({ schema, boss: fastBoss, pollSeconds: 0.5, queueSettings: { retryLimit: 1, retryDelay: 1 } });
  const user = await db.user.create({ data: { email: `jobs-admin-${run}@prova.test`, name: "Jobs Admin", role: "ADMIN" }, select: { id: true } });
  admin = { id: user.id, role: "ADMIN" };
});

afterAll(async () => {
  await jobs.stopJobs(1_000);
  await server.close();
  await pgQuery(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  if (admin) await db.auditEvent.deleteMany({ where: { actorId: admin.id } });
  await db.user.deleteMany({ where: { email: `jobs-admin-${run}@prova.test` } });
  await db.$disconnect();
});

describe("a mail job", () => {
  it("is delivered by the worker, the link sealed in the job table", async () => {
    const to = `new-${run}@prova.test`;
    expect(await jobs.queueMail({ kind: "password-link", to, name: "New Person", reason: "invite", validHours: 72, link })).toBe(true);
    const job = await until("the delivery", () => mailJob(to), (row) => row?.state === "completed");
    expect(job.data.link).toMatch(/^sealed\.v1\./);
    expect(JSON.stringify(job.data)).not.toContain(token);
    const mail = received.find((message) => message.to.includes(to))!;
    expect(mail.body).toContain("Subject: Your PROVA directory account");
    // (Quoted-printable: long lines are cut with "=".)
    expect(mail.body.replace(/=\r?\n/g, "")).toContain(link);
    // The job's id is the message's, so a retry after an unknown outcome is the same message.
    expect(mail.body).toContain(`Message-ID: <${job.id}@localhost>`);
  });

  it("is retried when the mail server refuses it at first, and then delivered once", async () => {
    const to = `busy-${run}@example.org`;
    refused.set(to, 1);
    await jobs.queueMail({ kind: "suggestion-outcome", to, name: "Sam", organisation: "S.A.V.E. BELGIUM", outcome: "rejected", note: "We could not confirm it.", language: "en" });
    const job = await until("the retry's delivery", () => mailJob(to), (row) => row?.state === "completed");
    expect(job.retry_count).toBe(1);
    const delivered = received.filter((message) => message.to.includes(to));
    expect(delivered).toHaveLength(1);
    expect(delivered[0].body).toContain("Subject: Your suggestion about S.A.V.E. BELGIUM");
    expect(delivered[0].body).toContain("We could not confirm it.");
  });
});

describe("mail that could not be delivered", () => {
  it("is shown to an admin with its recipient and subject, never the link, and a retry sends it", async () => {
    const to = `unreachable-${run}@prova.test`;
    refused.set(to, 2);
    await jobs.queueMail({ kind: "password-link", to, name: "Una Reachable", reason: "reset", validHours: 72, link });
    const failed = await until("the failure after every retry", () => mailJob(to), (row) => row?.state === "failed");
    expect(failed.retry_count).toBe(1);

    const overview = await data.getJobsOverview(admin);
    expect(overview.undeliveredMail).toContainEqual(
      expect.objectContaining({ id: failed.id, to, subject: "Choose a new password for the PROVA directory", attempts: 2, error: expect.stringContaining("Mailbox busy") }),
    );
    expect(overview.failed).toContainEqual(expect.objectContaining({ id: failed.id, queue: "mail", about: `Mail to ${to}: Choose a new password for the PROVA directory` }));
    expect(overview.queues.find((queue) => queue.name === "mail")).toMatchObject({ failed: 1 });
    expect(overview.workers.running).toBe(1);
    expect(JSON.stringify(overview)).not.toContain(token);
    expect(JSON.stringify(overview)).not.toContain("sealed.v1");

    await expect(data.retryFailedJob({ id: admin.id, role: "EDITOR" }, failed.id)).rejects.toThrow(ForbiddenError);
    await expect(data.getJobsOverview({ id: admin.id, role: "REVIEWER" })).rejects.toThrow(ForbiddenError);
    expect(await data.retryFailedJob(admin, failed.id)).toEqual({ queue: "mail" });
    // Taken at once (the retry wakes the worker) and delivered, the server willing now.
    const retried = await until("the retried delivery", () => mailJob(to), (row) => row?.state === "completed", 5_000);
    expect(retried.id).toBe(failed.id);
    expect(received.filter((message) => message.to.includes(to))).toHaveLength(1);
    // A job that is not failed (any more) is not retried again.
    await expect(data.retryFailedJob(admin, failed.id)).rejects.toThrow(NotFoundError);
    expect(await db.auditEvent.count({ where: { actorId: admin.id, action: "job.retried", subject: `job:${failed.id}` } })).toBe(1);
  });
});
