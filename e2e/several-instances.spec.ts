// Two instances (server.js) of the same build behind a load balancer, sharing PostgreSQL and
// Redis (through a proxy the test can cut): an approval on one is served by the other at its next
// request, a form rendered by one is submitted to the other, and losing Redis loses no answer.
import { expect, test } from "./factories";
import { Redis } from "ioredis";
import { startBalancer, startInstance, type Balancer, type Instance } from "./instances";
import { approveAsReviewer, freshAddress, signInAs, sql, submitChange } from "./support";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

// npm test sets it (this machine's Redis unless REDIS_URL names another: scripts/test.ts).
const redisUrl = process.env.REDIS_URL ?? "";
if (!redisUrl) throw new Error("REDIS_URL is not set: run the tests with npm test, which sets it.");
test.describe.configure({ mode: "serial" });

const prefix = `prova-e2e-${process.pid}-${Date.now().toString(36)}`;
let proxy: TcpProxy;
let balancer: Balancer;
let a: Instance;
let b: Instance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const target = new URL(redisUrl);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
  balancer = await startBalancer(() => a);
  const env = {
    REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
    CACHE_KEY_PREFIX: prefix,
    APP_URL: balancer.url,
    NEXTAUTH_URL: balancer.url,
  };
  [a, b] = await Promise.all([startInstance("a", env), startInstance("b", env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await balancer?.close();
  await proxy?.close();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

async function get(instance: Instance, path: string) {
  const response = await fetch(instance.url + path, { headers: { "x-forwarded-for": freshAddress() } });
  return {
    status: response.status,
    cache: response.headers.get("x-nextjs-cache"),
    /** Set when the front cache (server.js) answered instead of Next. */
    age: response.headers.get("age"),
    html: await response.text(),
  };
}

test("an approval through instance A is on instance B's very next response", async ({ page, browser, make }) => {
  balancer.route = () => a;
  const { id, slug } = await make.organisation();
  const [{ description }] = await sql(`SELECT description FROM "Organisation" WHERE id = $1`, [id]);
  // B has the page cached before the change, in Next's cache and in the front cache (server.js).
  await get(b, `/en/organisations/${slug}`);
  expect((await get(b, `/en/organisations/${slug}`)).cache).toBe("HIT");
  expect((await get(b, `/en/organisations/${slug}`)).age).not.toBeNull();
  await get(b, "/en/countries/mt");

  const sentence = `Shared cache check ${crypto.randomUUID().slice(0, 8)}.`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(page, await make.user("editor"), balancer.url);
  const changeSetId = await submitChange(page, slug, async (form) => {
    await form.getByLabel("Description", { exact: true }).fill(`${description}\n\n${sentence}`);
  }, balancer.url);
  // Right after its author previewed it through A, no visitor of either instance sees it.
  await page.goto(`${balancer.url}/admin/changes/${changeSetId}/preview`);
  await expect(page.getByText(sentence)).toBeVisible();
  expect((await get(b, `/en/organisations/${slug}`)).html).not.toContain(sentence);
  expect((await get(a, `/en/organisations/${slug}`)).html).not.toContain(sentence);
  await approveAsReviewer(browser, changeSetId, { baseURL: balancer.url });
  expect(balancer.log.every((entry) => entry.instance === "a")).toBe(true);

  // No waiting and no retry: the first response from B has it.
  expect((await get(b, `/en/organisations/${slug}`)).html).toContain(sentence);
  expect((await get(b, "/en/countries/mt")).status).toBe(200);
  expect((await get(a, `/en/organisations/${slug}`)).html).toContain(sentence);
  const [{ version }] = await sql(`SELECT version FROM "Organisation" WHERE id = $1`, [id]);
  expect(Number(version)).toBeGreaterThan(1);
});

test("a change of address through instance A: B's very next answers are the redirect and the new page, and B keeps its other pages", async ({ page, browser, make }) => {
  balancer.route = () => a;
  const { slug } = await make.organisation();
  const other = await make.organisation();
  const newSlug = `moved-${crypto.randomUUID().slice(0, 8)}`;
  // B has both pages in Next's cache and in its front cache.
  for (const path of [`/en/organisations/${slug}`, `/en/organisations/${other.slug}`]) {
    await get(b, path);
    expect((await get(b, path)).cache, path).toBe("HIT");
    expect((await get(b, path)).age, path).not.toBeNull();
  }
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(page, await make.user("editor"), balancer.url);
  const changeSetId = await submitChange(page, slug, async (form) => {
    await form.getByLabel("Address of its page (optional)").fill(newSlug);
  }, balancer.url);
  await approveAsReviewer(browser, changeSetId, { baseURL: balancer.url });

  const old = await fetch(`${b.url}/en/organisations/${slug}`, { redirect: "manual", headers: { "x-forwarded-for": freshAddress() } });
  expect(old.status).toBe(308);
  expect(old.headers.get("location")).toContain(`/en/organisations/${newSlug}`);
  expect((await get(b, `/en/organisations/${newSlug}`)).status).toBe(200);
  // Another organisation's page on B is still the answer its front cache kept.
  const kept = await get(b, `/en/organisations/${other.slug}`);
  expect(kept.cache).toBe("HIT");
  expect(kept.age).not.toBeNull();
});

test("a form rendered by instance A is submitted to instance B", async ({ page, make }) => {
  const { id } = await make.organisation();
  // The balancer sends every page to A and every form submission (POST) to B.
  balancer.route = (request) => (request.method === "POST" ? b : a);
  balancer.log.length = 0;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await signInAs(page, await make.user("editor"), balancer.url);
  await page.goto(`${balancer.url}/admin/organisations/${id}/edit`);
  await page.getByLabel("Acronym (optional)").fill("NEW");
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Save draft" }).click();
  const action = new URL((await saved).url());
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  const posts = balancer.log.filter((entry) => entry.method === "POST");
  expect(posts.map((entry) => entry.path)).toContain(action.pathname + action.search);
  expect(posts.every((entry) => entry.instance === "b")).toBe(true);
  expect(balancer.log.some((entry) => entry.method === "GET" && entry.path.endsWith("/edit") && entry.instance === "a")).toBe(true);
});

test("without Redis both instances keep answering, and use it again when it returns", async () => {
  test.setTimeout(60_000);
  balancer.route = () => a;
  // What the instances log from here (with --repeat-each, the same instances ran this before).
  const logged = new Map([a, b].map((instance) => [instance, instance.errors().length]));
  proxy.set("down");
  for (const instance of [a, b]) {
    for (const path of ["/en/organisations/allo-tolerance", "/en/countries/be", "/en", "/en/search?q=threat", "/api/v1/countries"]) {
      const started = Date.now();
      const response = await get(instance, path);
      expect(response.status, `${instance.name} ${path}`).toBe(200);
      expect(Date.now() - started, `${instance.name} ${path} answers without waiting for Redis`).toBeLessThan(5_000);
    }
  }
  proxy.set("up");
  // Each instance uses Redis again once a request finds it back (after its pause), by itself.
  for (const instance of [a, b]) {
    await expect
      .poll(
        async () => {
          await get(instance, "/en/countries/de");
          return /Redis is available again/.test(instance.errors().slice(logged.get(instance)));
        },
        { timeout: 20_000, intervals: [250] },
      )
      .toBe(true);
  }
  // A page only A renders after Redis is back is served from the shared cache by B.
  const onlyA = "/en/countries/be/from/allo-tolerance";
  expect((await get(a, onlyA)).status).toBe(200);
  expect((await get(b, onlyA)).cache).toBe("HIT");
  for (const instance of [a, b]) {
    // One line when Redis went away (none when the instance had not yet found it back after an
    // earlier test's outage: it was still logged as away) and one when it came back, however many
    // requests came between.
    const errors = instance.errors().slice(logged.get(instance));
    expect((errors.match(/Redis is unavailable/g) ?? []).length, `${instance.name}: ${errors}`).toBeLessThanOrEqual(1);
    expect(errors.match(/Redis is available again/g) ?? [], `${instance.name}: ${errors}`).toHaveLength(1);
  }
});
