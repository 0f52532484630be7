// The job queue on the real PostgreSQL: retries with backoff, sending inside a Prisma transaction,
// a schedule across two instances, a worker killed mid-job, a graceful stop. Each test file keeps
// pg-boss in a schema of its own, dropped at the end.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { pgQuery } from "@/scripts/lib/pg-client";
import { fastBoss, slowQueue, until } from "./fixtures/test-queues";
import { defineQueue, JobRunner, type Queues } from "./runner";

const schema = `pgboss_test_${crypto.randomUUID().slice(0, 8)}`;
const url = process.env.DATABASE_URL!;
const runners: JobRunner<Queues>[] = [];
const children: ChildProcess[] = [];

function runner<Q extends Queues>(queues: Q, options: { role?: "worker" | "sender" } = {}) {
  const created = new JobRunner(queues, { connectionString: url, schema, role: options.role ?? "worker", boss: fastBoss, pollSeconds: 0.5 });
  runners.push(created as unknown as JobRunner<Queues>);
  return created;
}

type JobRow = { id: string; name: string; state: string; retry_count: number; output: unknown; data: unknown; created_on: Date };
const rowsOf = (name: string) => pgQuery<JobRow>(url, `SELECT id, name, state, retry_count, output, data, created_on FROM "${schema}".job WHERE name = $1 ORDER BY created_on`, [name]);
const jobById = async (id: string) => (await pgQuery<JobRow>(url, `SELECT id, name, state, retry_count, output, data, created_on FROM "${schema}".job WHERE id = $1`, [id]))[0];


afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await Promise.all(runners.map((each) => each.stop(1_000).catch(() => {})));
  await pgQuery(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.$disconnect();
});

describe("retries", () => {
  it("retries a failed job after a delay that grows (backoff), then it succeeds", async () => {
    const attempts: number[] = [];
    const jobs = runner({
      flaky: defineQueue({
        data: z.strictObject({ n: z.number() }),
        settings: { retryLimit: 3, retryDelay: 1, retryBackoff: true },
        async handle() {
          attempts.push(Date.now());
          if (attempts.length < 3) throw new Error(`attempt ${attempts.length} fails`);
          return { done: true };
        },
      }),
    });
    await jobs.work();
    const id = (await jobs.enqueue("flaky", { n: 1 }))!;
    const finished = await until("the third attempt", () => jobById(id), (job) => job.state === "completed");
    expect(finished.retry_count).toBe(2);
    expect(finished.output).toEqual({ done: true });
    expect(attempts).toHaveLength(3);
    // Backoff: the first retry waits 1–2 s, the second 2–4 s (retryDelay × 2^n, with jitter).
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(1_000);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(2_000);
  });

  it("fails a job whose data does not fit the queue's format for good, at once, saying why", async () => {
    const handled: unknown[] = [];
    const jobs = runner({ strict: defineQueue({ data: z.strictObject({ n: z.number() }), settings: { retryLimit: 5, retryDelay: 1 }, handle: async (data) => handled.push(data) }) });
    await jobs.work();
    // Written past the format check, as an older release or a hand-written row would.
    const id = (await jobs.boss.send("strict", { n: "one" }))!;
    const failed = await until("the failure", () => jobById(id), (job) => job.state === "failed");
    expect(failed.retry_count).toBe(0);
    expect(JSON.stringify(failed.output)).toContain("does not fit the strict queue's format");
    expect(handled).toEqual([]);
    await expect(jobs.enqueue("strict", { n: "one" } as unknown as { n: number })).rejects.toThrow();
  });
});

describe("sending inside a Prisma transaction", () => {
  it("delivers a job whose transaction commits, never one whose transaction rolls back", async () => {
    const received: string[] = [];
    const jobs = runner({ echo: defineQueue({ data: z.strictObject({ word: z.string() }), settings: { retryLimit: 0 }, handle: async ({ word }) => received.push(word) }) });
    await jobs.work();
    await expect(
      db.$transaction(async (tx) => {
        await jobs.enqueue("echo", { word: "rolled back" }, { tx });
        throw new Error("the change fails after the job was sent");
      }),
    ).rejects.toThrow("the change fails");
    const committed = await db.$transaction(async (tx) => {
      const id = await jobs.enqueue("echo", { word: "committed" }, { tx });
      // Not visible to anyone (a worker included) before the commit.
      expect(await pgQuery(url, `SELECT 1 FROM "${schema}".job WHERE id = $1`, [id])).toHaveLength(0);
      return id!;
    });
    await until("the committed job", () => jobById(committed), (job) => job?.state === "completed");
    // A few of the worker's polls later, still only the committed one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(received).toEqual(["committed"]);
    expect((await rowsOf("echo")).map((job) => (job.data as { word: string }).word)).toEqual(["committed"]);
  });
});

describe("schedules", () => {
  it("a per-minute schedule registered by two instances on one database sends one job per minute", { timeout: 90_000 }, async () => {
    // pg-boss's cron resolution is a minute: the test sees the current minute's job, then waits for
    // the next minute's (up to ~65 s).
    const handledBy: string[] = [];
    const queue = (instance: string) => ({
      tick: defineQueue({ data: z.strictObject({}), settings: { retryLimit: 0 }, schedule: { cron: "* * * * *", data: {} }, handle: async () => handledBy.push(instance) }),
    });
    const a = runner(queue("a"));
    const b = runner(queue("b"));
    await Promise.all([a.work(), b.work()]);
    const [first] = await until("the first minute's job", () => rowsOf("tick"), (rows) => rows.length >= 1, 15_000);
    const nextMinute = Math.floor(new Date(first.created_on).getTime() / 60_000 + 1) * 60_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextMinute - Date.now()) + 6_000));
    const rows = await until("both jobs to be done", () => rowsOf("tick"), (list) => list.every((job) => job.state === "completed"), 10_000);
    const minutes = rows.map((job) => Math.floor(new Date(job.created_on).getTime() / 60_000));
    expect(minutes).toEqual([minutes[0], minutes[0] + 1]);
    expect(handledBy).toHaveLength(2);
  });
});

describe("a worker that dies", () => {
  it("a job whose worker process is killed (SIGKILL) mid-job is handed to another worker and finishes", { timeout: 60_000 }, async () => {
    const finishedBy: string[] = [];
    // This instance watches heartbeats (supervise) but works nothing until the other worker is dead.
    const survivor = runner({ slow: slowQueue(async ({ label }) => finishedBy.push(label)) });
    await survivor.start();
    const id = (await survivor.enqueue("slow", { label: "killed mid-job" }))!;
    // One process (tsx as a loader, not its CLI, which would outlive a SIGKILL in a child of its own).
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve("lib/jobs/fixtures/killable-worker.ts")], {
      env: { ...process.env, JOBS_TEST_SCHEMA: schema },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk;
        if (output.includes(`started ${id}`)) resolve();
      });
      child.on("exit", () => reject(new Error(`The worker process ended before its job started: ${output}`)));
    });
    expect((await jobById(id)).state).toBe("active");
    child.kill("SIGKILL");
    const killedAt = Date.now();
    await survivor.work();
    const done = await until("the job to finish elsewhere", () => jobById(id), (job) => job.state === "completed", 40_000);
    expect(done.retry_count).toBe(1);
    expect(finishedBy).toEqual(["killed mid-job"]);
    // Handed back once its heartbeat (10 s here, 30 s in the app) was missed.
    expect(Date.now() - killedAt).toBeLessThan(30_000);
  });
});

describe("graceful stop", () => {
  it("lets a job under way finish, and hands back one that outlasts the timeout", { timeout: 30_000 }, async () => {
    const started = new Set<string>();
    const jobs = runner({
      paced: defineQueue({
        data: z.strictObject({ ms: z.number() }),
        settings: { retryLimit: 2, retryDelay: 60 },
        async handle({ ms }, job) {
          started.add(job.id);
          await new Promise((resolve) => setTimeout(resolve, ms));
          return { sleptMs: ms };
        },
      }),
    });
    await jobs.work();
    const short = (await jobs.enqueue("paced", { ms: 1_500 }))!;
    await until("the job to start", async () => started.has(short), Boolean);
    await jobs.stop(10_000);
    expect(await jobById(short)).toMatchObject({ state: "completed", output: { sleptMs: 1_500 } });

    const again = runner({ paced: jobs.queues.paced });
    await again.work();
    const long = (await again.enqueue("paced", { ms: 20_000 }))!;
    await until("the long job to start", async () => started.has(long), Boolean);
    await again.stop(1_000);
    // Back in the queue, for a later attempt (after its retry delay), with why.
    const handedBack = await jobById(long);
    expect(handedBack.state).toBe("retry");
    expect(JSON.stringify(handedBack.output)).toContain("shut down");
  });
});
