import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: serverEnv().DATABASE_URL,
      // Search matches names by word similarity (`%>`); the default 0.6 misses one-letter typos
      // in short names ("tolerence" → "Allo-Tolerance" scores 0.54). JIT compilation and parallel
      // workers cost more than these short statements take (docs/performance.md).
      options: "-c pg_trgm.word_similarity_threshold=0.5 -c jit=off -c max_parallel_workers_per_gather=0",
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
