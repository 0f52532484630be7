// Environment, parsed once with zod. Every variable is documented in .env.example.
import { z } from "zod";

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL, e.g. postgresql://user:password@localhost:5432/prova" })
  .optional();

const launcherSchema = z.object({
  DATABASE_URL: postgresUrl,
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be the site's public http(s) URL, e.g. https://directory.example.org" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
  PROVA_DATA_DIR: z.string().min(1).optional(),
  LOGIN_MAX_FAILURES: z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(15),
  AUDIT_RETENTION_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(90),
  TRUSTED_PROXY_HOPS: z.coerce.number({ error: "must be a number" }).int().min(0, "must be 0 or more").default(0),
  SUGGESTION_MAX_PER_HOUR: z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(5),
  // Posts of the suggestion form, valid or not: higher, so that mistakes do not use up the above.
  SUGGESTION_MAX_ATTEMPTS_PER_HOUR: z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(30),
  SUGGESTION_RETENTION_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(90),
  // The link checker (lib/links, lib/jobs/links.ts): days between two checks of a link, and hosts
  // that may resolve to private addresses (an intranet; tests), comma-separated.
  LINK_CHECK_INTERVAL_DAYS: z.coerce.number({ error: "must be a number" }).min(1, "must be at least 1").default(7),
  LINK_CHECK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean)),
  // Months after its last verification (or its creation) before a listing is due for checking again.
  VERIFICATION_INTERVAL_MONTHS: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(120, "must be at most 120").default(12),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.org" }).optional(),
  MAIL_FROM: z.string().min(3).default("PROVA directory <no-reply@localhost>"),
  // Read by next.config.js and lib/cache-handler.js; checked here so a bad value stops the start.
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL, e.g. redis://localhost:6379" }).optional(),
  DEPLOYMENT_ID: z.string().regex(/^[\w.-]{1,64}$/, "must be 1 to 64 letters, digits, '.', '_' or '-'").optional(),
  CACHE_KEY_PREFIX: z.string().regex(/^[\w.-]{1,64}$/, "must be 1 to 64 letters, digits, '.', '_' or '-'").optional(),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((value) => [16, 24, 32].includes(Buffer.from(value, "base64").length), "must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)")
    .optional(),
});

const serverSchema = launcherSchema.extend({
  DATABASE_URL: postgresUrl.unwrap(),
});

export type LauncherEnv = z.infer<typeof launcherSchema>;
export type ServerEnv = z.infer<typeof serverSchema>;

export class EnvError extends Error {}

function parse<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  // An empty variable (e.g. `PORT=` in a .env file) means "not set".
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return issue.code === "invalid_type" && !(name in values) ? `${name} is not set` : `${name} ${issue.message}`;
  });
  throw new EnvError(`Invalid configuration:\n  - ${lines.join("\n  - ")}\nSee .env.example.`);
}

/** The variables the launcher (npm start, npm test) accepts; everything is optional. */
export function launcherEnv(source: Record<string, string | undefined> = process.env): LauncherEnv {
  return parse(launcherSchema, source);
}

// A production server never runs on an empty key, however it was started (npm start, node
// server.js, next start). `next build` also runs with NODE_ENV=production but signs nothing.
const productionSchema = serverSchema.refine((env) => env.NEXTAUTH_SECRET !== undefined, {
  path: ["NEXTAUTH_SECRET"],
  message: "must be set in production: at least 32 characters (generate one with: openssl rand -base64 32)",
});

/**
 * The variables the running app needs, read from `source`: in production NEXTAUTH_SECRET too.
 * `next build` reads no database (lib/build-phase.ts) and signs nothing, so it needs neither.
 */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  if (source.NEXT_PHASE === "phase-production-build") return { ...parse(launcherSchema, source), DATABASE_URL: source.DATABASE_URL ?? "" };
  return parse(source.NODE_ENV === "production" ? productionSchema : serverSchema, source);
}

let cached: ServerEnv | undefined;

/** The variables the running app needs. The launcher fills in DATABASE_URL for the embedded database. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The site's public URL without a trailing slash (APP_URL, or http://localhost:PORT). */
export function appUrl(): string {
  const env = serverEnv();
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
