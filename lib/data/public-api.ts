import "server-only";
import { db } from "@/lib/db";
import { listingSelect } from "@/lib/data/organisations";
import { parseTranslationKey } from "@/lib/change-sets/document";
import { listingIn } from "@/lib/i18n/listing";
import { isSlug } from "@/lib/slug";
import { apiSource } from "@/lib/verification";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";

/** An organisation as the public API gives it: published data only, kinds and types in snake case. */
export type ApiOrganisation = {
  slug: string;
  name: string;
  acronym: string | null;
  kind: string;
  description: string;
  website: string | null;
  countries: { code: string; name: string }[];
  contacts: { type: string; label: string | null; value: string }[];
  lastVerifiedAt: string | null;
  /** How it was last verified: "staff", "organisation" (its own confirmation) or "import". */
  lastVerifiedSource: "staff" | "organisation" | "import" | null;
  updatedAt: string;
  /** The language the name and description were written in. */
  originalLanguage: string;
  /** The language of `description` as given (`?lang=`'s when it is translated, else the original's). */
  language: string;
  /** The name and description in other languages, by language. */
  translations: Record<string, { name?: string; description?: string }>;
};

export type ApiFilters = { country?: string; kind?: OrganisationKind; q?: string };

/** The language asked for (`?lang=`): name and description in it where they are translated. */
export type ApiLanguage = { lang?: string };

const toApiKind = (kind: OrganisationKind) => kind.toLowerCase();
const toApiType = (type: ContactType) => type.toLowerCase();

function conditions({ country, kind, q }: ApiFilters, after?: string) {
  const list = [Prisma.sql`o."status" = 'published'`];
  if (country) list.push(Prisma.sql`o."countryCodes" @> ARRAY[${country.toUpperCase()}]::text[]`);
  if (kind) list.push(Prisma.sql`o."kind" = ${kind.toLowerCase()}::"OrganisationKind"`);
  if (q) list.push(Prisma.sql`o."search" @@ websearch_to_tsquery('simple', f_unaccent(${q}))`);
  if (after) list.push(Prisma.sql`o."id" > ${after}::uuid`);
  return Prisma.join(list, " AND ");
}

/** Translations as the API gives them: by language, then part. */
function byLanguage(translations: Record<string, string>): ApiOrganisation["translations"] {
  const grouped: ApiOrganisation["translations"] = {};
  for (const [key, text] of Object.entries(translations)) {
    const parsed = parseTranslationKey(key);
    if (parsed) (grouped[parsed.language] ??= {})[parsed.part] = text;
  }
  return grouped;
}

async function load(ids: string[], lang?: string): Promise<ApiOrganisation[]> {
  const rows = await db.organisation.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    select: {
      ...listingSelect,
      originalLanguage: true,
      translations: true,
      contacts: { select: { type: true, label: true, value: true }, orderBy: { position: "asc" } },
    },
  });
  return rows.map((row) => {
    const translations = row.translations as Record<string, string>;
    const shown = listingIn({ ...row, translations }, lang ?? row.originalLanguage);
    return {
    ...row,
    name: shown.name,
    description: shown.description,
    language: shown.descriptionLanguage,
    translations: byLanguage(translations),
    kind: toApiKind(row.kind),
    countries: row.countries.map(({ country }) => country),
    contacts: row.contacts.map((contact) => ({ ...contact, type: toApiType(contact.type) })),
    lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
    lastVerifiedSource: apiSource(row.lastVerifiedSource),
    updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/**
 * Published organisations in id order (ids are time-ordered UUIDv7s), `limit` at a time after the
 * cursor `after` (the last id of the previous page): a walk sees every organisation that existed
 * when it started exactly once, whatever is added meanwhile (new ones come at the end).
 */
export async function listApiOrganisations(
  filters: ApiFilters,
  { after, limit, lang }: { after?: string; limit: number } & ApiLanguage,
): Promise<{ items: ApiOrganisation[]; next: string | null }> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Organisation" o WHERE ${conditions(filters, after)} ORDER BY o."id" LIMIT ${limit + 1}`;
  const ids = rows.slice(0, limit).map((row) => row.id);
  return { items: await load(ids, lang), next: rows.length > limit ? ids.at(-1)! : null };
}

/** Every published organisation matching the filters, a batch at a time (for the CSV export). */
export async function* eachApiOrganisation(filters: ApiFilters = {}, batch = 1000): AsyncGenerator<ApiOrganisation> {
  let after: string | undefined;
  do {
    const page = await listApiOrganisations(filters, { after, limit: batch });
    yield* page.items;
    after = page.next ?? undefined;
  } while (after);
}

/** A published organisation by its slug; `moved` when the slug is an old one. */
export async function getApiOrganisation(slug: string, { lang }: ApiLanguage = {}): Promise<{ organisation: ApiOrganisation } | { moved: string } | null> {
  if (!isSlug(slug)) return null;
  const row = await db.organisation.findFirst({ where: { slug, status: "PUBLISHED" }, select: { id: true } });
  if (row) return { organisation: (await load([row.id], lang))[0] };
  const redirect = await db.slugRedirect.findUnique({ where: { slug }, select: { organisation: { select: { slug: true, status: true } } } });
  return redirect?.organisation.status === "PUBLISHED" ? { moved: redirect.organisation.slug } : null;
}

/** What identifies the current state of an export: how many organisations match and the latest change. */
export async function exportVersion(filters: ApiFilters): Promise<string> {
  const [row] = await db.$queryRaw<{ count: number; latest: Date | null }[]>`
    SELECT count(*)::int AS "count", max(o."updatedAt") AS "latest" FROM "Organisation" o WHERE ${conditions(filters)}`;
  return `${row.count}-${row.latest?.getTime() ?? 0}`;
}
