// The launcher's keeper of the worker process, on real child processes.
import { describe, expect, it } from "vitest";
import { supervise } from "./supervise";

const node = (script: string) => ({ command: process.execPath, args: ["-e", script], spawnOptions: { stdio: "ignore" as const } });

describe("supervise", () => {
  it("starts a process that dies again after a pause, saying so, and stops it for good on request", async () => {
    const lines: string[] = [];
    const kept = supervise({ name: "crasher", ...node("setTimeout(() => process.exit(3), 50)"), firstDelayMs: 100, log: (line) => lines.push(line) });
    const pids = new Set<number>();
    const deadline = Date.now() + 5_000;
    while (pids.size < 3 && Date.now() < deadline) {
      if (kept.child?.pid) pids.add(kept.child.pid);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await kept.stop();
    expect(pids.size).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toBe("[crasher] stopped unexpectedly (exit code 3); starting it again in 0.1 s. The web server keeps running.");
    const after = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lines).toHaveLength(after);
    expect(kept.child).toBeUndefined();
  });

  it("waits longer after each quick failure", async () => {
    const lines: string[] = [];
    const kept = supervise({ name: "crasher", ...node("process.exit(1)"), firstDelayMs: 1_000, log: (line) => lines.push(line) });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await kept.stop();
    expect(lines.map((line) => line.match(/again in (\d+) s/)?.[1])).toEqual(["1", "2"]);
  });

  it("passes the signal on and waits for the process to finish its own shutdown", async () => {
    const lines: string[] = [];
    // Takes 300 ms to stop after SIGTERM, then exits 0.
    const kept = supervise({
      name: "graceful",
      ...node("process.on('SIGTERM', () => setTimeout(() => process.exit(0), 300)); setInterval(() => {}, 1000)"),
      log: (line) => lines.push(line),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await kept.stop("SIGTERM");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(lines).toEqual([]);
  });

  it("kills a process that does not stop within the time given", async () => {
    const kept = supervise({ name: "stubborn", ...node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"), log: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const child = kept.child!;
    await kept.stop("SIGTERM", 200);
    expect(child.signalCode).toBe("SIGKILL");
  });
});
