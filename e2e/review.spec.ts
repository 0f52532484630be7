import { expect, test } from "./factories";
import { accessibilityViolations } from "./axe";
import { approveAsReviewer, freshAddress, signInAs, sql, submitChange } from "./support";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

test("a reviewer accepts one field and a new contact, rejects another field: the public page shows exactly the accepted part", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  const acronym = `SB${crypto.randomUUID().slice(0, 4)}`;
  await signInAs(page, await make.user("editor"));
  const changeSetId = await submitChange(page, organisation.slug, async (form) => {
    await form.getByLabel("Acronym (optional)").fill(acronym);
    await form.getByLabel("Website (optional)").fill("https://rejected.example.org");
    await form.getByRole("button", { name: "Add a contact" }).click();
    const contacts = form.getByRole("group", { name: "Contacts" }).getByRole("listitem");
    const number = await contacts.count();
    await form.getByLabel(`Contact ${number}: kind`).selectOption("PHONE");
    await form.getByLabel(`Contact ${number}: phone`).fill("+32 2 235 21 11");
  });

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  await expect(reviewer.getByRole("link", { name: /^Reviews/ })).toContainText(/\d/);
  await reviewer.getByRole("link", { name: /^Reviews/ }).click();
  await reviewer.getByRole("link", { name: organisation.name }).first().click();
  await expect(reviewer).toHaveURL(new RegExp(`/admin/reviews/${changeSetId}`));
  expect(await accessibilityViolations(reviewer)).toEqual([]);
  await reviewer.getByRole("checkbox", { name: "Accept: Website" }).uncheck();
  await reviewer.getByRole("button", { name: "Approve the accepted changes" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();

  // The very next request of the public page shows the accepted acronym and phone, not the website.
  const publicPage = await page.request.get(`/en/organisations/${organisation.slug}`);
  const html = await publicPage.text();
  expect(html).toContain(acronym);
  expect(html).toContain("+3222352111");
  expect(html).not.toContain("rejected.example.org");
  const [changeSet] = await sql(`SELECT status, decisions FROM "ChangeSet" WHERE id = $1`, [changeSetId]);
  expect(changeSet.status).toBe("partly_approved");
  expect(changeSet.decisions.rejected).toEqual(["website"]);

  // The author sees the outcome on the dashboard.
  await page.goto("/admin");
  await expect(page.getByRole("region", { name: "Your submitted changes" }).getByRole("listitem").filter({ hasText: organisation.name }).first()).toContainText("Partly approved");
  await reviewerContext.close();
});

test("nobody decides on their own change: not in the page, not by a direct POST; another reviewer can", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  const editor = await make.user("editor");
  await signInAs(page, await make.user("reviewer"));
  const changeSetId = await submitChange(page, organisation.slug, async (form) => {
    await form.getByLabel("Acronym (optional)").fill(`CX${crypto.randomUUID().slice(0, 4)}`);
  });
  await page.goto(`/admin/reviews/${changeSetId}`);
  await expect(page.getByRole("note").filter({ hasText: "You made this change, so another reviewer decides it." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve the accepted changes" })).toHaveCount(0);

  // A decision posted anyway: the form of someone else's change, pointed at this one.
  const [{ id: other }] = await sql(
    `INSERT INTO "ChangeSet" (id, kind, status, "authorId", proposed, "updatedAt", "submittedAt")
     SELECT gen_random_uuid(), 'create', 'submitted', id, $1::jsonb, now(), now() FROM "User" WHERE id = $2 RETURNING id`,
    [JSON.stringify({ slug: "decoy", name: "Decoy Organisation", acronym: null, kind: "OTHER", description: "", website: null, countries: ["MT"], contacts: [], archived: false }), editor.id],
  );
  await page.goto(`/admin/reviews/${other}`);
  // After hydration, which would otherwise put the rendered value back.
  await page.waitForLoadState("networkidle");
  await page.evaluate((target) => {
    (document.querySelector("input[name=changeSetId]") as HTMLInputElement).value = target;
  }, changeSetId);
  await page.getByRole("button", { name: "Approve the accepted changes" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("You cannot decide on a change you made yourself: another reviewer decides it.");
  expect((await sql(`SELECT status FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0].status).toBe("submitted");
  await sql(`DELETE FROM "ChangeSet" WHERE id = $1`, [other]);

  // A second reviewer decides it.
  const context = await browser.newContext();
  const second = await context.newPage();
  await second.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(second, await make.user("reviewer"));
  await second.goto(`/admin/reviews/${changeSetId}`);
  await second.getByLabel("Reason or comment for the author").fill("The acronym is not used by them.");
  await second.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(second.getByRole("status").filter({ hasText: "Rejected" })).toBeVisible();
  await context.close();
  await page.goto(`/admin/changes/${changeSetId}`);
  await expect(page.getByText("The reviewer wrote:")).toBeVisible();
  await expect(page.getByText("The acronym is not used by them.")).toBeVisible();
});

test("rejecting needs a reason, shown at its field, and nothing is decided without it", async ({ page, browser, make }) => {
  const organisation = await make.organisation();
  await signInAs(page, await make.user("editor"));
  const changeSetId = await submitChange(page, organisation.slug, async (form) => {
    await form.getByLabel("Acronym (optional)").fill("ALDE");
  });
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, await make.user("reviewer"));
  await reviewer.goto(`/admin/reviews/${changeSetId}`);
  await reviewer.getByRole("button", { name: "Reject all" }).click();
  await reviewer.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(reviewer.locator("#decision-note-error")).toHaveText("Give the reason: the author will see it.");
  await expect(reviewer.getByLabel("Reason or comment for the author")).toBeFocused();
  // The ticks stay as the reviewer left them.
  await expect(reviewer.getByRole("checkbox", { name: "Accept: Acronym" })).not.toBeChecked();
  expect((await sql(`SELECT status FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0].status).toBe("submitted");
  await reviewer.getByLabel("Reason or comment for the author").fill("Please add a source.");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Sent back" })).toBeVisible();
  expect((await sql(`SELECT status FROM "ChangeSet" WHERE id = $1`, [changeSetId]))[0].status).toBe("changes_requested");
  await context.close();
});

test("history shows every revision with who proposed and approved it, compares two, and restores one through review", async ({ page, browser, make }) => {
  const acronym = `KB${crypto.randomUUID().slice(0, 4)}`;
  const { id, slug, acronym: original } = await make.organisation({ acronym: "OLD" });
  const editor = await make.user("editor");
  const reviewerAccount = await make.user("reviewer");
  await signInAs(page, editor);
  const first = await submitChange(page, slug, async (form) => {
    await form.getByLabel("Acronym (optional)").fill(acronym);
  });
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(reviewer, reviewerAccount);
  const approve = async (changeSetId: string) => {
    await reviewer.goto(`/admin/reviews/${changeSetId}`);
    await reviewer.getByRole("button", { name: "Approve the accepted changes" }).click();
    await expect(reviewer.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
  };
  await approve(first);

  await page.goto(`/admin/organisations/${id}/history`);
  expect(await accessibilityViolations(page)).toEqual([]);
  const revisions = page.getByRole("region", { name: "Revisions" }).getByRole("listitem");
  await expect(revisions.first()).toContainText(`Proposed by ${editor.name}, approved by ${reviewerAccount.name}.`);
  await expect(revisions.last()).toContainText("Loaded with the directory");
  await expect(page.getByRole("table", { name: "Proposed changes" })).toContainText(acronym);

  const oldest = revisions.last();
  await oldest.getByRole("button", { name: /Restore this revision/ }).click();
  await oldest.getByRole("dialog").getByRole("button", { name: /Propose restoring revision/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  const restore = new URL(page.url()).pathname.split("/").pop()!;
  await approve(restore);
  const html = await (await page.request.get(`/en/organisations/${slug}`)).text();
  expect(html).not.toContain(acronym);
  expect((await sql(`SELECT acronym FROM "Organisation" WHERE id = $1`, [id]))[0].acronym).toBe(original);
  await context.close();
});

test("after approving a new organisation, its page, its country's page, the home page, search and the sitemap show it on the next request", async ({ page, browser, make }) => {
  const name = `Titano Youth Forum ${crypto.randomUUID().slice(0, 6)}`;
  // Warm every cache first, Next's and the front cache (an Age header), so a stale
  // copy would be served if invalidation failed.
  for (const path of ["/en", "/en/countries/sm", "/sitemap.xml"]) {
    await expect.poll(async () => (await page.request.get(path)).headers().age, { intervals: [0] }).toMatch(/^\d+$/);
  }
  expect(await (await page.request.get("/en")).text()).not.toContain(name);

  await signInAs(page, await make.user("editor"));
  await page.goto("/admin/organisations/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind of organisation").selectOption("NGO");
  await page.getByLabel("Add a country").selectOption("SM");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  const changeSetId = new URL(page.url()).pathname.split("/").pop()!;

  await approveAsReviewer(browser, changeSetId);

  const [{ id, slug }] = await sql(`SELECT id, slug FROM "Organisation" WHERE name = $1`, [name]);
  make.adoptOrganisation(id, { listed: true });
  expect((await page.request.get(`/en/organisations/${slug}`)).status()).toBe(200);
  expect(await (await page.request.get("/en/countries/sm")).text()).toContain(name);
  expect(await (await page.request.get("/en")).text()).toContain("San Marino");
  expect(await (await page.request.get(`/en/search?q=${encodeURIComponent(name)}`)).text()).toContain(`/en/organisations/${slug}`);
  // In exactly one of the sitemaps of organisations the index names.
  const index = await (await page.request.get("/sitemap.xml")).text();
  const sitemaps = [...index.matchAll(/<loc>[^<]*(\/sitemaps\/sitemap\/organisations-[^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(sitemaps.length).toBeGreaterThan(0);
  const listing = await Promise.all(sitemaps.map(async (path) => (await (await page.request.get(path)).text()).includes(`/en/organisations/${slug}</loc>`)));
  expect(listing.filter(Boolean)).toHaveLength(1);
});

test("an approved change of address keeps the old one working: it answers with a permanent redirect", async ({ page, browser, make }) => {
  const newSlug = `new-address-${crypto.randomUUID().slice(0, 8)}`;
  const { slug: oldSlug } = await make.organisation();
  await signInAs(page, await make.user("editor"));
  await page.request.get(`/en/organisations/${oldSlug}`);
  const changeSetId = await submitChange(page, oldSlug, async (form) => {
    await form.getByLabel("Address of its page (optional)").fill(newSlug);
  });
  await approveAsReviewer(browser, changeSetId);
  const old = await page.request.get(`/en/organisations/${oldSlug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  // (Next writes the header twice for a redirect from an ISR page, with the same value.)
  const locations = old.headersArray().filter((header) => header.name.toLowerCase() === "location").map((header) => header.value);
  expect(new Set(locations)).toEqual(new Set([`/en/organisations/${newSlug}`]));
  expect((await page.request.get(`/en/organisations/${newSlug}`)).status()).toBe(200);
});
