// The jobs page, with the test server's worker (playwright.config.ts starts one beside server.js, as
// npm start does). A mail job fails for good there when the tests' mail server refuses its
// recipient (e2e/mail-sink.ts refuses every "refused-…" address).
import { PgBoss } from "pg-boss";
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { freshAddress, signInAs, sql } from "./support";

// One after another: the first reads the page's empty state, which the second's failed job fills.
test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

type JobRow = { state: string; retry_count: number; output: { message?: string } | null };
const job = async (id: string) => (await sql<JobRow>(`SELECT state, retry_count, output FROM pgboss.job WHERE id = $1`, [id]))[0];

test("an admin sees the queues, a running worker and the empty states", async ({ page, make }) => {
  await signInAs(page, await make.user("admin"));
  await page.getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
  await expect(page.getByText(/^1 worker is running, last heard from/)).toBeVisible();
  await expect(page.getByRole("table", { name: /Jobs by queue/ }).getByRole("row", { name: /^mail / })).toBeVisible();
  await expect(page.getByText("No failed jobs.")).toBeVisible();
  await expect(page.getByText("No undelivered mail.")).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("a mail job that failed appears with its error and recipient; Retry sends it back to the worker", async ({ page, make }) => {
  const organisation = `Jobs Spec ${crypto.randomUUID().slice(0, 8)}`;
  const to = `refused-${crypto.randomUUID().slice(0, 8)}@example.org`;
  // Sent as the app sends it, with no retries left: the worker fails it at once.
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, supervise: false, schedule: false, migrate: false, registerInstance: false, max: 1 });
  boss.on("error", () => {});
  await boss.start();
  const id = (await boss.send("mail", { format: 1, kind: "suggestion-outcome", to, name: null, organisation, outcome: "approved", note: "" }, { retryLimit: 0 }))!;
  try {
    await expect.poll(async () => (await job(id))?.state, { timeout: 15_000 }).toBe("failed");

    await signInAs(page, await make.user("admin"));
    await page.goto("/admin/jobs");
    const failed = page.getByRole("table", { name: /failed after every retry/ }).getByRole("row").filter({ hasText: to });
    await expect(failed).toContainText(`Mail to ${to}: Your suggestion about ${organisation}`);
    await expect(failed).toContainText("No such mailbox here");
    await expect(failed.getByRole("cell").nth(3)).toHaveText("1");
    const undelivered = page.getByRole("table", { name: /mail server did not take/ }).getByRole("row").filter({ hasText: to });
    await expect(undelivered).toContainText(`Your suggestion about ${organisation}`);
    await expect(page.getByText("No failed jobs.")).toHaveCount(0);

    await failed.getByRole("button", { name: `Retry Mail to ${to}: Your suggestion about ${organisation}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Queued again: a worker takes the job within seconds." })).toBeVisible();
    // The worker took it again at once (woken, not at its next poll), and it failed again.
    await expect.poll(async () => job(id), { timeout: 10_000 }).toMatchObject({ state: "failed", retry_count: 1 });
    await page.reload();
    await expect(page.getByRole("table", { name: /failed after every retry/ }).getByRole("row").filter({ hasText: to }).getByRole("cell").nth(3)).toHaveText("2");
    const [audit] = await sql(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'job.retried' AND subject = $1`, [`job:${id}`]);
    expect(audit.n).toBe(1);
  } finally {
    await boss.deleteJob("mail", id).catch(() => {});
    await boss.stop({ graceful: false });
  }
});

test("an editor gets 403 for the jobs page, and no link to it", async ({ page, make }) => {
  await signInAs(page, await make.user("editor"));
  await expect(page.getByRole("link", { name: "Jobs", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/jobs");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
  await expect(page.getByText("Background jobs")).toHaveCount(0);
});
