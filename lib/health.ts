// Whether PostgreSQL answers, as the proxy sees it, refreshed in the background by a `SELECT 1`
// on a connection of its own: every 5 s while the database is up, every second while it is down
// (or one probe failed). It is down after two failures in a row, a probe's or a request's that
// lost its connection or timed out (reported from instrumentation.ts's onRequestError, which also
// probes at once), so that one slow answer on a busy machine does not turn requests away, and a
// database that hangs is noticed within seconds. Requests never wait for the probe; they get the
// last answer. The state lives on globalThis: the proxy and the render code are bundled apart
// and would otherwise each have their own.
import pg from "pg";
import { plainAnswer } from "@/lib/security/plain-page.js";

const upInterval = 5_000;
const downInterval = 1_000;
/** A probe that has not answered by then counts as a failure. */
const probeTimeout = 2_000;

type HealthState = { up: boolean; failures: number; checkedAt: number; probing: boolean };
const globalForHealth = globalThis as unknown as { provaHealth?: HealthState };
const state = (globalForHealth.provaHealth ??= { up: true, failures: 0, checkedAt: 0, probing: false });

function failed(reason: string) {
  state.failures++;
  if (state.up && state.failures >= 2) {
    console.error(`[health] the database does not answer (${reason}): dynamic pages and the API answer 503 until it does.`);
    state.up = false;
  }
}

async function probe(url: string) {
  state.probing = true;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: probeTimeout, query_timeout: probeTimeout });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    if (!state.up) console.error("[health] the database answers again.");
    state.up = true;
    state.failures = 0;
  } catch (error) {
    failed((error as Error).message);
  } finally {
    state.checkedAt = Date.now();
    state.probing = false;
    // Not awaited: a server that hangs never acknowledges the end of the connection.
    void client.end().catch(() => {});
  }
}

/** The last known state of the database; starts a probe when that is older than its interval. */
export function databaseUp(url = process.env.DATABASE_URL): boolean {
  if (!url) return true;
  if (!state.probing && Date.now() - state.checkedAt >= (state.up && state.failures === 0 ? upInterval : downInterval)) void probe(url);
  return state.up;
}

/** Errors that say the database did not answer (not that it refused a statement). */
const unreachable = /timeout|timed out|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|Connection terminated|connection (?:is )?closed|Can't reach database|the database system is (?:starting up|shutting down)/i;

/** Whether an error (or one it wraps) is the database not answering. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { message, code } = cause as { message?: unknown; code?: unknown };
    const text = `${typeof code === "string" ? code : ""} ${typeof message === "string" ? message : ""}`;
    // PostgreSQL cancelled a statement that ran too long: it answered.
    if (/statement timeout|57014/.test(text)) return false;
    if (unreachable.test(text)) return true;
  }
  return false;
}

/** A request failed because the database did not answer: counts as a failure and probes at once. */
export function reportDatabaseError(error: unknown, url = process.env.DATABASE_URL): void {
  if (!url || !isDatabaseUnavailable(error)) return;
  failed((error as Error).message);
  if (!state.probing) void probe(url);
}

/** The page a person gets while the database is away: no detail, a time to come back. */
export function unavailableResponse(pathname: string): Response {
  return plainAnswer(pathname, {
    status: 503,
    title: "Temporarily unavailable",
    message: "The directory is temporarily unavailable. Please try again in a few seconds.",
    headers: { "retry-after": "5" },
  });
}
