// npm test: every check, against real PostgreSQL and a real Chromium.
//   typecheck, lint, unit + integration tests (vitest), end-to-end tests (Playwright on a production build).
// Databases are throwaway: created on DATABASE_URL's server, or in a temporary embedded cluster when
// nothing is configured, and dropped at the end. Redis: REDIS_URL, by default 127.0.0.1:6379. `npm test -- unit e2e` runs only the named steps;
// other arguments are passed to Playwright (`npm run test:e2e -- e2e/users.spec.ts`).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launcherEnv } from "../lib/env";
import { ensureBuild } from "./lib/build";
import { checkConnection, freePort, projectRoot, startEmbedded } from "./lib/database";
import { pgQuery } from "./lib/pg-client";
import { main } from "./lib/run";

// The Redis tests (the cache handler's, several instances sharing a cache) use this machine's Redis
// unless REDIS_URL names another: they run on every `npm test`, never skipped.
process.env.REDIS_URL ||= "redis://127.0.0.1:6379";

const allSteps = ["typecheck", "lint", "unit", "e2e"] as const;
type Step = (typeof allSteps)[number];
type Counts = { passed: number; failed: number; skipped: number };

const requested = process.argv.slice(2).filter((arg): arg is Step => (allSteps as readonly string[]).includes(arg));
const steps: Step[] = requested.length ? requested : [...allSteps];
const playwrightArgs = process.argv.slice(2).filter((arg) => !(allSteps as readonly string[]).includes(arg));
const results: { step: string; counts: Counts }[] = [];

function exec(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);

function record(step: string, counts: Counts) {
  results.push({ step, counts });
  const status = counts.failed ? "FAILED" : "ok";
  console.log(`\n── ${step}: ${status} (${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""})\n`);
}

/** A check that is one pass or one failure (typecheck, lint). */
async function check(step: string, command: string, args: string[]) {
  console.log(`\n── ${step}: ${[path.basename(command), ...args].join(" ")}`);
  const code = await exec(command, args);
  record(step, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

type TestDatabases = { create(name: string): Promise<string>; dispose(): Promise<void> };

/** Throwaway databases on DATABASE_URL's server, or in a temporary embedded cluster. */
async function testDatabases(): Promise<TestDatabases> {
  const { DATABASE_URL } = launcherEnv();
  const run = `prova_test_${Date.now().toString(36)}_${process.pid}`;
  if (DATABASE_URL) {
    await checkConnection(DATABASE_URL);
    const created: string[] = [];
    return {
      async create(name) {
        const database = `${run}_${name}`;
        await pgQuery(DATABASE_URL, `CREATE DATABASE "${database}"`);
        created.push(database);
        const url = new URL(DATABASE_URL);
        url.pathname = `/${database}`;
        return url.toString();
      },
      async dispose() {
        for (const database of created) {
          await pgQuery(DATABASE_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
        }
      },
    };
  }
  const directory = await mkdtemp(path.join(os.tmpdir(), "prova-test-pg-"));
  // As root the cluster runs as `postgres`, which must be able to enter the directory.
  await import("node:fs/promises").then((fs) => fs.chmod(directory, 0o755));
  const cluster = await startEmbedded({ directory: path.join(directory, "cluster"), persistent: false, database: "postgres" });
  return {
    async create(name) {
      const url = new URL(cluster.url);
      url.pathname = `/${run}_${name}`;
      await pgQuery(cluster.url, `CREATE DATABASE "${run}_${name}"`);
      return url.toString();
    },
    async dispose() {
      await cluster.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A new database with the migrations, the seed and the demo accounts, as `npm start` would make it. */
async function seeded(databases: TestDatabases, name: string): Promise<string> {
  const url = await databases.create(name);
  const code = await exec("npm", ["run", "--silent", "db:seed", "--", "--demo"], { ...process.env, DATABASE_URL: url });
  if (code !== 0) throw new Error(`Preparing the ${name} test database failed.`);
  return url;
}

async function vitest(databaseUrl: string) {
  console.log("\n── unit and integration tests (vitest)");
  const report = path.join(os.tmpdir(), `prova-vitest-${process.pid}.json`);
  const code = await exec(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "test",
  });
  const json = await readFile(report, "utf8")
    .then((text) => JSON.parse(text) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number })
    .catch(() => null);
  await rm(report, { force: true });
  if (!json) return record("vitest", { passed: 0, failed: 1, skipped: 0 });
  // A file that fails to load has no failed test but a failed suite: count it.
  const brokenFiles = json.numFailedTests === 0 ? json.numFailedTestSuites : 0;
  // An error thrown outside any test (an unhandled rejection, a stream's error nobody listens to)
  // fails vitest's run with every test passed: it would end a real process, so it counts too.
  const unhandled = code !== 0 && json.numFailedTests + brokenFiles === 0 ? 1 : 0;
  if (unhandled) console.log("vitest exited with an error outside the tests (see \"Unhandled Errors\" above): counted as a failure.");
  record("vitest", {
    passed: json.numPassedTests,
    failed: json.numFailedTests + brokenFiles + unhandled,
    skipped: json.numPendingTests + json.numTodoTests,
  });
}

type PlaywrightStats = { expected: number; unexpected: number; flaky: number; skipped: number };

const e2eDistDir = ".next-test";
const e2eEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXTAUTH_SECRET: "test-secret-that-is-at-least-32-characters-long",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: e2eDistDir,
  // The pseudo-language's pages (/xx/…, i18n/locales.ts), which e2e/pseudo-language.spec.ts reads.
  PSEUDO_LANGUAGE: "on",
};

/**
 * The production build the end-to-end tests run on. It reads no database, so it starts at once,
 * beside the type check and the linter, and prints its output only if it fails. The build never
 * writes into Redis; e2e/several-instances.spec.ts starts its own instances on it.
 */
function e2eBuild(): Promise<Error | null> {
  return ensureBuild(e2eDistDir, { ...e2eEnv, REDIS_URL: "" }, { quiet: true }).then(
    () => null,
    (error: Error) => error,
  );
}

async function playwright(databaseUrl: string, build: Promise<Error | null>) {
  console.log("\n── end-to-end tests (Playwright, production build)");
  const env: NodeJS.ProcessEnv = { ...e2eEnv, DATABASE_URL: databaseUrl };
  const buildError = await build;
  if (buildError) {
    console.error(buildError.message);
    return record("playwright", { passed: 0, failed: 1, skipped: 0 });
  }
  const port = await freePort();
  let smtpPort = await freePort();
  while (smtpPort === port) smtpPort = await freePort();
  const mailDir = path.join(os.tmpdir(), `prova-e2e-mail-${process.pid}`);
  const report = path.join(os.tmpdir(), `prova-playwright-${process.pid}.json`);
  await exec(bin("playwright"), ["test", ...playwrightArgs], {
    ...env,
    E2E_PORT: String(port),
    // Mail goes to the tests' own SMTP server (e2e/mail-sink.ts), which keeps it in mailDir.
    E2E_SMTP_PORT: String(smtpPort),
    E2E_MAIL_DIR: mailDir,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "PROVA directory <directory@prova.test>",
    // Specs give each test its own client address (X-Forwarded-For), so throttling by address
    // in one test does not spill into the others.
    TRUSTED_PROXY_HOPS: "1",
    APP_URL: `http://localhost:${port}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  const json = await readFile(report, "utf8")
    .then((text) => JSON.parse(text) as { stats: PlaywrightStats; errors: unknown[] })
    .catch(() => null);
  await rm(report, { force: true });
  await rm(mailDir, { recursive: true, force: true });
  if (!json) return record("playwright", { passed: 0, failed: 1, skipped: 0 });
  record("playwright", {
    passed: json.stats.expected + json.stats.flaky,
    failed: json.stats.unexpected + (json.errors.length && !json.stats.unexpected ? 1 : 0),
    skipped: json.stats.skipped,
  });
}

await main(async () => {
  const started = Date.now();
  const build = steps.includes("e2e") ? e2eBuild() : Promise.resolve(null);
  // The type check and the linter run side by side (and beside the build): each is one process.
  const checks: Promise<void>[] = [];
  if (steps.includes("typecheck")) checks.push(check("typecheck", bin("tsc"), ["--noEmit"]));
  if (steps.includes("lint")) checks.push(check("lint", bin("eslint"), ["--max-warnings=0", "."]));
  await Promise.all(checks);
  // The tests run alone: some measure how long things take.
  await build;

  if (steps.includes("unit") || steps.includes("e2e")) {
    const databases = await testDatabases();
    try {
      if (steps.includes("unit")) await vitest(await seeded(databases, "int"));
      if (steps.includes("e2e")) await playwright(await seeded(databases, "e2e"), build);
    } finally {
      await databases.dispose();
    }
  }

  const total = results.reduce(
    (sum, { counts }) => ({
      passed: sum.passed + counts.passed,
      failed: sum.failed + counts.failed,
      skipped: sum.skipped + counts.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(`── summary (${Math.round((Date.now() - started) / 1000)} s)`);
  for (const { step, counts } of results) {
    console.log(`   ${step.padEnd(10)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
  }
  if (process.env.TEST_SUMMARY_FILE) await writeFile(process.env.TEST_SUMMARY_FILE, JSON.stringify(total));
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(total.failed || total.passed === 0 ? 1 : 0);
});
