import { refuseCrossSite, staffSession } from "@/lib/auth/route";
import { clientAddressOf } from "@/lib/auth/client-address";
import { createImportBatch } from "@/lib/data/import-batches";
import { databaseUp, unavailableResponse } from "@/lib/health";
import { defaultLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { largestImport } from "@/lib/import/read";
import { uploadErrors, type UploadError } from "@/lib/validation/import";
import { readAtMost } from "@/lib/security/body";

/** Room for the form's own bytes around the file. */
const formOverhead = 64 * 1024;

/**
 * Uploads a spreadsheet to import (the import page's form, `file`): stored with a new import and
 * checked by a job. Answers 303 to the import's page for a plain form, `{id, url}` for a script
 * (the page's upload, which shows its progress). Outside the proxy (proxy.ts), which would read
 * no more than 10 MB of a body: the cross-site and database checks are made here.
 */
export async function POST(request: Request) {
  if (!databaseUp()) return unavailableResponse("/api/imports");
  const crossSite = await refuseCrossSite(request);
  if (crossSite) return crossSite;
  const session = await staffSession(request, ["EDITOR", "REVIEWER", "ADMIN"]);
  if (session instanceof Response) return session;
  const json = request.headers.get("accept")?.includes("application/json");
  // The page's script shows the refusal as it comes, in the staff member's language; a plain form
  // (JavaScript off) comes back to the upload form with its code, which the page says in it too.
  const t = await translator(session.user.language ?? defaultLocale, "Imports");
  const refuse = (error: UploadError) =>
    json ? Response.json({ error: t(uploadErrors[error]), field: "file" }, { status: error === "too-large" ? 413 : 400 }) : new Response(null, { status: 303, headers: { location: `/admin/imports?error=${error}` } });
  const body = await readAtMost(request, largestImport + formOverhead);
  if (body === "too-large") return refuse("too-large");
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) return refuse("missing");
  if (file.size === 0) return refuse("empty");
  if (file.size > largestImport) return refuse("too-large");
  const id = await createImportBatch(
    { id: session.user.id, role: session.user.role, address: clientAddressOf(request.headers) },
    { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  );
  const url = `/admin/imports/${id}`;
  if (json) return Response.json({ id, url }, { status: 201 });
  return new Response(null, { status: 303, headers: { location: url } });
}
