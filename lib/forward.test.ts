import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordCacheReads, reportCacheRead } from "./cache-reads.js";
import { cacheReadsHeader, forwarder, fromFront, frontHeader, reportReadsOn } from "./forward.js";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const secret = "front-secret";

/** Next's side as server.js sets it up (the secret checked, the reads reported), with `handle` as Next. */
async function nextSide(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: IncomingMessage[] = [];
  const port = await listen((req, res) => {
    if (!fromFront(req, secret)) return void res.writeHead(403).end();
    seen.push(req);
    const [reads] = recordCacheReads(() => handle(req, res));
    reportReadsOn(res, reads);
  });
  return { port, seen };
}

/** The front side: every request handed on, inside a record of cache reads as the front cache makes one. */
async function frontSide(nextPort: number) {
  const forward = forwarder({ port: nextPort, secret });
  const records: { entries: number; tags: Set<string> }[] = [];
  const port = await listen((req, res) => {
    const [reads, handled] = recordCacheReads(() => forward(req, res));
    records.push(reads);
    void handled;
  });
  return { url: `http://127.0.0.1:${port}`, records };
}

describe("forwarding to Next's thread", () => {
  it("hands on the request and streams the answer, with the cache reads recorded on the front side and their header kept inside", async () => {
    const next = await nextSide((req, res) => {
      // Next reads its cache entry before it writes.
      reportCacheRead(["organisation:1", "public"]);
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        res.setHeader("set-cookie", ["a=1", "b=2"]);
        res.writeHead(201, { "content-type": "text/plain", "x-seen": `${req.method} ${req.url} ${body}` });
        res.write("first ");
        setTimeout(() => res.end("second"), 20);
      });
    });
    const front = await frontSide(next.port);
    const response = await fetch(`${front.url}/en/organisations/x?y=1`, { method: "POST", body: "hello", headers: { "x-client": "kept", [frontHeader]: "forged" } });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("first second");
    expect(response.headers.get("x-seen")).toBe("POST /en/organisations/x?y=1 hello");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(response.headers.get(cacheReadsHeader)).toBeNull();
    expect(next.seen[0].headers["x-client"]).toBe("kept");
    expect(next.seen[0].headers[frontHeader]).toBeUndefined();
    expect(front.records[0]).toEqual({ entries: 1, tags: new Set(["organisation:1", "public"]) });
  });

  it("refuses a request that does not come from the front thread", async () => {
    const next = await nextSide((_req, res) => res.end("page"));
    expect((await fetch(`http://127.0.0.1:${next.port}/`, { headers: { [frontHeader]: "guess" } })).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${next.port}/`)).status).toBe(403);
    expect(next.seen).toHaveLength(0);
  });

  it("drops hop-by-hop headers both ways", async () => {
    const next = await nextSide((_req, res) => res.writeHead(200, { connection: "keep-alive, x-hop", "x-hop": "1", "x-end": "2" }).end("ok"));
    const front = await frontSide(next.port);
    const response = await fetch(`${front.url}/`, { headers: { "x-other-hop": "1" } });
    expect(response.headers.get("x-hop")).toBeNull();
    expect(response.headers.get("x-end")).toBe("2");
    const answer = await new Promise<IncomingMessage>((resolve) => {
      const url = new URL(front.url);
      request({ host: url.hostname, port: url.port, path: "/", headers: { connection: "keep-alive, x-other-hop", "x-other-hop": "1", te: "trailers" } }, resolve).end();
    });
    answer.resume();
    expect(next.seen.at(-1)!.headers["x-other-hop"]).toBeUndefined();
    expect(next.seen.at(-1)!.headers.te).toBeUndefined();
  });

  it("stops Next's work when the client goes away", async () => {
    let closed = false;
    const next = await nextSide((_req, res) => {
      res.write("begun");
      res.on("close", () => (closed = true));
    });
    const front = await frontSide(next.port);
    const controller = new AbortController();
    const response = await fetch(`${front.url}/slow`, { signal: controller.signal });
    await response.body!.getReader().read();
    controller.abort();
    await vi.waitFor(() => expect(closed).toBe(true));
  });

  it("answers 503 when Next's thread cannot be reached", async () => {
    const port = await listen(() => {});
    servers.pop()!.close();
    const front = await frontSide(port);
    const response = await fetch(`${front.url}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });
});
