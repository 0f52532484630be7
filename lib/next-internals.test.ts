import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import * as internals from "./next-internals.js";

const next = (file: string) => readFileSync(`node_modules/next/dist/${file}`, "utf8");

describe("what the app relies on in Next, checked against the installed Next", () => {
  it("the cache status header is still the one Next writes on cached pages", () => {
    expect(next("build/templates/app-page-runtime.js")).toContain(`'${internals.cacheStatusHeader}'`);
  });

  it("the draft mode cookie, the revalidation header and the action and RSC headers are still Next's names", () => {
    expect(next("server/api-utils/index.js")).toContain(`COOKIE_NAME_PRERENDER_BYPASS = \`${internals.draftModeCookie}\``);
    expect(next("lib/constants.js")).toContain(`PRERENDER_REVALIDATE_HEADER = '${internals.revalidateHeader}'`);
    const headers = next("client/components/app-router-headers.js");
    expect(headers).toContain(`ACTION_HEADER = '${internals.serverActionHeader}'`);
    expect(headers).toContain(`RSC_HEADER = '${internals.rscHeader}'`);
  });

  it("the empty error document is still what Next writes, and what its client renders from scratch", () => {
    const id = /id="([^"]+)"/.exec(internals.errorShellMarker)![1];
    expect(next("server/app-render/app-render.js")).toContain(`id: '${id}'`);
    expect(next("client/app-index.js")).toMatch(new RegExp(`document\\.documentElement\\.id === '${id}'\\)\\s*\\{[\\s\\S]{0,600}createRoot\\(`));
  });

  it("the file-system cache is still a class with the methods the local handler relies on", () => {
    expect(typeof internals.FileSystemCache).toBe("function");
    for (const method of ["get", "set", "revalidateTag"]) expect(typeof internals.FileSystemCache.prototype[method as "get"], method).toBe("function");
  });

  it("a page's tags (lib/cache.ts tagPage) still go from the render's store into the stored entry", () => {
    // tagPage adds to the `tags` of the store an ISR render runs in; Next stores them as the entry's tags.
    expect(typeof workUnitAsyncStorage.getStore).toBe("function");
    const render = next("server/app-render/app-render.js");
    expect(render).toContain("type: 'prerender-legacy'");
    expect(render).toContain("collectedTags: prerenderLegacyStore.tags");
    expect(render).toContain("metadata.fetchTags = response.collectedTags.join(',')");
  });
});
