// A production server refuses to start without NEXTAUTH_SECRET, or with a short one, however it
// is started: server.js (as `npm start` runs it) and `next start`, on the build the other specs use.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "./factories";
import { freePort } from "../scripts/lib/database";

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, NODE_ENV: "production", REDIS_URL: "", ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    // A server that does start is stopped: the test then fails on its exit code.
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("a production server without NEXTAUTH_SECRET, or with a short one, does not start", async () => {
  test.setTimeout(150_000);
  const starts = {
    "server.js": async () => ["server.js", "--port", String(await freePort())],
    "next start": async () => [path.join("node_modules", "next", "dist", "bin", "next"), "start", "--port", String(await freePort())],
  };
  for (const [how, args] of Object.entries(starts)) {
    const missing = await run(await args(), { NEXTAUTH_SECRET: "" });
    expect(missing.code, `${how}: ${missing.output}`).toBe(1);
    expect(missing.output).toContain("NEXTAUTH_SECRET must be set in production");
    expect(missing.output).not.toMatch(/\n\s+at /);
    const short = await run(await args(), { NEXTAUTH_SECRET: "too-short" });
    expect(short.code, `${how}: ${short.output}`).toBe(1);
    expect(short.output).toContain("NEXTAUTH_SECRET must be at least 32 characters");
  }
});

/** server.js on `port`, until it says it is ready; its output so far and its exit. */
async function startServerJs(port: number) {
  const child = spawn(process.execPath, ["server.js", "--port", String(port)], { env: { ...process.env, REDIS_URL: "" } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await expect.poll(() => output, { timeout: 60_000 }).toContain("Ready in");
  return { child, exited, output: () => output };
}

test("server.js stops on SIGTERM, both its threads, with exit code 0; a second one on the same port says why it cannot start", async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  const server = await startServerJs(port);
  expect((await fetch(`http://127.0.0.1:${port}/robots.txt`)).status).toBe(200);
  const second = await run(["server.js", "--port", String(port)], {});
  expect(second.code, second.output).toBe(1);
  expect(second.output).toContain(`Cannot listen on port ${port}`);
  server.child.kill("SIGTERM");
  expect(await server.exited, server.output()).toBe(0);
  await expect(fetch(`http://127.0.0.1:${port}/robots.txt`)).rejects.toThrow();
});
