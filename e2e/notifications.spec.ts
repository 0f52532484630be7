// Mail to staff: the author of a change is told its decision with the reviewer's reason (to the
// tests' SMTP server, e2e/mail-sink.ts), unless they turned it off on their account page.
import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { waitForMail } from "./mail";
import { freshAddress, signInAs, sql, submitChange } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

type MailJob = { data: { kind: string } };
const decisionMailsOf = (changeSetId: string) => sql<MailJob>(`SELECT data FROM pgboss.job WHERE name = 'mail' AND data->>'changeSetId' = $1`, [changeSetId]);

test("the author is e-mailed the decision and the reason; with the box unticked on their account page, not", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  const editor = await make.user("editor");
  await signInAs(page, editor);
  const first = await submitChange(page, organisation.slug, async (form) => {
    await form.getByLabel("Acronym (optional)").fill("NTFY");
  });

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  await reviewer.goto(`/admin/reviews/${first}`);
  await reviewer.getByLabel("Reason or comment for the author").fill("Which source gives this acronym?");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Sent back" })).toBeVisible();

  const mail = await waitForMail(editor.email);
  expect(mail.subject).toBe(`Your change to ${organisation.name} needs changes`);
  expect(mail.text).toContain("was sent back to you for changes.");
  expect(mail.text).toContain("The reviewer wrote: Which source gives this acronym?");
  expect(mail.text).toMatch(new RegExp(`/admin/changes/${first}`));

  // The editor turns it off.
  await page.getByRole("link", { name: `${editor.name} (editor), your account` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  // Editors decide nothing: no digest to ask for.
  await expect(page.getByLabel(/daily digest/)).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel(/when a change of mine is decided/).uncheck();
  await page.getByRole("button", { name: "Save mail settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your mail settings are saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/when a change of mine is decided/)).not.toBeChecked();

  // The change sent back is out of the way (one open change per author and organisation).
  await sql(`DELETE FROM "ChangeSet" WHERE id = $1`, [first]);
  const second = await submitChange(page, organisation.slug, async (form) => {
    await form.getByLabel("Acronym (optional)").fill("NTFZ");
  });
  await reviewer.goto(`/admin/reviews/${second}`);
  await reviewer.getByLabel("Reason or comment for the author").fill("Not this one either.");
  await reviewer.getByRole("button", { name: "Reject all" }).click();
  await reviewer.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Rejected" })).toBeVisible();
  // Queued by the deciding transaction, or not at all: nothing to wait for.
  expect(await decisionMailsOf(second)).toEqual([]);
  expect((await decisionMailsOf(first)).map((job) => job.data.kind)).toEqual(["decision"]);
  await context.close();
});

test("a reviewer asks for the daily digest on their account page", async ({ page, make }) => {
  const reviewer = await make.user("reviewer");
  await signInAs(page, reviewer);
  await page.goto("/admin/account");
  await expect(page.getByText(reviewer.email)).toBeVisible();
  const digest = page.getByLabel(/daily digest of the changes waiting for review/);
  await expect(digest).not.toBeChecked();
  await digest.check();
  await page.getByRole("button", { name: "Save mail settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your mail settings are saved." })).toBeVisible();
  expect(await sql(`SELECT "notifyReviewDigest", "notifyDecisions" FROM "User" WHERE id = $1`, [reviewer.id])).toEqual([{ notifyReviewDigest: true, notifyDecisions: true }]);
});
