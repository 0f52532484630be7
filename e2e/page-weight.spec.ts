// What a public page weighs (docs/performance.md, "Weight of a public page"): the map's outlines
// are not carried by the home page, and the scripts a public page loads are the ones listed there.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { expect, test } from "./factories";
import { freshAddress } from "./support";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const buildFile = (name: string) => readFileSync(path.join(distDir, name), "utf8");

/** The client chunks each segment file (layout, page, error boundary) needs, from a page's client reference manifest. */
function entryFiles(page: string): Record<string, string[]> {
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  vm.runInNewContext(buildFile(`server/app${page}_client-reference-manifest.js`), { globalThis: sandbox });
  return Object.values(sandbox.__RSC_MANIFEST!)[0].entryJSFiles;
}

/** What each script is for, by the build's manifests: the first role that lists the file. */
function roleOf(): (src: string) => string {
  const build = JSON.parse(buildFile("build-manifest.json")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const entries = { ...entryFiles("/(public)/[locale]/page"), ...entryFiles("/(public)/[locale]/suggest/page") };
  const roles: [string, string[]][] = [
    ["React and Next's client runtime", build.rootMainFiles],
    ["polyfills (noModule: old browsers only)", build.polyfillFiles],
    ["Next's layout router", entries["[project]/app/layout"]],
    ["app/error.tsx", entries["[project]/app/error"]],
    ["app/global-error.tsx", entries["[project]/app/global-error"]],
    ["next/link and the language switch", entries["[project]/app/(public)/[locale]/layout"]],
    ["the suggestion form", entries["[project]/app/(public)/[locale]/suggest/page"]],
  ];
  return (src) => {
    const file = new URL(src, "http://localhost").pathname.replace(/^\/_next\//, "");
    return roles.find(([, files]) => files.includes(file))?.[0] ?? `unexpected: ${file}`;
  };
}

/** The scripts a page's HTML loads (<script src> and script preloads), by role, with how many files each. */
async function scriptsOf(request: import("@playwright/test").APIRequestContext, page: string, role: (src: string) => string) {
  const response = await request.get(page, { headers: { "x-forwarded-for": freshAddress() } });
  expect(response.status(), page).toBe(200);
  const html = await response.text();
  const sources = new Set([
    ...[...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map(([, src]) => src),
    ...[...html.matchAll(/<link\b(?=[^>]*\srel="(?:preload|modulepreload)")(?=[^>]*\sas="script")[^>]*\shref="([^"]+)"/g)].map(([, src]) => src),
  ]);
  const counts: Record<string, number> = {};
  for (const src of sources) counts[role(src)] = (counts[role(src)] ?? 0) + 1;
  return counts;
}

/** Every file of Next's runtime (how many is the bundler's choice; docs/performance.md has today's). */
const runtimeFiles = () => (JSON.parse(buildFile("build-manifest.json")) as { rootMainFiles: string[] }).rootMainFiles.length;

const everyPublicPage = {
  "React and Next's client runtime": runtimeFiles(),
  "polyfills (noModule: old browsers only)": 1,
  "Next's layout router": 1,
  "app/error.tsx": 1,
  "app/global-error.tsx": 1,
  "next/link and the language switch": 1,
};

test("a public page loads Next's runtime, its error pages and next/link, nothing else", async ({ request }) => {
  const role = roleOf();
  for (const page of ["/en", "/en/countries/be", "/en/organisations/allo-tolerance", "/en/search?q=x"]) {
    expect(await scriptsOf(request, page, role), page).toEqual(everyPublicPage);
  }
  expect(await scriptsOf(request, "/en/suggest", role), "/en/suggest").toEqual({ ...everyPublicPage, "the suggestion form": 1 });
});

test("the suggestion form's script carries neither zod, libphonenumber-js's metadata nor the messages", () => {
  // The schemas that validate the form run on the server only; its texts come with the page, in its language.
  const files = entryFiles("/(public)/[locale]/suggest/page")["[project]/app/(public)/[locale]/suggest/page"];
  const own = files.filter((file) => !Object.values(entryFiles("/(public)/[locale]/page")).flat().includes(file));
  expect(own).toHaveLength(1);
  for (const file of own) {
    const code = buildFile(file);
    expect(code, file).toContain("/api/suggestions?language=");
    expect(code, file).not.toContain("Non-governmental organisation");
    expect(code, file).not.toContain("country_calling_codes");
    expect(code, file).not.toContain("jitless");
  }
});

test("the home page refers to the map's outlines in one cached file instead of carrying them", async ({ request, browser }) => {
  const html = await (await request.get("/en")).text();
  const references = [...html.matchAll(/<use href="([^"#]+)#([^"]+)"/g)].map(([, url, id]) => ({ url, id }));
  // Everything in grey, and at least Belgium (seeded) drawn again as a link.
  expect(references.map(({ id }) => id)).toEqual(expect.arrayContaining(["europe", "BE"]));
  const urls = new Set(references.map(({ url }) => url));
  expect(urls.size).toBe(1);
  const [url] = urls;
  expect(url).toMatch(/^\/_next\/static\/media\/europe-map\.[\w-]+\.svg(\?.*)?$/);

  const file = await request.get(url);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/svg+xml");
  expect(file.headers()["cache-control"]).toContain("immutable");
  const shapes = await file.text();
  const ids = new Set([...shapes.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id));
  for (const { id } of references) expect(ids, id).toContain(id);

  // Inline, each outline went out twice: in the HTML and again in the RSC payload.
  const outlines = [...shapes.matchAll(/ d="([^"]+)"/g)].map(([, d]) => d);
  expect(outlines.join("").length).toBeGreaterThan(20_000);
  for (const d of outlines) expect(html.split(d).length - 1, d.slice(0, 40)).toBe(0);

  // The browser draws them from the file without JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en");
  const belgium = page.getByRole("figure").getByRole("link", { name: /^Belgium: \d+ organisations?$/ });
  await expect(belgium).toBeVisible();
  expect((await belgium.boundingBox())!.width).toBeGreaterThan(10);
  await context.close();
});
