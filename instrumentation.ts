// Runs once when a server instance starts (npm start, node server.js, next start): refuses to
// start on a bad configuration (in production, without NEXTAUTH_SECRET), then schedules the daily
// purge of old client addresses and of decided suggestions' personal data.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, serverEnv } = await import("@/lib/env");
  try {
    serverEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // The reason on its own, not wrapped in Next's stack trace of the instrumentation hook.
    console.error(`\n✖ ${error.message}\n`);
    process.exit(1);
  }
  const { purgeAddresses } = await import("@/lib/data/audit");
  const purge = () =>
    purgeAddresses(serverEnv().AUDIT_RETENTION_DAYS, new Date(), serverEnv().SUGGESTION_RETENTION_DAYS).catch((error: Error) => console.error(`Purging old client addresses failed: ${error.message}`));
  await purge();
  setInterval(purge, 24 * 60 * 60 * 1000).unref();
}

// A request that failed because the database did not answer tells the health check at once, so
// the proxy answers 503 within seconds of a database that hangs (lib/health.ts).
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportDatabaseError } = await import("@/lib/health");
  reportDatabaseError(error);
}
