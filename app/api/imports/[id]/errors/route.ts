import { PassThrough, Readable } from "node:stream";
import { staffSession } from "@/lib/auth/route";
import { getImport, importErrorRows } from "@/lib/data/import-batches";
import { writeSpreadsheet } from "@/lib/import/export";
import { errorsDownloadSchema } from "@/lib/validation/import";

type Context = { params: Promise<{ id: string }> };

/**
 * The rows of an import that have errors, as CSV or XLSX: the file's own columns and an "Errors"
 * column saying, in words and by column, what to fix before importing the file again.
 */
export async function GET(request: Request, { params }: Context) {
  const session = await staffSession(request, ["EDITOR", "REVIEWER", "ADMIN"]);
  if (session instanceof Response) return session;
  const parsed = errorsDownloadSchema.safeParse({ id: (await params).id, format: new URL(request.url).searchParams.get("format") ?? undefined });
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0].message }, { status: parsed.error.issues[0].path[0] === "id" ? 404 : 400 });
  const batch = await getImport(parsed.data.id);
  if (!batch) return Response.json({ error: "This import does not exist." }, { status: 404 });
  async function* rows() {
    for await (const row of importErrorRows(batch!.id)) {
      const errors = row.errors.map((error) => (error.column ? `${error.column}: ${error.message}` : error.message)).join(" ");
      yield [...batch!.headers.map((_, index) => row.cells[index] ?? ""), errors, String(row.row)];
    }
  }
  const output = new PassThrough();
  writeSpreadsheet([...batch.headers, "Errors", "Row in the file"], rows(), parsed.data.format, output, "Errors").catch((error) => output.destroy(error));
  const name = `${batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "-") || "import"}-errors.${parsed.data.format}`;
  return new Response(Readable.toWeb(output) as ReadableStream, {
    headers: {
      "content-type": parsed.data.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
