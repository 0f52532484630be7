import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { copyResponse, type ResponseCopy } from "./response-copy.js";

let server: http.Server | undefined;

afterEach(async () => {
  server?.close();
  server = undefined;
});

/** Serves one request with `send`, copying the response; resolves with the copy and what the client received. */
async function serve(options: Parameters<typeof copyResponse>[1], send: (res: http.ServerResponse) => void) {
  let copy: ResponseCopy | undefined;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const listening = http.createServer((_req, res) => {
    copy = copyResponse(res, options);
    res.once("finish", finish);
    send(res);
  });
  server = listening;
  listening.listen(0, "127.0.0.1");
  await once(listening, "listening");
  const response = await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/`);
  const received = await response.text();
  await finished;
  return { copy: copy!, received, response };
}

describe("copyResponse", () => {
  it("copies the headers set and those given to writeHead, in lower case, and every chunk of the body as sent", async () => {
    const { copy, received, response } = await serve({ limit: 1024 }, (res) => {
      res.setHeader("X-Set", "one");
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "X-Passed": "two" });
      res.write("héllo ");
      res.write(Buffer.from("wörld "));
      res.end(new TextEncoder().encode("!"), () => {});
    });
    expect(received).toBe("héllo wörld !");
    expect(response.headers.get("x-passed")).toBe("two");
    expect(copy.kept()).toBe(true);
    expect(copy.headers()).toMatchObject({ "x-set": "one", "x-passed": "two", "content-type": "text/plain; charset=utf-8" });
    expect(copy.body().toString("utf8")).toBe(received);
  });

  it("keeps nothing past the limit, and the client still gets all of it", async () => {
    const { copy, received } = await serve({ limit: 10 }, (res) => {
      res.write("12345678");
      res.end("90ab");
    });
    expect(received).toBe("1234567890ab");
    expect(copy.kept()).toBe(false);
  });

  it("asks `accept` at the first write, when the status and headers are known, and copies nothing it refuses", async () => {
    const seen: unknown[] = [];
    const { copy, received } = await serve(
      {
        limit: 1024,
        accept: (header) => {
          seen.push(header("x-cache"));
          return header("x-cache") === "HIT";
        },
      },
      (res) => {
        res.writeHead(200, { "x-cache": "MISS" });
        res.write("a");
        res.end("b");
      },
    );
    expect(received).toBe("ab");
    expect(seen).toEqual(["MISS"]);
    expect(copy.kept()).toBe(false);
    expect(copy.body().length).toBe(0);
  });

  it("refuses headers given to writeHead as a raw array (their names cannot be merged safely)", async () => {
    const { copy, received } = await serve({ limit: 1024 }, (res) => {
      res.writeHead(200, ["X-Raw", "1"]);
      res.end("body");
    });
    expect(received).toBe("body");
    expect(copy.kept()).toBe(false);
  });
});
