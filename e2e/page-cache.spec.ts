// An approval, a verification, a change of address, an archive and a restore each refresh exactly
// the cached pages whose content they change; every other page stays a cache hit.
// @exclusive: no other test's changes may refresh the pages looked at meanwhile.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, type TestOrganisation } from "./factories";
import { approveAsReviewer, signInAs, submitChange } from "./support";

/**
 * Requests each page until it is answered from a cache (a page renders on its first request);
 * returns each one's ETag then.
 */
async function warm(request: APIRequestContext, paths: string[]) {
  const etags = new Map<string, string | undefined>();
  for (const path of paths) {
    await expect
      .poll(async () => {
        const response = await request.get(path, { maxRedirects: 0 });
        etags.set(path, response.headers().etag);
        return response.headers()["x-nextjs-cache"];
      }, path)
      .toBe("HIT");
  }
  return etags;
}

/**
 * Which of the pages were rendered afresh since `warmed`: the next request is not a cache hit, or
 * is one with other content (the instance renders the most read of a change's pages itself,
 * right after the change: lib/render-again.js).
 */
async function refreshed(request: APIRequestContext, warmed: Map<string, string | undefined>) {
  const fresh: string[] = [];
  for (const [path, etag] of warmed) {
    const response = await request.get(path, { maxRedirects: 0 });
    if (response.headers()["x-nextjs-cache"] !== "HIT" || response.headers().etag !== etag) fresh.push(path);
  }
  return fresh;
}

async function proposeAndApprove(page: Page, browser: Parameters<typeof approveAsReviewer>[0], organisation: TestOrganisation, button: string) {
  await page.goto(`/admin/organisations/${organisation.id}/edit`);
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("dialog").getByRole("button", { name: button }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await approveAsReviewer(browser, new URL(page.url()).pathname.split("/").pop()!);
}

test("each change refreshes exactly the pages it changes, on the next request @exclusive", async ({ page, browser, request, make }) => {
  test.setTimeout(180_000);
  const run = crypto.randomUUID().slice(0, 6);
  const alpha = await make.organisation({ name: `Cachecheck ${run} Alpha`, countries: ["LI"], listed: true });
  const beta = await make.organisation({ name: `Cachecheck ${run} Beta`, countries: ["LI"], listed: true });
  const gamma = await make.organisation({ name: `Cachecheck ${run} Gamma`, countries: ["MC"], listed: true });
  const pages = {
    alpha: `/en/organisations/${alpha.slug}`,
    beta: `/en/organisations/${beta.slug}`,
    gamma: `/en/organisations/${gamma.slug}`,
    liechtenstein: "/en/countries/li",
    monaco: "/en/countries/mc",
    home: "/en",
    sitemapIndex: "/sitemap.xml",
    sitemapPages: "/sitemaps/sitemap/pages.xml",
    sitemapOrganisations: "/sitemaps/sitemap/organisations-0-of-1.xml",
  };
  const all = Object.values(pages);
  let warmed = await warm(request, all);
  await signInAs(page, await make.user("editor"));

  // An approved change of what lists show: its page, its country's page, the home page's
  // "recently updated", its sitemap (its date).
  const changeSetId = await submitChange(page, alpha.slug, async (form) => {
    await form.getByLabel("Description", { exact: true }).fill(`What ${alpha.name} does now, in a new sentence.`);
  });
  const beforeApproval = await request.get(pages.beta);
  expect(beforeApproval.headers().age).toMatch(/^\d+$/);
  await approveAsReviewer(browser, changeSetId);
  expect(await refreshed(request, warmed)).toEqual([pages.alpha, pages.liechtenstein, pages.home, pages.sitemapOrganisations]);
  // Another organisation's page is still the answer kept before: a front-cache hit, its Age running on.
  const afterApproval = await request.get(pages.beta);
  expect(afterApproval.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(Number(afterApproval.headers().age)).toBeGreaterThanOrEqual(Number(beforeApproval.headers().age));
  expect(afterApproval.headers().etag).toBe(beforeApproval.headers().etag);
  expect(await (await request.get(pages.alpha)).text()).toContain("in a new sentence");

  // A verification: its own page alone (it shows the date).
  warmed = await warm(request, all);
  await page.goto(`/admin/organisations/${alpha.id}/edit`);
  await page.getByRole("button", { name: "Mark verified today" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as verified today." })).toBeVisible();
  expect(await refreshed(request, warmed)).toEqual([pages.alpha]);

  // A change of address: the old one answers with a redirect at once, the new one with the page;
  // its country's page links to it, the home page lists it.
  warmed = await warm(request, all);
  const newSlug = `cachecheck-${run}-renamed`;
  const renameId = await submitChange(page, beta.slug, async (form) => {
    await form.getByLabel("Address of its page (optional)").fill(newSlug);
  });
  await approveAsReviewer(browser, renameId);
  expect(await refreshed(request, warmed)).toEqual([pages.beta, pages.liechtenstein, pages.home, pages.sitemapOrganisations]);
  expect((await request.get(pages.beta, { maxRedirects: 0 })).status()).toBe(308);
  expect((await request.get(`/en/organisations/${newSlug}`, { maxRedirects: 0 })).status()).toBe(200);
  expect(await (await request.get(pages.liechtenstein)).text()).toContain(`/en/organisations/${newSlug}`);
  pages.beta = `/en/organisations/${newSlug}`;
  const renamed = Object.values(pages);

  // An archive: its page, its country's page and count, the home page, both sitemaps it was in.
  warmed = await warm(request, renamed);
  await proposeAndApprove(page, browser, gamma, `Propose archiving ${gamma.name}`);
  expect(await refreshed(request, warmed)).toEqual([pages.gamma, pages.monaco, pages.home, pages.sitemapPages, pages.sitemapOrganisations]);
  expect((await request.get(pages.gamma)).status()).toBe(404);

  // A restore: the same pages again (its page was a "not found", which is never kept).
  warmed = await warm(request, renamed.filter((path) => path !== pages.gamma));
  await proposeAndApprove(page, browser, gamma, `Propose restoring ${gamma.name}`);
  expect(await refreshed(request, new Map(renamed.map((path) => [path, warmed.get(path)])))).toEqual([pages.gamma, pages.monaco, pages.home, pages.sitemapPages, pages.sitemapOrganisations]);
  expect((await request.get(pages.gamma)).status()).toBe(200);
});
