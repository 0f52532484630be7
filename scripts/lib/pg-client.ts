// A plain PostgreSQL connection for scripts and tests (outside Prisma): connect, run, and always
// end the client, so a failed statement cannot leave a connection that keeps Node running.
// Imports nothing but pg, so e2e/ can use it too. (lib/health.ts keeps its own probe: timeouts.)
import pg from "pg";

export type PgOptions = Omit<pg.ClientConfig, "connectionString"> & {
  /** The error to throw when connecting fails (not when a statement does), e.g. one that says what to do. */
  connectError?: (error: unknown) => Error;
};

/** A connected client, which the caller ends; ended here already when connecting fails. */
export async function connectPg(url: string, options: PgOptions = {}): Promise<pg.Client> {
  const { connectError, ...config } = options;
  const client = new pg.Client({ ...config, connectionString: url });
  // A connection lost between statements is an 'error' event, which would end the process
  // unheard; the next statement on the client fails instead and says so.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectError ? connectError(error) : error;
  }
  return client;
}

/** Runs `fn` with a client connected to `url`, ended afterwards whatever happens. */
export async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>, options?: PgOptions): Promise<T> {
  const client = await connectPg(url, options);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** One statement on a connection of its own; its rows. */
export function pgQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
  options?: PgOptions,
): Promise<T[]> {
  return withPg(url, async (client) => (await client.query<T>(text, values)).rows, options);
}
