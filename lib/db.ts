import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: serverEnv().DATABASE_URL,
      // A database that hangs must not hold requests: a connection (or a free one from the pool)
      // within 2 s, an answer within 3 s, and PostgreSQL itself cancels a statement after 2.5 s
      // (a clean error while it still answers; the slowest statement at a million organisations
      // takes ~100 ms). Past that, a request fails at once and the proxy answers 503 until the
      // database answers again (lib/health.ts).
      connectionTimeoutMillis: 2_000,
      query_timeout: 3_000,
      statement_timeout: 2_500,
      idle_in_transaction_session_timeout: 10_000,
      // JIT compilation and parallel workers cost more than these short statements take. A
      // search for common words reads the table in order up to its cap: synchronised scans would
      // start it where the last scan stopped, so the same search would find other candidates
      // each time and its pages would not follow on (docs/performance.md).
      options: "-c jit=off -c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off",
    }),
    // Password hashes are read only where a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

// One client per process; in development hot reloads would otherwise open a pool per reload.
const globalForDb = globalThis as unknown as { db?: Db };
export const db = globalForDb.db ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
