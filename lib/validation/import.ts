import "./zod-config";
import { z } from "zod";
import { importFields, kindCodes, type Mapping } from "@/lib/import/mapping";
import { matchKeys } from "@/lib/import/plan";

// How an import is read and matched, and its mapping, as the import page's forms send them and
// an import stores them (lib/data/import-batches.ts); `npm run import` takes the same as options.

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** How the file is read and its rows matched; what is not given is detected (or every key). */
export const importSettingsSchema = z.strictObject({
  encoding: z.preprocess(blankToUndefined, z.enum(["utf-8", "utf-16le", "utf-16be", "windows-1252"], { error: "Choose UTF-8, UTF-16 or Windows-1252." }).optional()),
  delimiter: z.preprocess(
    (value) => (value === "tab" ? "\t" : value === "comma" ? "," : value === "semicolon" ? ";" : blankToUndefined(value)),
    z.enum([",", ";", "\t"], { error: "Choose a comma, a semicolon or a tab." }).optional(),
  ),
  sheet: z.preprocess(blankToUndefined, z.union([z.number().int().positive(), z.string().trim().min(1).max(200)]).optional()),
  headerRow: z.preprocess(blankToUndefined, z.coerce.number({ error: "Give the number of the row with the headers, e.g. 2." }).int().min(1, "Rows are numbered from 1.").max(1000, "The headers are looked for in the first 1,000 rows.").optional()),
  matchBy: z.array(z.enum(matchKeys)).min(1, "Match rows by at least one of the website, the e-mail address or the name.").optional(),
});
export type ImportSettings = z.output<typeof importSettingsSchema>;

/** One value or several from a form, as a list. */
const list = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string()));

/**
 * The import page's settings form: how to read and match, and which field each column is
 * (`column.<letter>`, what the file's header row shows), with the defaults for empty cells.
 */
export const importSettingsFormSchema = z
  .strictObject({
    batchId: z.uuid({ error: "This import does not exist." }),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    sheet: z.string().max(200).optional(),
    headerRow: z.string().optional(),
    matchBy: list,
    column: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.enum(importFields, { error: "Choose a field, or “Not imported”." })).optional(),
    defaultKind: z.preprocess(blankToUndefined, z.enum(kindCodes as [string, ...string[]], { error: "Choose a kind." }).optional()),
    defaultCountries: z.string().trim().max(200).optional(),
  })
  .transform((input, ctx) => {
    const settings = importSettingsSchema.safeParse({ encoding: input.encoding, delimiter: input.delimiter, sheet: input.sheet, headerRow: input.headerRow, matchBy: input.matchBy });
    for (const issue of settings.error?.issues ?? []) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    if (!settings.success) return z.NEVER;
    const mapping: Mapping | null = input.column
      ? {
          columns: input.column,
          values: {},
          defaults: { ...(input.defaultKind ? { kind: input.defaultKind as Mapping["defaults"]["kind"] } : {}), ...(input.defaultCountries ? { countries: input.defaultCountries } : {}) },
        }
      : null;
    return { batchId: input.batchId, settings: settings.data, mapping };
  });

export const importIdSchema = z.strictObject({ batchId: z.uuid({ error: "This import does not exist." }) });

export const importDecisionSchema = z
  .strictObject({
    batchId: z.uuid({ error: "This import does not exist." }),
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
    note: z.string().trim().max(2000, "Keep it under 2,000 characters.").default(""),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "reject" && !input.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Give the reason: the author will see it." });
  });

/**
 * What the upload says of a file it does not take, by code (a plain form is sent back with the
 * code): the key of its message in messages/*.json's "Imports", said in the staff member's language.
 * In English: "Choose a CSV or Excel file to import.", "This file is empty.", "The file is larger
 * than 50 MB: split it into smaller files."
 */
export const uploadErrors = {
  missing: "uploadMissing",
  empty: "uploadEmpty",
  "too-large": "uploadTooLarge",
} as const;
export type UploadError = keyof typeof uploadErrors;

export const exportFormatSchema = z.enum(["csv", "xlsx"], { error: "Choose the format: ?format=csv or ?format=xlsx." }).default("csv");

export const errorsDownloadSchema = z.strictObject({ id: z.uuid({ error: "This import does not exist." }), format: exportFormatSchema });
