// Extra instances of the test build (server.js, as `npm start` runs it), and a load balancer in front of them, for the
// specs about running several instances.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type net from "node:net";
import { freePort } from "../scripts/lib/database";

export type Instance = {
  name: string;
  url: string;
  /** Everything the server wrote to stderr so far. */
  errors(): string;
  /** The server process has not exited. */
  alive(): boolean;
  stop(): Promise<void>;
};

/** Starts server.js on the build the other specs use, with `env` added, and waits until it answers. */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["server.js", "--port", String(port)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://localhost:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Instance ${name} exited: ${stderr}`);
    const up = await fetch(`${url}/robots.txt`).then((response) => response.ok, () => false);
    if (up) break;
    if (Date.now() > until) throw new Error(`Instance ${name} did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name,
    url,
    errors: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export type Balancer = {
  url: string;
  /** Which instance each request went to, in order. */
  log: { method: string; path: string; instance: string }[];
  /** Chooses the instance for each request (a real balancer would spread them; tests decide). */
  route: (request: http.IncomingMessage) => Instance;
  close(): Promise<void>;
};

/** A reverse proxy on a port of its own; the Host header passes through, as behind nginx. */
export async function startBalancer(route: (request: http.IncomingMessage) => Instance, port?: number): Promise<Balancer> {
  const balancer: Balancer = { url: "", log: [], route, close: async () => {} };
  const server = http.createServer((request, response) => {
    const instance = balancer.route(request);
    balancer.log.push({ method: request.method ?? "GET", path: request.url ?? "/", instance: instance.name });
    const target = new URL(instance.url);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      response.statusCode = 502;
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port ?? 0, "127.0.0.1", resolve));
  balancer.url = `http://localhost:${(server.address() as net.AddressInfo).port}`;
  balancer.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return balancer;
}

