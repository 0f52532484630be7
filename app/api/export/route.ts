import { PassThrough, Readable } from "node:stream";
import { staffSession } from "@/lib/auth/route";
import { eachOrganisationForExport } from "@/lib/data/export";
import { writeExport } from "@/lib/import/export";
import { exportFormatSchema } from "@/lib/validation/import";

/**
 * Staff export everything: every organisation, archived ones marked, with all its contacts, as
 * CSV or XLSX in the columns the importer maps by default (`npm run export` writes the same),
 * streamed as it is read.
 */
export async function GET(request: Request) {
  const session = await staffSession(request, ["EDITOR", "REVIEWER", "ADMIN"]);
  if (session instanceof Response) return session;
  const format = exportFormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? undefined);
  if (!format.success) return Response.json({ error: format.error.issues[0].message }, { status: 400 });
  const output = new PassThrough();
  writeExport(eachOrganisationForExport(), format.data, output).catch((error) => output.destroy(error));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(output) as ReadableStream, {
    headers: {
      "content-type": format.data === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="prova-directory-${date}.${format.data}"`,
      "cache-control": "private, no-store",
    },
  });
}
