import "server-only";
import { cache } from "react";
import { cachedRead, tagPage, tags } from "@/lib/cache";
import { sitemapBuckets } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContactType, OrganisationKind, VerificationSource } from "@/lib/generated/prisma/enums";
import { isSlug } from "@/lib/slug";
import { linkStates, publicNote } from "@/lib/data/links";
import { summarise } from "@/lib/text";

export type OrganisationListItem = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  website: string | null;
  summary: string;
  originalLanguage: string;
  /** Translated names ("fr:name") and summaries of translated descriptions ("fr:description"). */
  translations: Record<string, string>;
};

export type OrganisationDetail = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  /** When the website has been broken for a week: when it was last checked (ISO), else null. */
  brokenWebsiteCheckedAt: string | null;
  /** ISO timestamps: cached reads are stored as JSON. */
  updatedAt: string;
  lastVerifiedAt: string | null;
  lastVerifiedSource: VerificationSource | null;
  countries: { code: string; name: string }[];
  contacts: { id: string; type: ContactType; label: string | null; value: string }[];
  /** The language `name` and `description` are written in, and their translations ("fr:description" → text). */
  originalLanguage: string;
  translations: Record<string, string>;
};

const listSelect = { id: true, slug: true, name: true, acronym: true, kind: true, website: true, description: true, originalLanguage: true, translations: true } as const;

function toListItem({
  description,
  translations,
  ...organisation
}: { description: string; translations: unknown } & Omit<OrganisationListItem, "summary" | "translations">): OrganisationListItem {
  // A list shows summaries: translated descriptions are summarised here, as the original is.
  const summarised = Object.entries(translations as Record<string, string>).map(([key, text]) => [key, key.endsWith(":description") ? summarise(text) : text]);
  return { ...organisation, summary: summarise(description), translations: Object.fromEntries(summarised) };
}

export const countryPageSize = 50;

/** Where a page of a country's list starts: the first page, or an organisation (by slug). */
export type CountryPageStart = { first: true } | { from: string };

export type CountryPage = {
  organisations: OrganisationListItem[];
  /** Where the next page starts, or null on the last page. */
  next: CountryPageStart | null;
  /** Where the previous page starts, or null on the first page. */
  previous: CountryPageStart | null;
  /** How many organisations the country lists: on its first page only. */
  total: number | null;
};

type Place = { organisationId: string; name: string };

/**
 * One page of the organisations a country (ISO code) lists, by name: the first page, or fifty
 * from an organisation (by slug), found from the list's index without counting what comes
 * before (keyset). Null when the organisation it starts from does not exist; its new address when
 * it was renamed. Tags the page with the places it shows or links to (lib/cache-tags.ts).
 */
export async function getCountryPage(code: string, from?: string): Promise<CountryPage | { movedTo: string } | null> {
  const country = code.toUpperCase();
  tagPage(tags.countryPages(country));
  let items: Place[];
  let before: Place[] = [];
  let total: number | null = null;
  if (from === undefined) {
    tagPage(tags.countryList(country));
    [items, total] = await Promise.all([
      db.$queryRaw<Place[]>`
        SELECT "organisationId", "name" FROM "CountryListing" WHERE "countryCode" = ${country}
        ORDER BY "name", "organisationId" LIMIT ${countryPageSize + 1}`,
      db.countryListing.count({ where: { countryCode: country } }),
    ]);
  } else {
    if (!isSlug(from)) return null;
    tagPage(tags.slug(from));
    const start = await db.organisation.findUnique({ where: { slug: from }, select: { id: true, name: true } });
    if (!start) {
      const renamed = await db.slugRedirect.findUnique({ where: { slug: from }, select: { organisation: { select: { slug: true } } } });
      return renamed ? { movedTo: renamed.organisation.slug } : null;
    }
    tagPage(tags.countryPlace(country, start.id));
    // This page and the one before it (whose start the "previous" link needs).
    [items, before] = await Promise.all([
      db.$queryRaw<Place[]>`
        SELECT "organisationId", "name" FROM "CountryListing" WHERE "countryCode" = ${country}
          AND ("name", "organisationId") >= (${start.name}, ${start.id}::uuid)
        ORDER BY "name", "organisationId" LIMIT ${countryPageSize + 1}`,
      db.$queryRaw<Place[]>`
        SELECT "organisationId", "name" FROM "CountryListing" WHERE "countryCode" = ${country}
          AND ("name", "organisationId") < (${start.name}, ${start.id}::uuid)
        ORDER BY "name" DESC, "organisationId" DESC LIMIT ${countryPageSize + 1}`,
    ]);
  }
  for (const place of [...items, ...before]) tagPage(tags.countryPlace(country, place.organisationId));
  const shown = items.slice(0, countryPageSize);
  const nextPlace = items[countryPageSize];
  // Fewer than a page before this one: the previous page is the first.
  const previousPlace = before.length > countryPageSize ? before[countryPageSize - 1] : undefined;
  const wanted = [...shown, nextPlace, previousPlace].filter((place) => place !== undefined).map((place) => place.organisationId);
  const rows = await db.organisation.findMany({ where: { id: { in: wanted } }, select: listSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const slugOf = (place: Place) => byId.get(place.organisationId)?.slug ?? null;
  const startAt = (place: Place | undefined): CountryPageStart | null => {
    const slug = place && slugOf(place);
    return slug ? { from: slug } : null;
  };
  return {
    organisations: shown.flatMap((place) => {
      const row = byId.get(place.organisationId);
      return row ? [toListItem(row)] : [];
    }),
    next: startAt(nextPlace),
    previous: from === undefined ? null : (startAt(previousPlace) ?? { first: true }),
    total,
  };
}

/** The most recently updated published organisations (the home page). */
export async function listRecentlyUpdated(limit: number): Promise<OrganisationListItem[]> {
  tagPage(tags.recent);
  const organisations = await db.organisation.findMany({
    where: { status: "PUBLISHED" },
    select: listSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return organisations.map(toListItem);
}

/** The slug of a published organisation, or null. */
export async function findPublishedSlug(id: string): Promise<string | null> {
  const organisation = await db.organisation.findFirst({ where: { id, status: "PUBLISHED" }, select: { slug: true } });
  return organisation?.slug ?? null;
}

/** The id of the published organisation at a slug, or null. */
export async function findPublishedIdBySlug(slug: string): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const organisation = await db.organisation.findFirst({ where: { slug, status: "PUBLISHED" }, select: { id: true } });
  return organisation?.id ?? null;
}

/** The listed fields of an organisation, as the public pages and the public API show them. */
export const listingSelect = {
  slug: true,
  name: true,
  acronym: true,
  kind: true,
  description: true,
  website: true,
  updatedAt: true,
  lastVerifiedAt: true,
  lastVerifiedSource: true,
  countries: { select: { country: { select: { code: true, name: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.OrganisationSelect;

/**
 * What answers at an organisation's address: the published organisation with its countries (in
 * order) and contacts (in order); the new address of a renamed one; or null. Read once per render
 * (the page and its metadata share it); tags the page with the organisation and the address.
 */
export const getOrganisationPage = cache(async (slug: string): Promise<{ organisation: OrganisationDetail } | { movedTo: string } | null> => {
  if (!isSlug(slug)) return null;
  tagPage(tags.slug(slug));
  const organisation = await db.organisation.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true,
      ...listingSelect,
      originalLanguage: true,
      translations: true,
      contacts: { select: { id: true, type: true, label: true, value: true }, orderBy: { position: "asc" } },
    },
  });
  if (organisation) {
    tagPage(tags.organisation(organisation.id));
    const websiteState = organisation.website ? (await linkStates([organisation.website])).get(organisation.website) : undefined;
    return {
      organisation: {
        ...organisation,
        brokenWebsiteCheckedAt: publicNote(websiteState)?.checkedAt ?? null,
        updatedAt: organisation.updatedAt.toISOString(),
        lastVerifiedAt: organisation.lastVerifiedAt?.toISOString() ?? null,
        countries: organisation.countries.map(({ country }) => country),
        translations: organisation.translations as Record<string, string>,
      },
    };
  }
  const redirect = await db.slugRedirect.findUnique({
    where: { slug },
    select: { organisation: { select: { id: true, slug: true, status: true } } },
  });
  if (redirect?.organisation.status !== "PUBLISHED") return null;
  tagPage(tags.organisation(redirect.organisation.id));
  return { movedTo: redirect.organisation.slug };
});

/** The published organisations of one sitemap (`index` of `count`): their slug and last change. */
export async function listSitemapEntries(count: number, index: number): Promise<{ slug: string; updatedAt: string }[]> {
  tagPage(tags.sitemap(count, index));
  const from = Math.floor((index * sitemapBuckets) / count);
  const to = Math.floor(((index + 1) * sitemapBuckets) / count);
  // The bucket expression is the index's (migration country_listing): read from the index alone.
  const entries = await db.$queryRaw<{ slug: string; updatedAt: Date }[]>`
    SELECT slug, "updatedAt" FROM "Organisation"
    WHERE status = 'published' AND prova_sitemap_bucket(id) >= ${from} AND prova_sitemap_bucket(id) < ${to}
    ORDER BY prova_sitemap_bucket(id), slug`;
  return entries.map((entry) => ({ slug: entry.slug, updatedAt: entry.updatedAt.toISOString() }));
}

export const countPublished = cachedRead(
  "organisations-count",
  async (): Promise<number> => db.organisation.count({ where: { status: "PUBLISHED" } }),
  () => [tags.directory],
);

/** Published organisations per kind, most first. */
export const countPublishedByKind = cachedRead(
  "organisations-by-kind",
  async (): Promise<{ kind: OrganisationKind; count: number }[]> => {
    const groups = await db.organisation.groupBy({ by: ["kind"], where: { status: "PUBLISHED" }, _count: { _all: true } });
    return groups.map((group) => ({ kind: group.kind, count: group._count._all })).sort((a, b) => b.count - a.count);
  },
  () => [tags.directory],
);
