// npm run import -- FILE [--sheet N|NAME] [--header-row N] [--delimiter X] [--encoding E]
//   [--mapping FILE] [--match website,email,name] [--dry-run] [--json]
// The dry run of an import, with the same code as the import page, against DATABASE_URL or the
// embedded database (also while `npm start` runs it). Exit 0 when every row is valid, 1 when some
// rows have errors (or the mapping does), 2 when the file or the mapping cannot be read (one
// sentence on stderr).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { resolveDatabase } from "./lib/database";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sheet: { type: "string" },
    "header-row": { type: "string" },
    delimiter: { type: "string" },
    encoding: { type: "string" },
    mapping: { type: "string" },
    match: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

const fail = (sentence: string): never => {
  console.error(sentence);
  process.exit(2);
};

const optionsSchema = z.object({
  sheet: z.string().optional().transform((sheet) => (sheet && /^\d+$/.test(sheet) ? Number(sheet) : sheet)),
  headerRow: z.coerce.number({ error: "--header-row takes a row number, e.g. 2." }).int().positive("--header-row takes a row number, e.g. 2.").optional(),
  delimiter: z
    .enum([",", ";", "\t", "tab", "comma", "semicolon"], { error: "--delimiter takes , ; or tab." })
    .optional()
    .transform((delimiter) => (delimiter === "tab" ? "\t" : delimiter === "comma" ? "," : delimiter === "semicolon" ? ";" : delimiter) as "," | ";" | "\t" | undefined),
  encoding: z.enum(["utf-8", "utf-16le", "utf-16be", "windows-1252"], { error: "--encoding takes utf-8, utf-16le, utf-16be or windows-1252." }).optional(),
  match: z
    .string()
    .optional()
    .transform((match) => match?.split(",").map((key) => key.trim()))
    .pipe(z.array(z.enum(["website", "email", "name"], { error: "--match takes website, email and name, separated by commas." })).optional()),
});

const file = positionals[0] ?? fail("Name the file to import: npm run import -- FILE --dry-run.");
if (!values["dry-run"]) fail("Only the dry run is available from the command line for now: add --dry-run.");
const parsed = optionsSchema.safeParse({ ...values, headerRow: values["header-row"] });
if (!parsed.success) fail(parsed.error.issues[0].message);
const options = parsed.data!;

const { mappingSchema } = await import("../lib/import/mapping");
let mapping;
if (values.mapping) {
  const text = await readFile(values.mapping, "utf8").catch(() => fail(`The mapping file ${values.mapping} cannot be read.`));
  let json: unknown;
  try {
    json = JSON.parse(text as string);
  } catch {
    fail(`The mapping file ${values.mapping} is not JSON.`);
  }
  const checked = mappingSchema.safeParse(json);
  if (!checked.success) fail(`The mapping file ${values.mapping} is not right: ${checked.error.issues[0].message}`);
  mapping = checked.data;
}

const database = await resolveDatabase({ joinRunning: true }).catch((error: Error) => fail(error.message));
process.env.DATABASE_URL = database.url;
const { dryRun } = await import("../lib/import/dry-run");
const { UnreadableFileError } = await import("../lib/import/read");
const { db } = await import("../lib/db");
let code = 0;
try {
  const result = await dryRun(file, { ...options, mapping, matchBy: options.match });
  code = result.problems.length > 0 || result.summary.errors > 0 ? 1 : 0;
  if (values.json) {
    console.log(JSON.stringify({ file: result.file, mapping: result.mapping, problems: result.problems, summary: result.summary, rows: result.rows }));
  } else {
    const { file: read, summary } = result;
    console.log(`${file}: ${read.format.toUpperCase()}${read.encoding ? `, ${read.encoding}` : ""}${read.delimiter ? `, delimited by ${read.delimiter === "\t" ? "tab" : read.delimiter}` : ""}${read.sheet ? `, sheet ${read.sheet}` : ""}, headers in row ${read.headerRow}`);
    for (const problem of result.problems) console.log(`✖ ${problem}`);
    console.log(`${summary.rows} rows: ${summary.creates} new, ${summary.updates} updates, ${summary.unchanged} unchanged, ${summary.duplicates} duplicates, ${summary.errors} with errors`);
    for (const row of result.rows) {
      for (const error of row.errors) console.log(`  row ${row.row}${error.column ? `, column ${error.column}` : ""}: ${error.message}`);
    }
  }
} catch (error) {
  if (error instanceof UnreadableFileError) {
    console.error(error.message);
    code = 2;
  } else throw error;
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(code);
