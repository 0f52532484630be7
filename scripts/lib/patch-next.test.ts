import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { measuresEveryEntry, patchSource } from "./patch-next";

// As Next 16.4.6 and 16.5.0 write it: a production runtime, a development one, dist/server.
const minified = `n=oM(e,t),a=i}let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler&&!r.isImplicitBuildTimeCache){`;
const development = `t=responseContext}let itemSize=JSON.stringify(data).length;if(ctx.fetchCache&&itemSize>2097152&&!this.hasCustomCacheHandler`;
const readable = `        // FetchCache has upper limit of 2MB per-entry currently
        const itemSize = JSON.stringify(data).length;
        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024 && // We ignore the size limit`;

/** Runs the code's measure and its `if` on an entry; true when it took the size branch. */
function overLimit(code: string, entry: unknown, fetchCache: boolean, names: [entry: string, ctx: string]) {
  const measure = code.slice(code.indexOf("let "), code.indexOf("if("));
  const condition = code.slice(code.indexOf("if(") + 3, code.indexOf(">2097152") + 8);
  return new Function(names[0], names[1], `${measure} return ${condition};`)(entry, { fetchCache }) as boolean;
}

describe("the patch to Next's IncrementalCache.set", () => {
  it("measures an entry only for the data cache, whose size limit it serves", () => {
    const patched = patchSource(minified);
    expect(patched).toBe(`n=oM(e,t),a=i}let i;if(r.fetchCache&&(i=JSON.stringify(t).length)>2097152&&!this.hasCustomCacheHandler&&!r.isImplicitBuildTimeCache){`);
    // A page's entry is never stringified; a data-cache entry over 2 MB still is, and still refused.
    const unmeasurable = { toJSON: () => { throw new Error("stringified"); } };
    expect(overLimit(patched, unmeasurable, false, ["t", "r"])).toBe(false);
    expect(overLimit(patched, "x".repeat(3 * 1024 * 1024), true, ["t", "r"])).toBe(true);
    expect(overLimit(patched, "small", true, ["t", "r"])).toBe(false);
    expect(() => overLimit(minified, unmeasurable, false, ["t", "r"])).toThrow("stringified");
  });

  it("patches the development runtimes and Next's readable modules the same way", () => {
    expect(patchSource(development)).toBe(`t=responseContext}let itemSize;if(ctx.fetchCache&&(itemSize=JSON.stringify(data).length)>2097152&&!this.hasCustomCacheHandler`);
    const patched = patchSource(readable);
    expect(patched).toContain("const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;\n        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024 &&");
    expect(measuresEveryEntry(patched)).toBe(false);
    for (const source of [minified, development, readable]) expect(measuresEveryEntry(source)).toBe(true);
  });

  it("changes nothing the second time", () => {
    for (const source of [minified, development, readable]) expect(patchSource(patchSource(source))).toBe(patchSource(source));
  });

  it("is applied to the installed Next (npm's postinstall), in the runtime that renders the pages", () => {
    const runtime = readFileSync("node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js", "utf8");
    // An upgrade that changes this code fails here: check whether the new Next still needs the patch.
    expect(measuresEveryEntry(runtime)).toBe(false);
    expect(runtime).toMatch(/let [\w$]+;if\([\w$]+\.fetchCache&&\([\w$]+=JSON\.stringify\([\w$]+\)\.length\)>2097152/);
    const ownModule = readFileSync("node_modules/next/dist/server/lib/incremental-cache/index.js", "utf8");
    expect(ownModule).toContain("const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;");
  });
});
