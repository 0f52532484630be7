// A child process kept running: started again after a pause when it exits on its own (2 s, doubling
// to a minute while it keeps failing within a minute of starting), stopped on request. The
// launcher runs the job worker this way beside the web server, so a worker that dies never takes
// the site down.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export type Supervised = {
  /** Sends `signal`, waits for the exit (SIGKILL after `killAfterMs`), and starts it no more. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<void>;
  /** The running child, if any (tests). */
  readonly child: ChildProcess | undefined;
};

type Options = {
  name: string;
  command: string;
  args: string[];
  spawnOptions: SpawnOptions;
  firstDelayMs?: number;
  maxDelayMs?: number;
  log?: (line: string) => void;
};

export function supervise({ name, command, args, spawnOptions, firstDelayMs = 2_000, maxDelayMs = 60_000, log = console.error }: Options): Supervised {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let delay = firstDelayMs;
  let exited: Promise<void> = Promise.resolve();

  const launch = () => {
    restartTimer = undefined;
    const startedAt = Date.now();
    const current = spawn(command, args, spawnOptions);
    child = current;
    exited = new Promise((resolve) => {
      let ended = false;
      const end = (how: string) => {
        if (ended) return;
        ended = true;
        if (child === current) child = undefined;
        resolve();
        if (stopping) return;
        if (Date.now() - startedAt > maxDelayMs) delay = firstDelayMs;
        log(`[${name}] ${how}; starting it again in ${delay / 1000} s. The web server keeps running.`);
        restartTimer = setTimeout(launch, delay);
        delay = Math.min(delay * 2, maxDelayMs);
      };
      // A process that could not be spawned at all emits "error" and may never emit "exit".
      current.on("error", (error) => {
        if (current.pid === undefined) end(`could not be started (${error.message})`);
      });
      current.on("exit", (code, signal) => end(`stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  };
  launch();

  return {
    get child() {
      return child;
    },
    async stop(signal = "SIGTERM", killAfterMs = 30_000) {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      if (!running) return;
      running.kill(signal);
      const killer = setTimeout(() => running.kill("SIGKILL"), killAfterMs);
      await exited;
      clearTimeout(killer);
    },
  };
}
