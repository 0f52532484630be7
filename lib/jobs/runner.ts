// The job queue: pg-boss in the app's own PostgreSQL (schema `pgboss`, which pg-boss creates and
// migrates itself when it starts; the Prisma migrations never touch it). One JobRunner per process:
// a web server only sends jobs and reads them for the admin page ("sender"); the worker process
// also works them, runs the schedules and hands back the jobs of workers that died ("worker").
import { PgBoss, fromPrisma, type ConstructorOptions, type Job, type JobResult, type PrismaTransactionLike, type Queue } from "pg-boss";
import type { z } from "zod";

/** A queue's pg-boss settings: retries and their backoff, expiry, heartbeat, retention, policy. */
export type QueueSettings = Omit<Queue, "name">;

/**
 * One kind of job: the format of its data (parsed again by the worker: stored JSON is input like any
 * other), its settings, its handler, and optionally a schedule. A handler must be idempotent: a job
 * runs at least once, and again after a failure, a worker that died, or a retry from the jobs page.
 */
export type QueueDefinition<Schema extends z.ZodType = z.ZodType> = {
  data: Schema;
  settings: QueueSettings;
  /** Resolves with the job's output when done; throws to fail the attempt (retried with backoff). */
  handle(data: z.output<Schema>, job: Job<unknown>): Promise<unknown>;
  /** Jobs of this queue one worker process runs at once (1). */
  concurrency?: number;
  /** What a job is about, for the admin page (never a secret it carries). */
  describe?(data: z.output<Schema>): string;
  /** A cron expression (UTC) on which a job is sent, once per occurrence across every worker. */
  schedule?: { cron: string; data: z.input<Schema> };
};

export type Queues = Record<string, QueueDefinition>;

export const defineQueue = <Schema extends z.ZodType>(definition: QueueDefinition<Schema>) => definition;

export type Role = "sender" | "worker";

export type RunnerOptions = {
  connectionString: string;
  role: Role;
  /** Where pg-boss keeps its tables ("pgboss"); tests use a schema of their own. */
  schema?: string;
  /** pg-boss's own options over the defaults below (tests shorten the intervals). */
  boss?: Partial<ConstructorOptions>;
  /** Settings over every queue's own (tests shorten retry delays and heartbeats). */
  queueSettings?: Partial<QueueSettings>;
  /** How often an idle worker looks for jobs, in seconds: the backstop behind NOTIFY (30). */
  pollSeconds?: number;
  log?: Pick<Console, "error" | "warn" | "log">;
};

export type EnqueueOptions = {
  /** Send inside this Prisma transaction: the job exists only if the transaction commits. */
  tx?: PrismaTransactionLike;
  /** With `singletonSeconds`: at most one job per key in that window (the others are dropped). */
  singletonKey?: string;
  singletonSeconds?: number;
  /** Not before this time (or this many seconds from now). */
  startAfter?: Date | number;
};

/** The schema pg-boss lives in, in the app's database. */
export const defaultSchema = "pgboss";

/**
 * Defaults chosen for a quiet database: workers wake on NOTIFY when a job is sent (each queue has
 * `notify`) and poll only as a backstop; the checks that hand back the jobs of a dead worker
 * (heartbeats) and fire schedules run every 30 s; what this app does not use (flows, background
 * migrations) is looked at rarely.
 */
function bossOptions({ connectionString, role, schema = defaultSchema, boss }: RunnerOptions): ConstructorOptions {
  const common: ConstructorOptions = {
    connectionString,
    schema,
    application_name: `prova-jobs-${role}`,
    // Installs the schema when it is missing and migrates it after an upgrade of pg-boss.
    migrate: true,
    bamIntervalSeconds: 600,
    // No OpenTelemetry SDK is registered; this stores no trace context on jobs either.
    openTelemetry: { enabled: false },
  };
  const sender: ConstructorOptions = { ...common, max: 2, supervise: false, schedule: false, registerInstance: false, queueCacheIntervalSeconds: 300 };
  const worker: ConstructorOptions = {
    ...common,
    max: 4,
    supervise: true,
    superviseIntervalSeconds: 30,
    monitorIntervalSeconds: 30,
    schedule: true,
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: 30,
    flowIntervalSeconds: 300,
    useListenNotify: true,
    notifyHeartbeatIntervalMs: 30_000,
    registerInstance: true,
    instanceName: "prova-worker",
    instanceHeartbeatSeconds: 60,
  };
  return { ...(role === "worker" ? worker : sender), ...boss };
}

/** The settings updateQueue takes: all but the policy and partitioning. */
function changeable(settings: QueueSettings): Omit<QueueSettings, "policy" | "partition"> {
  const copy = { ...settings };
  delete copy.policy;
  delete copy.partition;
  return copy;
}

export class JobRunner<Q extends Queues> {
  readonly boss: PgBoss;
  readonly schema: string;
  private readonly log: Pick<Console, "error" | "warn" | "log">;
  private started: Promise<void> | null = null;

  constructor(
    readonly queues: Q,
    private readonly options: RunnerOptions,
  ) {
    this.schema = options.schema ?? defaultSchema;
    this.log = options.log ?? console;
    this.boss = new PgBoss(bossOptions(options));
    // Without a listener an "error" event would throw; pg-boss reports and carries on.
    this.boss.on("error", (error) => this.log.error(`[jobs] ${error.message}`));
    this.boss.on("warning", (warning) => this.log.warn(`[jobs] ${warning.message}`));
  }

  get role(): Role {
    return this.options.role;
  }

  settingsOf(name: keyof Q & string): QueueSettings {
    return { ...this.queues[name].settings, ...this.options.queueSettings };
  }

  /** Starts pg-boss (installing or migrating its schema) and makes sure every queue exists. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      for (const name of Object.keys(this.queues)) {
        const settings = this.settingsOf(name);
        await this.boss.createQueue(name, settings);
        // createQueue leaves an existing queue as it is: the worker brings it up to date.
        // (Its policy and partitioning are fixed when it is created.)
        if (this.role === "worker") await this.boss.updateQueue(name, changeable(settings));
      }
    })().catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }

  /**
   * Sends a job, its data checked against the queue's format first. With `tx` the job is written by
   * that Prisma transaction, so it commits or rolls back with the change that caused it.
   */
  async enqueue<N extends keyof Q & string>(name: N, data: z.input<Q[N]["data"]>, { tx, singletonKey, singletonSeconds, startAfter }: EnqueueOptions = {}): Promise<string | null> {
    const checked = this.queues[name].data.parse(data) as object;
    await this.start();
    return this.boss.send(name, checked, { singletonKey, singletonSeconds, startAfter, db: tx ? fromPrisma(tx) : undefined });
  }

  /** Works every queue, and keeps the schedules as the definitions say (worker role only). */
  async work(): Promise<void> {
    if (this.role !== "worker") throw new Error("Only a worker runner works jobs.");
    await this.start();
    const pollSeconds = this.options.pollSeconds ?? 30;
    for (const [name, definition] of Object.entries(this.queues)) {
      const options = {
        batchSize: 1,
        localConcurrency: definition.concurrency ?? 1,
        pollingIntervalSeconds: pollSeconds,
        notifyPollingIntervalSeconds: pollSeconds,
        perJobResults: true,
      } as const;
      await this.boss.work(name, options, async (jobs): Promise<JobResult[]> => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          const parsed = definition.data.safeParse(job.data);
          // Data that does not fit the format would fail the same way on every retry: failed for good at once.
          if (!parsed.success) {
            results.push({ id: job.id, status: "deadletter", output: { message: `The job's data does not fit the ${name} queue's format: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`).join("; ")}` } });
            continue;
          }
          // A throw fails the batch (of one): pg-boss retries it after the queue's delay.
          const output = await definition.handle(parsed.data, job);
          results.push({ id: job.id, status: "completed", output });
        }
        return results;
      });
    }
    for (const [name, definition] of Object.entries(this.queues)) {
      if (definition.schedule) {
        await this.boss.schedule(name, definition.schedule.cron, definition.data.parse(definition.schedule.data) as object, { tz: "UTC" });
      }
    }
    // A schedule whose definition was removed stops.
    for (const schedule of await this.boss.getSchedules()) {
      if (schedule.name in this.queues && !this.queues[schedule.name].schedule) await this.boss.unschedule(schedule.name, schedule.key);
    }
  }

  /**
   * Stops taking jobs; jobs under way get `timeoutMs` to finish, after which they are failed with
   * "pg-boss shut down while active" and retried later by another worker (or this one, restarted).
   */
  async stop(timeoutMs = 20_000): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: timeoutMs });
    this.started = null;
  }

  /** A table of pg-boss's schema, quoted for SQL: `table("job")`. */
  table(name: string): string {
    return `"${this.schema}".${name}`;
  }

  /** Runs SQL on pg-boss's own connection pool (the admin page's reads). */
  async query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
    await this.start();
    const { rows } = await this.boss.getDb().executeSql(text, values);
    return rows as Row[];
  }
}
