import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import LocalCacheHandler from "./local-cache-handler.js";
import { FileSystemCache } from "./next-internals.js";

type Handler = InstanceType<typeof LocalCacheHandler>;
type Value = Parameters<Handler["set"]>[1];
type SetContext = Parameters<Handler["set"]>[2];
type GetContext = Parameters<Handler["get"]>[1];

const page = (html: string, status = 200) =>
  ({ kind: "APP_PAGE", html, rscData: Buffer.from(`rsc of ${html}`), headers: { "x-next-cache-tags": "organisation:1" }, status, postponed: undefined, segmentData: undefined }) as unknown as Value;
const stored = { cacheControl: { revalidate: 3600, expire: undefined } } as unknown as SetContext;
const asPage = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as unknown as GetContext;

let directory: string;
const context = () => ({ fs: nodeFs, serverDistDir: directory, maxMemoryCacheSize: 10 * 1024 * 1024, flushToDisk: true, revalidatedTags: [], _requestHeaders: {} });

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "prova-local-cache-"));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe("the ISR cache of one instance", () => {
  it("keeps what it stores in memory and writes nothing to disk, even when Next asks it to", async () => {
    const handler = new LocalCacheHandler(context());
    await handler.set("/en/organisations/kept", page("<p>kept</p>"), stored);
    const entry = await handler.get("/en/organisations/kept", asPage);
    expect((entry?.value as { html?: string } | null)?.html).toBe("<p>kept</p>");
    expect(await readdir(directory, { recursive: true })).toEqual([]);
  });

  it("never serves an entry found on disk (the build's, or an earlier process's)", async () => {
    // The files Next's own file-system cache writes for a page.
    const base = path.join(directory, "app", "en", "organisations", "earlier");
    await mkdir(path.dirname(base), { recursive: true });
    await writeFile(`${base}.html`, "<p>from an earlier process</p>");
    await writeFile(`${base}.rsc`, "rsc");
    await writeFile(`${base}.meta`, JSON.stringify({ headers: {}, status: 200 }));

    const handler = new LocalCacheHandler(context());
    expect(await handler.get("/en/organisations/earlier", asPage)).toBeNull();
    // The same files are an entry Next's cache would serve.
    const plain = new FileSystemCache(context());
    const found = await plain.get("/en/organisations/earlier", asPage);
    expect((found?.value as { html?: string } | null)?.html).toBe("<p>from an earlier process</p>");
  });

  it("keeps no not-found page", async () => {
    const handler = new LocalCacheHandler(context());
    await handler.set("/en/organisations/made-up", page("<p>not found</p>", 404), stored);
    expect(await handler.get("/en/organisations/made-up", asPage)).toBeNull();
  });
});
