// Runs once when a server instance starts: schedules the daily purge of old client addresses
// and of decided suggestions' personal data.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { purgeAddresses } = await import("@/lib/data/audit");
  const { serverEnv } = await import("@/lib/env");
  const purge = () =>
    purgeAddresses(serverEnv().AUDIT_RETENTION_DAYS, new Date(), serverEnv().SUGGESTION_RETENTION_DAYS).catch((error: Error) => console.error(`Purging old client addresses failed: ${error.message}`));
  await purge();
  setInterval(purge, 24 * 60 * 60 * 1000).unref();
}
