// Organisations confirming their own listing, end to end: staff ask, the app's worker e-mails the
// tests' real SMTP server (e2e/mail-sink.ts), and the organisation follows the link in the message.
import type { Page } from "@playwright/test";
import { expect, test, type TestOrganisation } from "./factories";
import { accessibilityViolations } from "./axe";
import { waitForMail } from "./mail";
import { bouncesToken } from "../lib/security/keys";
import { approveAsReviewer, backdateStamps, freshAddress, signInAs, sql } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());

/** Staff ask the organisation from its edit page; returns the link of the message it gets. */
async function askAndReadLink(page: Page, organisation: TestOrganisation, n = 1) {
  await page.goto(`/admin/organisations/${organisation.id}/edit`);
  await page.getByRole("button", { name: "Ask the organisation to confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The request is on its way" })).toBeVisible();
  return linkIn(organisation, n);
}

async function linkIn(organisation: TestOrganisation, n = 1) {
  const mail = await waitForMail(organisation.contacts[0].value, n);
  expect(mail.subject).toBe(`Is your listing in the PROVA directory still correct? (${organisation.name})`);
  return new URL(/http:\/\/\S+\/confirm\/[\w.-]+/.exec(mail.text)![0]).pathname;
}

test("staff ask an organisation to confirm; it follows the e-mailed link, confirms, and its page says so", async ({ page, browser, make }) => {
  const organisation = await make.organisation({ listed: true });
  await signInAs(page, await make.user("editor"));
  const link = await askAndReadLink(page, organisation);
  const mail = await waitForMail(organisation.contacts[0].value);
  expect(mail.text).toContain(`Name: ${organisation.name}`);
  expect(mail.headers).toMatch(/List-Unsubscribe: <http:\/\/\S+\/api\/unsubscribe\/[\w.-]+>/);
  // Asked again at once: refused, with when it can be.
  await page.getByRole("button", { name: "Ask the organisation to confirm" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `The organisation was asked on ${today}` })).toBeVisible();
  await page.reload();
  await expect(page.getByText(`at ${organisation.contacts[0].value}: no answer yet.`)).toBeVisible();

  // The organisation, in a browser of its own.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  const response = await visitor.goto(link);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(visitor.getByRole("heading", { level: 1, name: "Is this listing still correct?" })).toBeVisible();
  await expect(visitor.getByRole("region", { name: "The listing" })).toContainText(organisation.contacts[0].value);
  expect(await accessibilityViolations(visitor)).toEqual([]);
  await visitor.getByRole("button", { name: "Yes, this is correct" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Thank you: your listing is confirmed" })).toBeVisible();

  await visitor.goto(`/en/organisations/${organisation.slug}`);
  await expect(visitor.getByText(`Confirmed by the organisation on ${today}.`)).toBeVisible();
  // Used: the same link says so, and changes nothing.
  await visitor.goto(link);
  await expect(visitor.getByText("This link cannot be used again.")).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Yes, this is correct" })).toHaveCount(0);
  const [audit] = await sql(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'organisation.confirmed' AND subject = $1`, [`organisation:${organisation.id}`]);
  expect(audit.n).toBe(1);
  await context.close();
});

test("'Something has changed': the organisation corrects its listing, the reviewer sees it is theirs and approves it", async ({ page, browser, make }) => {
  const organisation = await make.organisation({ listed: true });
  await signInAs(page, await make.user("editor"));
  const link = await askAndReadLink(page, organisation);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await backdateStamps(visitor);
  await visitor.goto(link);
  await visitor.getByRole("link", { name: "Something has changed" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: `What has changed at ${organisation.name}?` })).toBeVisible();
  // Filled in with the listing as published.
  await expect(visitor.getByLabel("Name", { exact: true })).toHaveValue(organisation.name);
  const description = `Since this year we also work in schools (${crypto.randomUUID().slice(0, 8)}).`;
  await visitor.getByLabel("Description").fill(description);
  await visitor.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(visitor).toHaveURL(/\/suggest\/thanks$/);
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1, name: "Thank you: your correction was received" })).toBeVisible();
  await context.close();

  const [changeSet] = await sql<{ id: string; fromOrganisation: boolean }>(`SELECT id, "fromOrganisation" FROM "ChangeSet" WHERE "organisationId" = $1 AND public`, [organisation.id]);
  expect(changeSet.fromOrganisation).toBe(true);
  const reviewer = await browser.newContext();
  const review = await reviewer.newPage();
  await review.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(review, await make.user("reviewer"));
  await review.goto(`/admin/reviews/${changeSet.id}`);
  await expect(review.getByText("the organisation itself, answering a request to confirm its listing")).toBeVisible();
  await reviewer.close();
  await approveAsReviewer(browser, changeSet.id);
  await page.goto(`/en/organisations/${organisation.slug}`);
  await expect(page.getByText(description)).toBeVisible();
});

test("a made-up, an expired and an unsubscribed link: each a clear page, never an error; an expired one asks for a new link", async ({ page, make, request }) => {
  for (const bad of ["not-a-token", "x".repeat(500), "%C3%BC.%C3%BC", "0193a0c2-7b7e-7000-8000-000000000000.forged-signature"]) {
    const response = await page.goto(`/en/confirm/${bad}`);
    expect(response?.status(), bad).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "This link does not work" }), bad).toBeVisible();
  }
  await page.goto("/en/confirm/0193a0c2-7b7e-7000-8000-000000000000.forged-signature");
  expect(await accessibilityViolations(page)).toEqual([]);
  // A new link by address: the same answer whether the address is listed or not.
  await page.getByLabel("The e-mail address of your listing").fill("not an address");
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("Enter the e-mail address of your listing, e.g. info@example.org.");
  await page.getByLabel("The e-mail address of your listing").fill("nobody-listed@example.org");
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If nobody-listed@example.org is the e-mail address of a listing" })).toBeVisible();

  const organisation = await make.organisation({ listed: true });
  await signInAs(page, await make.user("editor"));
  const link = await askAndReadLink(page, organisation);
  // 31 days later.
  await sql(`UPDATE "ConfirmationRequest" SET "createdAt" = now() - interval '31 days', "expiresAt" = now() - interval '1 day' WHERE "organisationId" = $1`, [organisation.id]);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link has expired" })).toBeVisible();
  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new link is on its way" })).toBeVisible();
  const newLink = await linkIn(organisation, 2);
  expect(newLink).not.toBe(link);

  // Unsubscribed (one click, as a mail client does): no request goes to the address again.
  const token = newLink.split("/").pop()!;
  const unsubscribed = await request.post(`/api/unsubscribe/${token}`, { form: { "List-Unsubscribe": "One-Click" } });
  expect(unsubscribed.status()).toBe(200);
  await sql(`UPDATE "ConfirmationRequest" SET "createdAt" = now() - interval '31 days' WHERE "organisationId" = $1`, [organisation.id]);
  await page.goto(`/admin/organisations/${organisation.id}/edit`);
  await page.getByRole("button", { name: "Ask the organisation to confirm" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `${organisation.contacts[0].value} asked to receive no more requests` })).toBeVisible();
  // Staff may write to it again, after saying so.
  await page.reload();
  await page.getByRole("button", { name: `Write to ${organisation.contacts[0].value} again` }).click();
  await page.getByRole("dialog").getByRole("button", { name: `Write to ${organisation.contacts[0].value} again` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${organisation.contacts[0].value} can be asked again.` })).toBeVisible();
  expect(await sql(`SELECT 1 FROM "MailSuppression" WHERE email = $1`, [organisation.contacts[0].value])).toHaveLength(0);
});

test("the unsubscribe page stops the requests with a button, not on opening", async ({ page, make }) => {
  const organisation = await make.organisation({ listed: true });
  await signInAs(page, await make.user("editor"));
  const link = await askAndReadLink(page, organisation);
  await page.goto(`${link}/unsubscribe`);
  const address = organisation.contacts[0].value;
  expect(await sql(`SELECT 1 FROM "MailSuppression" WHERE email = $1`, [address])).toHaveLength(0);
  await page.getByRole("button", { name: "Stop these requests" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Done: ${address} will receive no more requests` })).toBeVisible();
  expect(await sql(`SELECT reason::text FROM "MailSuppression" WHERE email = $1`, [address])).toEqual([{ reason: "unsubscribed" }]);
  await sql(`DELETE FROM "MailSuppression" WHERE email = $1`, [address]);
});

test("a bounce that comes back later, handed over by the mail system: staff see the address bounced, and it is not asked again", async ({ page, make, request }) => {
  const organisation = await make.organisation({ listed: true });
  const address = organisation.contacts[0].value;
  await signInAs(page, await make.user("editor"));
  await askAndReadLink(page, organisation);
  const dsn = [
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    "",
    "--B",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; relay.example",
    "",
    `Final-Recipient: rfc822; ${address}`,
    "Action: failed",
    "Status: 5.1.1",
    "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
    "",
    "--B--",
  ].join("\r\n");
  expect((await request.post("/api/bounces", { headers: { "content-type": "message/rfc822" }, data: dsn })).status()).toBe(401);
  const handed = await request.post("/api/bounces", { headers: { authorization: `Bearer ${bouncesToken(process.env.NEXTAUTH_SECRET!)}`, "content-type": "message/rfc822" }, data: dsn });
  expect(await handed.json()).toEqual({ failed: [address], recorded: [address] });
  await page.reload();
  await expect(page.getByText(`at ${address}: not delivered (5.1.1 550 5.1.1 User unknown). ${address} bounced: it is not asked again.`)).toBeVisible();
  await sql(`DELETE FROM "MailSuppression" WHERE email = $1`, [address]);
});
