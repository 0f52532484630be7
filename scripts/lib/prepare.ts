// Brings a database up to date: migrations, then the seed when the directory is empty.
import { deployMigrations } from "./schema-engine";

export async function prepareDatabase(url: string, { demo }: { demo: boolean }) {
  const applied = await deployMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  // lib/db reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = url;
  const { loadSeed } = await import("../../prisma/seed/load");
  const { isDirectoryEmpty } = await import("../../lib/data/seed");
  const empty = await isDirectoryEmpty();
  const report = await loadSeed({ demo: empty && demo });
  if (report.organisations || report.users) {
    console.log(`Loaded the seed: ${report.organisations} organisations, ${report.countries} countries, ${report.users} demo users.`);
  }
  return report;
}
