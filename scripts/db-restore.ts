// npm run db:restore -- <file> [--database <url>] [--force]: restores a db:backup file into the
// configured database (DATABASE_URL, or the embedded one) or into --database (created if missing).
// All or nothing: one transaction. A database that has tables is replaced only with --force.
import { parseArgs } from "node:util";
import { restore, shownPath, userPath } from "./lib/backup";
import { formatDuration } from "./lib/format";
import { LaunchError } from "./lib/database";
import { main } from "./lib/run";

const usage = "Usage: npm run db:restore -- <file> [--database postgresql://…] [--force]";

await main(async () => {
  let parsed;
  try {
    parsed = parseArgs({ options: { database: { type: "string" }, force: { type: "boolean", default: false } }, allowPositionals: true });
  } catch (error) {
    throw new LaunchError(`${(error as Error).message.split("\n")[0]} ${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new LaunchError(`Name one backup file to restore. ${usage}`);
  if (values.database && !/^postgres(ql)?:\/\//.test(values.database)) {
    throw new LaunchError(`--database must be a postgresql:// URL, e.g. postgresql://postgres@localhost:5432/prova_restored. ${usage}`);
  }
  const file = userPath(positionals[0]);
  const result = await restore({ file, database: values.database, force: values.force });
  console.log(
    `Restored ${shownPath(file)} into ${result.target}${result.created ? " (created)" : ""}: ${result.tables} tables in ${formatDuration(result.seconds)}.`,
  );
  if (!values.database) {
    console.log("A running app may serve pages it cached before the restore until they are revalidated (within an hour).");
  }
});
