// npm run import -- FILE [--sheet N|NAME] [--header-row N] [--delimiter X] [--encoding E]
//   [--mapping FILE] [--match website,email,name] (--dry-run | --as EMAIL) [--json]
// An import with the same code as the import page, against DATABASE_URL or the embedded database
// (also while `npm start` runs it): --dry-run says what each row would do and writes nothing;
// --as EMAIL stores it as an import of that member of staff and sends its valid rows to review
// (lib/data/import-batches.ts, here rather than through the job queue), which the import page then
// shows. Exit 0 when every row is valid, 1 when some rows have errors (or the mapping does), 2 when
// the file, the mapping or the account cannot be used (one sentence on stderr).
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import path from "node:path";
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
    as: { type: "string" },
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
if (values["dry-run"] === Boolean(values.as)) fail("Add --dry-run to see what the file would do, or --as EMAIL to send it to review as that member of staff.");
const parsed = optionsSchema.safeParse({ ...values, headerRow: values["header-row"] });
if (!parsed.success) fail(parsed.error.issues[0].message);
const options = parsed.data!;

const { mappingSchema } = await import("../lib/import/mapping");
let mapping: import("../lib/import/mapping").Mapping | undefined;
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
const { checkFile, rowOutcome } = await import("../lib/import/dry-run");
const { UnreadableFileError, largestImport } = await import("../lib/import/read");
const { db } = await import("../lib/db");
const settings = { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet, headerRow: options.headerRow, matchBy: options.match };
let code = 0;
try {
  code = values.as ? await sendToReview(values.as) : await printDryRun();
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

/** Writes to stdout, waiting while the pipe is full: the rows are printed as they are checked, never all held. */
async function print(text: string) {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

/** The dry run, printed as it goes: as text (the file as read, each error, the counts) or as one JSON object. */
async function printDryRun(): Promise<number> {
  let problems = 0;
  let firstRow = true;
  const summary = await checkFile(file, { ...settings, mapping }, {
    async start({ file: facts, mapping: used, problems: found }) {
      const read = { format: facts.format, encoding: facts.encoding, delimiter: facts.delimiter, sheet: facts.sheet, headerRow: facts.headerRow };
      problems = found.length;
      if (values.json) {
        await print(`{"file":${JSON.stringify(read)},"mapping":${JSON.stringify(used)},"problems":${JSON.stringify(found)},"rows":[`);
        return;
      }
      await print(`${file}: ${read.format.toUpperCase()}${read.encoding ? `, ${read.encoding}` : ""}${read.delimiter ? `, delimited by ${read.delimiter === "\t" ? "tab" : read.delimiter}` : ""}${read.sheet ? `, sheet ${read.sheet}` : ""}, headers in row ${read.headerRow}\n`);
      for (const problem of found) await print(`✖ ${problem}\n`);
    },
    async rows(rows) {
      for (const checked of rows) {
        if (values.json) {
          await print(`${firstRow ? "" : ","}${JSON.stringify(rowOutcome(checked))}`);
          firstRow = false;
        } else {
          for (const error of checked.errors) await print(`  row ${checked.row}${error.column ? `, column ${error.column}` : ""}: ${error.message}\n`);
        }
      }
    },
  });
  await print(
    values.json
      ? `],"summary":${JSON.stringify(summary)}}\n`
      : `${summary.rows} rows: ${summary.creates} new, ${summary.updates} updates, ${summary.unchanged} unchanged, ${summary.duplicates} duplicates, ${summary.errors} with errors\n`,
  );
  return problems > 0 || summary.errors > 0 ? 1 : 0;
}

/** Stores the file as an import of this member of staff, checks it, and sends its valid rows to review. */
async function sendToReview(email: string): Promise<number> {
  const { findActorByEmail } = await import("../lib/data/users");
  const imports = await import("../lib/data/import-batches");
  const steps = await import("../lib/data/import-steps");
  const { appUrl } = await import("../lib/env");
  const actor = await findActorByEmail(email);
  if (!actor) return fail(`No active account has the e-mail address ${email}.`);
  const bytes = await readFile(file).catch(() => fail(`The file ${file} cannot be read.`));
  if (bytes.byteLength > largestImport) return fail(`The file is larger than ${largestImport / 1024 / 1024} MB: split it into smaller files.`);
  const id = await imports.createImportBatch(actor, { fileName: path.basename(file), bytes: new Uint8Array(bytes), settings, mapping }, { queue: false });
  await steps.checkImport(id);
  const checked = (await imports.getImport(id))!;
  const page = `${appUrl()}/admin/imports/${id}`;
  if (checked.failure) return fail(checked.failure);
  for (const problem of checked.problems) console.log(`✖ ${problem}`);
  const summary = checked.summary!;
  console.log(`${summary.rows} rows: ${summary.creates} new, ${summary.updates} updates, ${summary.unchanged} unchanged, ${summary.duplicates} duplicates, ${summary.errors} with errors`);
  if (checked.problems.length > 0) {
    console.log(`Nothing was sent to review: map the columns on ${page} or with --mapping.`);
    return 1;
  }
  if (summary.creates + summary.updates > 0) {
    await imports.sendImport(actor, id, { queue: false });
    const sent = (await steps.sendImportRows(id))!;
    console.log(`${sent.sent} changes sent to review${sent.failed ? `; ${sent.failed} could not be saved` : ""}: ${page}`);
    return sent.errors + (sent.failed ?? 0) > 0 ? 1 : 0;
  }
  console.log(`Nothing to send to review: ${page}`);
  return summary.errors > 0 ? 1 : 0;
}
