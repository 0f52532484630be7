import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { boundedHeapFlags } from "./scripts/lib/node-flags";

// Run through `npm test` (or `npm run test:e2e`), which builds into .next-test against a
// throwaway database and sets E2E_PORT; the server here is server.js (as `npm start` runs it) on that build,
// with a job worker beside it.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Two workers, any test on either: each test makes its own rows (e2e/factories.ts); the few that
  // need the server to themselves are tagged @exclusive and take the suite lock alone.
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json"]],
  // Budgets, not measurements: the longest flows (two users, the worker, mail) take 20-30 s on two
  // busy cores, and a page action a few seconds when the machine is slow.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          // Without the networking flags Chromium floods a closed network with connection attempts.
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // The mail server the app and its worker send to (SMTP_URL, set by scripts/test.ts).
      name: "mail",
      command: "node --import tsx e2e/mail-sink.ts",
      wait: { stdout: /\[mail sink\] ready/ },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node server.js --port ${port}`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      // The main test server keeps Next's own cache; e2e/several-instances.spec.ts starts its own
      // instances on Redis.
      env: { ...(process.env as Record<string, string>), REDIS_URL: "" },
    },
    {
      // The job worker beside it, as npm start runs one (scripts/start.ts).
      name: "worker",
      command: `node ${boundedHeapFlags.join(" ")} --conditions=react-server --import tsx scripts/worker.ts`,
      wait: { stdout: /\[worker\] ready/ },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 25_000 },
      // The link checker may check the websites e2e/link-health.spec.ts serves on loopback.
      env: { ...(process.env as Record<string, string>), REDIS_URL: "", LINK_CHECK_ALLOWED_HOSTS: "127.0.0.1" },
    },
  ],
});
