import "server-only";
import { db } from "@/lib/db";

export type CountryDto = { code: string; name: string };
export type CountryWithCount = CountryDto & { organisationCount: number };

/** A country by its ISO code (any case), or null. */
export async function getCountry(code: string): Promise<CountryDto | null> {
  if (!/^[a-z]{2}$/i.test(code)) return null;
  return db.country.findUnique({ where: { code: code.toUpperCase() }, select: { code: true, name: true } });
}

/** Countries with at least one published organisation, by name, with how many. */
export async function listCountriesWithOrganisations(): Promise<CountryWithCount[]> {
  const countries = await db.country.findMany({
    where: { organisations: { some: { organisation: { status: "PUBLISHED" } } } },
    select: {
      code: true,
      name: true,
      _count: { select: { organisations: { where: { organisation: { status: "PUBLISHED" } } } } },
    },
    orderBy: { name: "asc" },
  });
  return countries.map(({ _count, ...country }) => ({ ...country, organisationCount: _count.organisations }));
}
