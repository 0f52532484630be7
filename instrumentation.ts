// Runs once when a server instance starts (npm start, node server.js, next start); the work is in
// Node.js-only modules, imported only in that runtime so that the Edge build never sees them.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("@/lib/server-start")).startServer();
}

// A request that failed because the database did not answer tells the health check at once, so
// the proxy answers 503 within seconds of a database that hangs (lib/health.ts).
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("@/lib/health")).reportDatabaseError(error);
}
