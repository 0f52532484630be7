import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { collectRenderAgain, isPublicPath, renderAgain } from "./render-again.js";
import { TagInvalidations } from "./tag-invalidations.js";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server whose POST /change asks for pages to be rendered again, and records every GET it is sent. */
async function setup(change: (invalidations: TagInvalidations) => void) {
  const invalidations = new TagInvalidations();
  const asked: { path: string; invalidated: boolean }[] = [];
  const server = createServer((req, res) => {
    if (req.method === "GET") {
      asked.push({ path: req.url!, invalidated: !invalidations.unchangedSince(["organisation:1"], 0) });
      return void res.end("page");
    }
    collectRenderAgain(res, { origin, clock: invalidations }, async () => {
      change(invalidations);
      res.end("done");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { asked, post: () => fetch(`${origin}/change`, { method: "POST" }).then((response) => response.text()) };
}

describe("render again", () => {
  it("asks for each page once the answer is sent and its invalidations are visible, one at a time, public pages only", async () => {
    const { asked, post } = await setup((invalidations) => {
      renderAgain(["/organisations/one", "/", "/api/revalidate", "//elsewhere.example.org/", "/_next/static/x.js", "/organisations/one"], ["organisation:1"]);
      // As a route handler's revalidations are: written after its answer.
      setTimeout(() => invalidations.invalidate(["organisation:1"]), 50);
    });
    expect(await post()).toBe("done");
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked).toEqual([
      { path: "/organisations/one", invalidated: true },
      { path: "/", invalidated: true },
    ]);
  });

  it("asks for nothing when no page was named, and does nothing outside a request", async () => {
    const { asked, post } = await setup(() => renderAgain([], ["organisation:1"]));
    await post();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
    expect(() => renderAgain(["/"], [])).not.toThrow();
  });

  it("knows a public page's path", () => {
    for (const path of ["/", "/organisations/allo-tolerance", "/countries/be/from/x-1"]) expect(isPublicPath(path), path).toBe(true);
    for (const path of ["", "organisations", "//evil.example", "/api/revalidate", "/_next/data", "/a b", "/a?b=1", "/a#b", "/\\evil", `/${"a".repeat(300)}`]) {
      expect(isPublicPath(path), path).toBe(false);
    }
  });
});
