// npm run export -- --format csv|xlsx > directory.csv: every organisation (archived ones marked)
// with all its contacts, in the columns the importer maps by default, to stdout. Against
// DATABASE_URL or the embedded database (also while `npm start` runs it).
import { parseArgs } from "node:util";
import { resolveDatabase } from "./lib/database";

const { values } = parseArgs({ options: { format: { type: "string", default: "csv" } } });
if (values.format !== "csv" && values.format !== "xlsx") {
  console.error("--format takes csv or xlsx.");
  process.exit(2);
}
const database = await resolveDatabase({ joinRunning: true }).catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
process.env.DATABASE_URL = database.url;
const { eachOrganisationForExport } = await import("../lib/data/export");
const { writeExport } = await import("../lib/import/export");
const { db } = await import("../lib/db");
try {
  await writeExport(eachOrganisationForExport(), values.format, process.stdout);
} finally {
  await db.$disconnect();
  await database.stop();
}
