import { defineConfig } from "prisma/config";

// Used by the Prisma CLI where its schema engine can be fetched (`npx prisma migrate deploy`).
// On machines without it, `npm run db:migrate` / `npm run db:deploy` use the WebAssembly engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
