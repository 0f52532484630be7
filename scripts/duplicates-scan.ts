// tsx --conditions=react-server scripts/duplicates-scan.ts: finds the likely duplicate
// organisations in DATABASE_URL now, as the nightly duplicates-scan job does, and prints what it
// found as one JSON line. For operators and for the end-to-end tests.
import { EnvError, serverEnv } from "../lib/env";

try {
  serverEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}

const { scanDuplicates } = await import("../lib/data/duplicate-scan");
const { db } = await import("../lib/db");
try {
  console.log(JSON.stringify(await scanDuplicates()));
} finally {
  await db.$disconnect();
}
