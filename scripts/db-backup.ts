// npm run db:backup [-- --out <file>]: a pg_dump custom-format backup of the configured database
// (DATABASE_URL, or the embedded one), by default backups/prova-<UTC time>.dump.
import { parseArgs } from "node:util";
import { backup, shownPath, userPath } from "./lib/backup";
import { formatBytes, formatDuration } from "./lib/format";
import { LaunchError } from "./lib/database";
import { main } from "./lib/run";

const usage = "Usage: npm run db:backup [-- --out <file>]";

await main(async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" } } }));
  } catch (error) {
    throw new LaunchError(`${(error as Error).message.split("\n")[0]} ${usage}`);
  }
  const result = await backup({ file: values.out ? userPath(values.out) : undefined });
  console.log(`Backed up ${result.target} to ${shownPath(result.file)} (${formatBytes(result.bytes)}) in ${formatDuration(result.seconds)}.`);
});
