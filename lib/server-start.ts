// What a server process does once when it starts (instrumentation.ts, Node.js runtime only):
// refuse to start on a bad configuration (in production, without NEXTAUTH_SECRET), then purge old
// client addresses and decided suggestions' personal data, now and daily.
import { EnvError, serverEnv } from "@/lib/env";

export async function startServer() {
  try {
    serverEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // The reason on its own, not wrapped in Next's stack trace of the instrumentation hook.
    console.error(`\n✖ ${error.message}\n`);
    process.exit(1);
  }
  // Imported after the check: the database client reads the configuration as it loads.
  const { purgeAddresses } = await import("@/lib/data/audit");
  const purge = () =>
    purgeAddresses(serverEnv().AUDIT_RETENTION_DAYS, new Date(), serverEnv().SUGGESTION_RETENTION_DAYS).catch((error: Error) => console.error(`Purging old client addresses failed: ${error.message}`));
  await purge();
  setInterval(purge, 24 * 60 * 60 * 1000).unref();
}
