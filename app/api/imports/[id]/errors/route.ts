import { PassThrough, Readable } from "node:stream";
import { getTranslations } from "next-intl/server";
import { staffSession } from "@/lib/auth/route";
import { getImport, importErrorRows } from "@/lib/data/import-batches";
import { writeSpreadsheet } from "@/lib/import/export";
import { defaultLocale } from "@/lib/i18n/locales";
import { validationTranslator } from "@/lib/i18n/validation";
import { errorsDownloadSchema } from "@/lib/validation/import";

type Context = { params: Promise<{ id: string }> };

/**
 * The rows of an import that have errors, as CSV or XLSX: the file's own columns and an "Errors"
 * column saying, in words and by column, what to fix before importing the file again (in the
 * staff member's language: the errors are stored in English, lib/i18n/validation.ts).
 */
export async function GET(request: Request, { params }: Context) {
  const session = await staffSession(request, ["EDITOR", "REVIEWER", "ADMIN"]);
  if (session instanceof Response) return session;
  const parsed = errorsDownloadSchema.safeParse({ id: (await params).id, format: new URL(request.url).searchParams.get("format") ?? undefined });
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0].message }, { status: parsed.error.issues[0].path[0] === "id" ? 404 : 400 });
  const locale = session.user.language ?? defaultLocale;
  const [t, localise] = await Promise.all([getTranslations({ locale, namespace: "Imports" }), validationTranslator(locale)]);
  const batch = await getImport(parsed.data.id);
  if (!batch) return Response.json({ error: localise("This import does not exist.") }, { status: 404 });
  async function* rows() {
    for await (const row of importErrorRows(batch!.id)) {
      const errors = row.errors.map((error) => (error.column ? t("cellError", { column: error.column, message: localise(error.message) }) : localise(error.message))).join(" ");
      yield [...batch!.headers.map((_, index) => row.cells[index] ?? ""), errors, String(row.row)];
    }
  }
  const output = new PassThrough();
  writeSpreadsheet([...batch.headers, t("errorsHeader"), t("rowHeader")], rows(), parsed.data.format, output, "Errors").catch((error) => output.destroy(error));
  const name = `${batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "-") || "import"}-errors.${parsed.data.format}`;
  return new Response(Readable.toWeb(output) as ReadableStream, {
    headers: {
      "content-type": parsed.data.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
