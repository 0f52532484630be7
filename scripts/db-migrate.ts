// npm run db:migrate -- <name>: create a migration from the change to prisma/schema.prisma and apply it.
import { resolveDatabase } from "./lib/database";
import { main } from "./lib/run";
import { createMigration } from "./lib/schema-engine";

await main(async () => {
  const name = (process.argv[2] ?? "migration").replace(/\W+/g, "_");
  const database = await resolveDatabase();
  try {
    const created = await createMigration(database.url, name);
    console.log(created ? `Created and applied prisma/migrations/${created}` : "schema.prisma has not changed: no migration created.");
  } finally {
    await database.stop();
  }
});
