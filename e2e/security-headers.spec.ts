import type { Page } from "@playwright/test";
import { expect, test } from "./factories";
import { demoUsers, freshAddress, signInAs } from "./support";

const cspOf = (headers: { name: string; value: string }[]) => headers.filter((header) => header.name.toLowerCase() === "content-security-policy").map((header) => header.value);

const staticPages = ["/en", "/en/countries/be", "/en/organisations/allo-tolerance", "/robots.txt", "/sitemap.xml", "/no-such-page", "/ADMIN", "/Login"];
const dynamicPages = ["/login", "/en/search?q=tolerance", "/admin", "/admin/users", "/set-password/not-a-real-token-but-long-enough", "/en/confirm/not-a-real-token", "/en/suggest", "/en/organisations/allo-tolerance/suggest"];

test("every response carries exactly one Content-Security-Policy, the right one for its class of path", async ({ request }) => {
  const nonces = new Set<string>();
  for (const url of dynamicPages) {
    for (let i = 0; i < 2; i++) {
      const response = await request.get(url, { maxRedirects: 0 });
      const [policy, ...more] = cspOf(response.headersArray());
      expect(more, url).toEqual([]);
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, url).toBeTruthy();
      nonces.add(nonce!);
      expect(policy, url).toContain("'strict-dynamic'");
      expect(policy, url).not.toContain("unsafe-inline");
      expect(policy, url).not.toContain("unsafe-eval");
    }
  }
  // A fresh nonce for every request.
  expect(nonces.size).toBe(dynamicPages.length * 2);

  for (const url of staticPages) {
    const first = await request.get(url);
    const response = await request.get(url);
    const [policy, ...more] = cspOf(response.headersArray());
    expect(more, url).toEqual([]);
    expect(policy, url).not.toContain("nonce-");
    expect(policy, url).not.toContain("unsafe-eval");
    expect(policy, url).toContain("style-src 'self'");
    // Still served from the ISR cache: the policy did not make the page dynamic.
    expect(response.headers()["x-nextjs-cache"], url).toMatch(/HIT|STALE/);
    expect(cspOf(first.headersArray()), url).toEqual([policy]);
  }

  const api = await request.get("/api/auth/csrf");
  expect(cspOf(api.headersArray())).toEqual(["default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"]);

  for (const url of [...staticPages, ...dynamicPages, "/api/auth/csrf"]) {
    const policy = cspOf((await request.get(url, { maxRedirects: 0 })).headersArray())[0];
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      if (!url.startsWith("/api/") || directive !== "object-src 'none'") expect(policy, url).toContain(directive);
    }
    const headers = (await request.get(url, { maxRedirects: 0 })).headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], url).toContain("camera=()");
  }
});

/** Collects what the browser reports as blocked by the Content-Security-Policy. */
function violations(page: Page) {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(`${page.url()}: ${message.text()}`);
  });
  return found;
}

test("nothing on the public pages or the admin pages is blocked by the policy, and their scripts run", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  const blocked = violations(page);
  for (const url of ["/en", "/en/countries/be", "/en/organisations/allo-tolerance", "/en/search?q=tolerance"]) {
    await page.goto(url, { waitUntil: "load" });
  }
  // Signing in runs the login form's script; the users page runs the admin forms' scripts.
  await signInAs(page, demoUsers.admin);
  await page.goto("/admin/users");
  await page.getByRole("region", { name: "New account" }).getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("region", { name: "New account" }).getByRole("alert")).toHaveText("Check the highlighted fields.");
  expect(blocked).toEqual([]);
});
