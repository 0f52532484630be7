import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { fillErrorShell, fillErrorShells } from "./error-shell.js";
import { errorShellMarker } from "./next-internals.js";

// The start of what Next 16 sends for a notFound() in a page rendered per request.
const shell = `<!DOCTYPE html>${errorShellMarker}<head><meta charSet="utf-8"/><title>PROVA directory</title></head><body><div hidden=""><!--$--><!--/$--></div><script nonce="n" id="_R_">self.__next_f=[]</script></body></html>`;

describe("fillErrorShell", () => {
  it("puts the page's message, the site's link and lang into the empty document", () => {
    const filled = fillErrorShell(shell, 404)!;
    expect(filled).toContain('<html id="__next_error__" lang="en">');
    expect(filled).toContain("<title>Page not found · PROVA directory</title>");
    expect(filled).toMatch(/<body><header><p><a href="\/">PROVA directory<\/a><\/p><\/header><main id="main"><h1>Page not found<\/h1>/);
    expect(filled).toContain(`<a href="/">Go to the directory's home page</a>`);
    expect(filled).toContain('<script nonce="n" id="_R_">');
    expect(fillErrorShell(shell, 403)).toContain("<h1>You do not have access to this page</h1>");
  });

  it("leaves any other document, and statuses it has no page for, alone", () => {
    expect(fillErrorShell('<!DOCTYPE html><html lang="en"><body>x</body></html>', 404)).toBeNull();
    expect(fillErrorShell(shell, 502)).toBeNull();
  });
});

describe("fillErrorShells", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server whose handler answers like Next: headers set, then writes (gzip when asked). */
  async function serve(status: number, type: string, body: string, gzip: boolean) {
    server = http.createServer((req, res) => {
      fillErrorShells(req, res);
      res.statusCode = status;
      res.setHeader("content-type", type);
      const bytes = gzip ? zlib.gzipSync(body) : Buffer.from(body);
      if (gzip) res.setHeader("content-encoding", "gzip");
      res.writeHead(status);
      res.write(bytes.subarray(0, 10));
      res.end(bytes.subarray(10));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it("fills a compressed error document and gives it its new length", async () => {
    const url = await serve(404, "text/html; charset=utf-8", shell, true);
    const response = await fetch(`${url}/admin/organisations/x/edit`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).toContain("<h1>Page not found</h1>");
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(0);
  });

  it("passes every other answer through untouched", async () => {
    for (const [status, type, path] of [
      [200, "text/html", "/admin"],
      [404, "application/json", "/admin/x"],
      [404, "text/html", "/api/v1/organisations/x"],
    ] as const) {
      const url = await serve(status, type, shell, false);
      const response = await fetch(url + path);
      expect(response.status).toBe(status);
      expect(await response.text(), `${status} ${type} ${path}`).toBe(shell);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  });
});
