// npm run db:deploy: apply pending migrations (DATABASE_URL, or the embedded database).
import { resolveDatabase } from "./lib/database";
import { main } from "./lib/run";
import { deployMigrations } from "./lib/schema-engine";

await main(async () => {
  const database = await resolveDatabase();
  try {
    const applied = await deployMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  } finally {
    await database.stop();
  }
});
