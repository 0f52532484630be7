// `prisma generate` only parses the schema, but the Prisma 7 CLI insists on locating its native
// schema engine first (which cannot be downloaded offline): any executable stands in for it.
import { execFileSync } from "node:child_process";

execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
