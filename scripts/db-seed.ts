// npm run db:seed [-- --demo]: load the countries and the original directory (idempotent);
// --demo also creates the demo accounts (always created for the embedded database).
import { resolveDatabase } from "./lib/database";
import { main } from "./lib/run";
import { deployMigrations } from "./lib/schema-engine";

await main(async () => {
  const database = await resolveDatabase();
  try {
    await deployMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const { loadSeed } = await import("../prisma/seed/load");
    const report = await loadSeed({ demo: database.embedded || process.argv.includes("--demo") });
    console.log(`Seed: ${report.countries} countries, ${report.organisations} organisations, ${report.users} demo users added.`);
    const { db } = await import("../lib/db");
    await db.$disconnect();
  } finally {
    await database.stop();
  }
});
