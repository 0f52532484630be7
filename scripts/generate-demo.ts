// npm run db:generate-demo -- --database <postgresql-url> [--count N] [--seed N] [--batch N] [--connections N]
// Fills a PostgreSQL database with synthetic organisations for benchmarks and search testing
// (scripts/lib/demo-data.ts). The target is never implied: not DATABASE_URL, not the embedded
// database, so the seeded directory cannot be filled by accident.
import { parseArgs } from "node:util";
import { LaunchError, describeTarget } from "./lib/database";
import { checkDatabaseUrl, generateDemo, type DemoProgress } from "./lib/demo-data";
import { formatDuration as duration } from "./lib/format";

const usage =
  "Usage: npm run db:generate-demo -- --database postgresql://user@host:5432/dbname [--count 100000] [--seed 1] [--batch 2000] [--connections 2]";

const number = (n: number) => n.toLocaleString("en-US");

function wholeNumber(option: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d[\d_,]*$/.test(text) ? Number(text.replace(/[_,]/g, "")) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new LaunchError(`--${option} must be a whole number from ${number(min)} to ${number(max)}, not "${text}".`);
  }
  return value;
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        database: { type: "string" },
        count: { type: "string" },
        seed: { type: "string" },
        batch: { type: "string" },
        connections: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new LaunchError(`${(error as Error).message.split("\n")[0]} ${usage}`);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.database) {
    throw new LaunchError(
      `Name the database to fill with --database postgresql://… (it is never taken from DATABASE_URL, so the seeded directory is not filled by accident). ${usage}`,
    );
  }
  const urlProblem = checkDatabaseUrl(values.database);
  if (urlProblem) throw new LaunchError(urlProblem);
  return {
    url: values.database,
    count: wholeNumber("count", values.count, 100_000, 1, 100_000_000),
    seed: wholeNumber("seed", values.seed, 1, 0, 0xffffffff),
    batchSize: wholeNumber("batch", values.batch, 2000, 100, 100_000),
    connections: wholeNumber("connections", values.connections, 2, 1, 16),
  };
}

/** One status line, rewritten in place on a terminal (every second) or printed every 5 s otherwise. */
function progressReporter() {
  const tty = process.stderr.isTTY;
  const interval = tty ? 1000 : 5000;
  let started = 0;
  let last = 0;
  let shown = false;
  const write = (line: string, final = false) => {
    if (tty) process.stderr.write(`\r\x1b[K${line}${final ? "\n" : ""}`);
    else process.stderr.write(`${line}\n`);
    shown = !final;
  };
  return {
    update({ phase, done, total }: DemoProgress) {
      const now = performance.now();
      if (phase === "migrate") write("Applying pending migrations…", !tty);
      else if (phase === "revisions") write("Writing revision 1 of every organisation…", !tty);
      else if (phase === "analyze") write("Analysing the tables…", !tty);
      if (phase !== "organisations") return;
      if (done === 0) {
        started = now;
        last = now;
        return;
      }
      if (now - last < interval && done < total) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 0.001);
      const eta = done < total ? ` · eta ${duration((total - done) / rate)}` : "";
      write(
        `organisations ${number(done)} / ${number(total)} (${Math.floor((done / total) * 100)}%) · ${number(Math.round(rate))}/s${eta}`,
        done === total || !tty,
      );
    },
    end() {
      if (shown && tty) process.stderr.write("\n");
    },
  };
}

try {
  const options = parseOptions();
  console.log(`Generating ${number(options.count)} organisations into ${describeTarget(options.url)} (seed ${options.seed})…`);
  const progress = progressReporter();
  const summary = await generateDemo({ ...options, onProgress: progress.update });
  progress.end();
  if (summary.migrationsApplied.length) console.log(`Applied migrations: ${summary.migrationsApplied.join(", ")}`);
  if (summary.countriesInserted) console.log(`Loaded ${summary.countriesInserted} countries.`);
  console.log(
    `Done in ${duration(summary.seconds)}: ${number(summary.organisations)} organisations, ${number(summary.countryLinks)} country links, ` +
      `${number(summary.contacts)} contacts (slugs numbered from ${number(summary.firstSlugNumber)}).`,
  );
} catch (error) {
  const message = error instanceof LaunchError ? error.message : `Generating demo data failed: ${String((error as Error)?.message ?? error).split("\n")[0]}`;
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}
