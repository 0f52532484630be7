// Synthetic directory data for benchmarks and search testing (npm run db:generate-demo).
//
// Everything comes from a seeded PRNG (mulberry32), so a seed always gives the same organisations,
// whatever the batch size or number of connections (only the ids, which must differ between runs
// into the same database, and the timestamps, relative to now, change). The organisations come
// from demo/generator.ts (word lists in scripts/data/demo/); here they are streamed into
// PostgreSQL with COPY over a few connections, whose transactions are committed together at the end.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import countriesJson from "../../prisma/seed/countries.json" with { type: "json" };
import { LaunchError, describeTarget } from "./database";
import { createDemoGenerator } from "./demo/generator";
import { connectPg } from "./pg-client";
import { deployMigrations } from "./schema-engine";

export { createDemoGenerator, type DemoContact, type DemoOrganisation, type GeneratorOptions } from "./demo/generator";
export { contactTypes, organisationKinds, type ContactKind, type Kind } from "./demo/vocabulary";

// ─── COPY ────────────────────────────────────────────────────────────────────────────────────

const copyEscapes: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A field in COPY's text format. */
function field(value: string | null): string {
  if (value === null) return "\\N";
  return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, (char) => copyEscapes[char]) : value;
}

function timestamp(date: Date | null): string {
  return date === null ? "\\N" : date.toISOString();
}

// Only the columns written here are named: others (generated or defaulted) are left to PostgreSQL.
const copyOrganisations =
  'COPY "Organisation" ("id", "slug", "name", "acronym", "kind", "description", "website", "status", "version", "createdAt", "updatedAt", "lastVerifiedAt", "lastVerifiedSource", "countryCodes") FROM STDIN';
const copyOrganisationCountries = 'COPY "OrganisationCountry" ("organisationId", "countryCode", "position") FROM STDIN';
const copyContacts = 'COPY "Contact" ("id", "organisationId", "position", "type", "label", "value", "rawValue") FROM STDIN';

async function copy(client: pg.Client, sql: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 2000) chunks.push(lines.slice(i, i + 2000).join(""));
  await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(sql)));
}

// ─── The generator ───────────────────────────────────────────────────────────────────────────

export type DemoPhase = "connect" | "migrate" | "countries" | "organisations" | "revisions" | "analyze";
export type DemoProgress = { phase: DemoPhase; done: number; total: number };
export type GenerateDemoOptions = {
  /** The database to fill (postgresql://…); never defaulted. */
  url: string;
  count: number;
  seed?: number;
  /** Organisations per COPY round (2,000). */
  batchSize?: number;
  /** Connections loading batches side by side (2), each in one transaction, committed together. */
  connections?: number;
  onProgress?: (progress: DemoProgress) => void;
};
export type DemoSummary = {
  organisations: number;
  countryLinks: number;
  contacts: number;
  migrationsApplied: string[];
  countriesInserted: number;
  /** The number in the first generated slug. */
  firstSlugNumber: number;
  seconds: number;
};

/** Checks a --database value; returns a one-line reason when it is unusable. */
export function checkDatabaseUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `--database must be a postgresql:// URL (e.g. postgresql://postgres@localhost:5432/prova_bench), not "${url}".`;
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    return `--database must be a postgresql:// URL (e.g. postgresql://postgres@localhost:5432/prova_bench), not ${parsed.protocol}//….`;
  }
  if (!parsed.pathname.replace(/^\//, "")) return "--database must name a database, e.g. postgresql://postgres@localhost:5432/prova_bench.";
  return null;
}

function connectionProblem(error: unknown, url: string): string {
  const where = describeTarget(url);
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${where}: nothing is listening there. Start PostgreSQL or fix --database.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Fix --database.`;
    case "3D000":
      return `PostgreSQL at ${where}: the database does not exist. Create it first (createdb ${where.split("/").pop()}).`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the user or password given in --database.`;
    case "ETIMEDOUT":
      return `Cannot reach PostgreSQL at ${where}: the connection timed out. Check --database and the network.`;
    default:
      return `Cannot use PostgreSQL at ${where}: ${firstLine(message ?? String(error))}`;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0].trim();
}

/**
 * Fills the database at `url` with `count` synthetic organisations (with their countries and
 * contacts), after applying pending migrations and loading the countries when the table is empty.
 * Nothing is visible before the end (each connection writes in one transaction; they are
 * committed one after the other at the end), then the tables are analysed.
 */
export async function generateDemo(options: GenerateDemoOptions): Promise<DemoSummary> {
  const { url, count, seed = 1, batchSize = 2000, connections = 2, onProgress = () => {} } = options;
  const started = performance.now();
  const urlProblem = checkDatabaseUrl(url);
  if (urlProblem) throw new LaunchError(urlProblem);
  if (!Number.isSafeInteger(count) || count < 1) throw new LaunchError(`The count must be a whole number of at least 1, not ${count}.`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new LaunchError(`The batch size must be a whole number of at least 1, not ${batchSize}.`);
  if (!Number.isSafeInteger(connections) || connections < 1) throw new LaunchError(`The number of connections must be a whole number of at least 1, not ${connections}.`);

  onProgress({ phase: "connect", done: 0, total: 1 });
  const connect = () =>
    connectPg(url, { connectionTimeoutMillis: 10_000, connectError: (error) => new LaunchError(connectionProblem(error, url)) });
  const client = await connect();
  const clients = [client];
  let inTransaction: pg.Client[] = [];
  try {
    onProgress({ phase: "migrate", done: 0, total: 1 });
    let migrationsApplied: string[];
    try {
      migrationsApplied = await deployMigrations(url);
    } catch (error) {
      throw new LaunchError(`Could not apply the migrations to ${describeTarget(url)}: ${firstLine((error as Error).message ?? String(error))}`);
    }

    onProgress({ phase: "countries", done: 0, total: 1 });
    let countriesInserted = 0;
    const { rowCount: haveCountries } = await client.query('SELECT 1 FROM "Country" LIMIT 1');
    if (!haveCountries) {
      const inserted = await client.query(
        'INSERT INTO "Country" ("code", "name") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
        [countriesJson.countries.map((country) => country.code), countriesJson.countries.map((country) => country.name)],
      );
      countriesInserted = inserted.rowCount ?? 0;
    }
    const countries = (await client.query<{ code: string; name: string }>('SELECT "code", "name" FROM "Country" ORDER BY "code"')).rows;

    // Generated slugs end in -N with N above every number ending an existing slug, so they cannot
    // collide with the seeded organisations, an editor's, or those of an earlier run.
    const { rows } = await client.query<{ max: string }>(
      `SELECT COALESCE(MAX(substring("slug" FROM '-([0-9]{1,15})$')::bigint), 0)::text AS max FROM "Organisation"`,
    );
    const slugOffset = Number(rows[0].max);
    const generator = createDemoGenerator({ seed, count, countries, slugOffset });

    // Several connections, each with one transaction holding whole batches (organisations with
    // their countries and contacts), committed together at the end: PostgreSQL works on one batch
    // per connection while the next is generated here. Which connection gets which batch does not
    // change what is generated.
    const loaders: pg.Client[] = [client];
    for (let i = 1; i < connections; i++) {
      const extra = await connect();
      clients.push(extra);
      loaders.push(extra);
    }
    for (const loader of loaders) {
      await loader.query("BEGIN");
      inTransaction.push(loader);
      // Fewer, larger merges of the GIN indexes' pending lists (full-text search columns).
      await loader.query("SET LOCAL gin_pending_list_limit = '32MB'");
      await loader.query("SET LOCAL work_mem = '64MB'");
    }

    let generated = 0;
    let loaded = 0;
    let countryLinks = 0;
    let contacts = 0;
    let failed = false;
    onProgress({ phase: "organisations", done: 0, total: count });
    const load = async (loader: pg.Client) => {
      while (!failed && generated < count) {
        const size = Math.min(batchSize, count - generated);
        generated += size;
        const batch = batchLines(generator, size);
        await copy(loader, copyOrganisations, batch.organisations);
        await copy(loader, copyOrganisationCountries, batch.countries);
        await copy(loader, copyContacts, batch.contacts);
        loaded += size;
        countryLinks += batch.countries.length;
        contacts += batch.contacts.length;
        onProgress({ phase: "organisations", done: loaded, total: count });
      }
    };
    const results = await Promise.allSettled(
      loaders.map((loader) =>
        load(loader).catch((error) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const rejected = results.find((result) => result.status === "rejected");
    if (rejected) throw (rejected as PromiseRejectedResult).reason;
    for (const loader of loaders) await loader.query("COMMIT");
    inTransaction = [];

    // History starts complete: revision 1 of every generated organisation (the function is the migration's).
    onProgress({ phase: "revisions", done: 0, total: 1 });
    await client.query("SELECT prova_backfill_revisions()");
    // And the typo fallback's dictionary of name words.
    await client.query("SELECT prova_backfill_search_words()");
    // The admin list's search rows in name order (kept by triggers, written batch by batch).
    await client.query('CLUSTER "OrganisationSearchText" USING "OrganisationSearchText_name_organisationId_idx"');

    onProgress({ phase: "analyze", done: 0, total: 1 });
    // VACUUM also merges the GIN indexes' pending lists, which every search would otherwise scan.
    await client.query('VACUUM ANALYZE "Country", "Organisation", "OrganisationCountry", "Contact", "Revision", "SearchWord", "OrganisationSearchText"');

    return {
      organisations: count,
      countryLinks,
      contacts,
      migrationsApplied,
      countriesInserted,
      firstSlugNumber: slugOffset + 1,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await Promise.all(inTransaction.map((open) => open.query("ROLLBACK").catch(() => {})));
    if (error instanceof LaunchError) throw error;
    throw new LaunchError(`Generating demo data into ${describeTarget(url)} failed: ${firstLine((error as Error).message ?? String(error))}`);
  } finally {
    await Promise.all(clients.map((open) => open.end().catch(() => {})));
  }
}

type BatchLines = { organisations: string[]; countries: string[]; contacts: string[] };

/** The next `size` organisations, as lines of COPY text for the three tables. */
function batchLines(generator: ReturnType<typeof createDemoGenerator>, size: number): BatchLines {
  const lines: BatchLines = { organisations: [], countries: [], contacts: [] };
  for (let i = 0; i < size; i++) {
    const o = generator.next();
    lines.organisations.push(
      `${o.id}\t${field(o.slug)}\t${field(o.name)}\t${field(o.acronym)}\t${o.kind}\t${field(o.description)}\t${field(o.website)}\t${o.status}\t1\t` +
        `${timestamp(o.createdAt)}\t${timestamp(o.updatedAt)}\t${timestamp(o.lastVerifiedAt)}\t${o.lastVerifiedAt ? "staff" : "\\N"}\t{${o.countries.join(",")}}\n`,
    );
    for (let position = 0; position < o.countries.length; position++) {
      lines.countries.push(`${o.id}\t${o.countries[position]}\t${position}\n`);
    }
    for (const c of o.contacts) {
      lines.contacts.push(`${c.id}\t${o.id}\t${c.position}\t${c.type}\t${field(c.label)}\t${field(c.value)}\t${field(c.rawValue)}\n`);
    }
  }
  return lines;
}
