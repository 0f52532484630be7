import "server-only";
import { cachedRead, tags } from "@/lib/cache";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";
import { isSlug } from "@/lib/slug";
import { summarise } from "@/lib/text";

export type OrganisationListItem = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  website: string | null;
  summary: string;
};

export type OrganisationDetail = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  /** ISO timestamps: cached reads are stored as JSON. */
  updatedAt: string;
  lastVerifiedAt: string | null;
  countries: { code: string; name: string }[];
  contacts: { id: string; type: ContactType; label: string | null; value: string }[];
};

const listSelect = { id: true, slug: true, name: true, acronym: true, kind: true, website: true, description: true } as const;

function toListItem({ description, ...organisation }: { description: string } & Omit<OrganisationListItem, "summary">) {
  return { ...organisation, summary: summarise(description) };
}

export const countryPageSize = 50;

/** One page (from 1) of the published organisations active in a country (ISO code), by name, and how many there are. */
export const listPublishedByCountry = cachedRead(
  "organisations-by-country",
  async (code: string, page: number): Promise<{ organisations: OrganisationListItem[]; total: number }> => {
    const where = { status: "PUBLISHED" as const, countries: { some: { countryCode: code.toUpperCase() } } };
    const [organisations, total] = await Promise.all([
      db.organisation.findMany({
        where,
        select: listSelect,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        skip: (page - 1) * countryPageSize,
        take: countryPageSize,
      }),
      db.organisation.count({ where }),
    ]);
    return { organisations: organisations.map(toListItem), total };
  },
  (code) => [tags.organisations, tags.country(code)],
);

/** The most recently updated published organisations. */
export const listRecentlyUpdated = cachedRead(
  "organisations-recent",
  async (limit: number): Promise<OrganisationListItem[]> => {
    const organisations = await db.organisation.findMany({
      where: { status: "PUBLISHED" },
      select: listSelect,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: limit,
    });
    return organisations.map(toListItem);
  },
  () => [tags.organisations],
);

/** The id of the published organisation at a slug, or null. */
export const findPublishedIdBySlug = cachedRead(
  "organisation-id-by-slug",
  async (slug: string): Promise<string | null> => {
    if (!isSlug(slug)) return null;
    const organisation = await db.organisation.findFirst({
      where: { slug, status: "PUBLISHED" },
      select: { id: true },
    });
    return organisation?.id ?? null;
  },
  () => [tags.organisations],
);

/** The current slug of a published organisation that used to be at `slug`, or null. */
export const findRenamedSlug = cachedRead(
  "organisation-renamed-slug",
  async (slug: string): Promise<string | null> => {
    if (!isSlug(slug)) return null;
    const redirect = await db.slugRedirect.findUnique({
      where: { slug },
      select: { organisation: { select: { slug: true, status: true } } },
    });
    return redirect?.organisation.status === "PUBLISHED" ? redirect.organisation.slug : null;
  },
  () => [tags.organisations],
);

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
  countries: { select: { country: { select: { code: true, name: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.OrganisationSelect;

/** A published organisation with its countries (in order) and contacts (in order), or null. */
export const getPublishedOrganisation = cachedRead(
  "organisation",
  async (id: string): Promise<OrganisationDetail | null> => {
    const organisation = await db.organisation.findFirst({
      where: { id, status: "PUBLISHED" },
      select: {
        id: true,
        ...listingSelect,
        contacts: { select: { id: true, type: true, label: true, value: true }, orderBy: { position: "asc" } },
      },
    });
    if (!organisation) return null;
    return {
      ...organisation,
      updatedAt: organisation.updatedAt.toISOString(),
      lastVerifiedAt: organisation.lastVerifiedAt?.toISOString() ?? null,
      countries: organisation.countries.map(({ country }) => country),
    };
  },
  (id) => [tags.organisation(id)],
);

/** Every published organisation's slug and last change, for the sitemap (in pages of `limit`). */
export const listSitemapEntries = cachedRead(
  "sitemap-entries",
  async (offset: number, limit: number): Promise<{ slug: string; updatedAt: string }[]> => {
    const entries = await db.organisation.findMany({
      where: { status: "PUBLISHED" },
      select: { slug: true, updatedAt: true },
      orderBy: { id: "asc" },
      skip: offset,
      take: limit,
    });
    return entries.map((entry) => ({ slug: entry.slug, updatedAt: entry.updatedAt.toISOString() }));
  },
  () => [tags.organisations],
);

export const countPublished = cachedRead(
  "organisations-count",
  async (): Promise<number> => db.organisation.count({ where: { status: "PUBLISHED" } }),
  () => [tags.organisations],
);

/** Published organisations per kind, most first. */
export const countPublishedByKind = cachedRead(
  "organisations-by-kind",
  async (): Promise<{ kind: OrganisationKind; count: number }[]> => {
    const groups = await db.organisation.groupBy({ by: ["kind"], where: { status: "PUBLISHED" }, _count: { _all: true } });
    return groups.map((group) => ({ kind: group.kind, count: group._count._all })).sort((a, b) => b.count - a.count);
  },
  () => [tags.organisations],
);
