// Whether PostgreSQL answers, as the proxy sees it: a flag kept in the proxy's own module (the
// proxy may run apart from the render code, so it shares no state with it), refreshed in the
// background by a `SELECT 1` on a connection of its own: every 5 s while the database is up,
// every second while it is down (or one probe failed). It is down after two failed probes in a
// row, so that one slow answer on a busy machine does not turn requests away. Requests never
// wait for the probe; they get the last answer.
import pg from "pg";

const upInterval = 5_000;
const downInterval = 1_000;

const state = { up: true, failures: 0, checkedAt: 0, probing: false };

async function probe(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    if (!state.up) console.error("[health] the database answers again.");
    state.up = true;
    state.failures = 0;
  } catch (error) {
    state.failures++;
    if (state.up && state.failures >= 2) {
      console.error(`[health] the database does not answer (${(error as Error).message}): dynamic pages and the API answer 503 until it does.`);
      state.up = false;
    }
  } finally {
    await client.end().catch(() => {});
    state.checkedAt = Date.now();
    state.probing = false;
  }
}

/** The last known state of the database; starts a probe when that is older than its interval. */
export function databaseUp(url = process.env.DATABASE_URL): boolean {
  if (!url) return true;
  if (!state.probing && Date.now() - state.checkedAt >= (state.up && state.failures === 0 ? upInterval : downInterval)) {
    state.probing = true;
    void probe(url);
  }
  return state.up;
}

/** The page a person gets while the database is away: no detail, a time to come back. */
export function unavailableResponse(json: boolean): Response {
  const headers = { "retry-after": "5", "cache-control": "no-store" };
  if (json) {
    return Response.json({ error: { message: "The directory is temporarily unavailable. Try again in a few seconds." } }, { status: 503, headers });
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Temporarily unavailable · PROVA directory</title></head>
<body><main><h1>Temporarily unavailable</h1><p>The directory cannot answer this request at the moment. Please try again in a few seconds.</p><p><a href="/">Home page</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
