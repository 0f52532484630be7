import "server-only";
import { db } from "@/lib/db";
import type { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";

// Everything staff export (lib/import/export.ts): every organisation, archived ones too, with all
// its contacts, in id order a page at a time, so that a million stream in bounded memory.

export type ExportedOrganisation = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  archived: boolean;
  description: string;
  /** The language the name and description are written in ("fr"). */
  originalLanguage: string;
  website: string | null;
  countries: string[];
  contacts: { type: ContactType; label: string | null; value: string }[];
  /** "fr:description" → text. */
  translations: Record<string, string>;
};

/** Every organisation (or those of `ids`), `batch` at a time. */
export async function* eachOrganisationForExport({ ids, batch = 1000 }: { ids?: string[]; batch?: number } = {}): AsyncGenerator<ExportedOrganisation> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.organisation.findMany({
      where: { ...(ids ? { id: { in: ids } } : {}), ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batch,
      select: {
        id: true,
        slug: true,
        name: true,
        acronym: true,
        kind: true,
        status: true,
        description: true,
        originalLanguage: true,
        website: true,
        countryCodes: true,
        translations: true,
        contacts: { select: { type: true, label: true, value: true }, orderBy: { position: "asc" } },
      },
    });
    for (const { status, countryCodes, translations, ...row } of rows) {
      yield { ...row, archived: status === "ARCHIVED", countries: countryCodes, translations: translations as Record<string, string> };
    }
    if (rows.length < batch) return;
    after = rows.at(-1)!.id;
  }
}
