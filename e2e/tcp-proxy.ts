// A TCP proxy that tests put between the app and a service (Redis) to take the service away
// without stopping the machine's shared server: "down" closes every connection and refuses new
// ones, "slow" holds every byte in both directions until the proxy is "up" again (a server that
// hangs, then catches up), "up" forwards, what the service sends back `latency` ms late (0 unless
// set: a service that answers, slowly). `replied()` tells a test when the service has answered,
// before the latency is applied.
import net from "node:net";

export type ProxyMode = "up" | "down" | "slow";

export type TcpProxy = {
  port: number;
  set(mode: ProxyMode): void;
  /** How late what the service sends back is passed on while "up", in ms. */
  latency(ms: number): void;
  /** Resolves when the service next sends something back (as it reaches the proxy, before any latency). */
  replied(): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "up";
  let latencyMs = 0;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  // Bytes held while "slow", in order, per destination.
  const held: { to: net.Socket; chunk: Buffer }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const repliedWaiters: (() => void)[] = [];
  const forward = (from: net.Socket, to: net.Socket, delay: () => number, received = () => {}) => {
    // In order, each chunk when it is due (never before the one ahead of it).
    const queue: { due: number; chunk: Buffer }[] = [];
    let timer: NodeJS.Timeout | undefined;
    const drain = () => {
      if (timer) timers.delete(timer);
      timer = undefined;
      while (queue.length && queue[0].due <= Date.now()) {
        const { chunk } = queue.shift()!;
        if (!to.destroyed) to.write(chunk);
      }
      if (queue.length) timers.add((timer = setTimeout(drain, queue[0].due - Date.now())));
    };
    from.on("data", (chunk: Buffer) => {
      received();
      if (mode === "slow") return void held.push({ to, chunk });
      queue.push({ due: Math.max(queue.at(-1)?.due ?? 0, Date.now() + delay()), chunk });
      if (!timer) drain();
    });
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === "down") return void client.destroy();
    const upstream = net.connect(target);
    track(upstream);
    forward(client, upstream, () => 0);
    forward(upstream, client, () => latencyMs, () => {
      for (const resolve of repliedWaiters.splice(0)) resolve();
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    set(next) {
      mode = next;
      if (next === "down") {
        // Existing connections end, as they do when the server goes away.
        held.length = 0;
        for (const socket of sockets) socket.destroy();
      }
      if (next === "up") for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    latency(ms) {
      latencyMs = ms;
    },
    replied: () => new Promise<void>((resolve) => repliedWaiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
