import "server-only";
import { cachedRead, tags } from "@/lib/cache";
import { db } from "@/lib/db";

export type CountryDto = { code: string; name: string };
export type CountryWithCount = CountryDto & { organisationCount: number };

/** A country by its ISO code (any case), or null. */
export async function getCountry(code: string): Promise<CountryDto | null> {
  if (!/^[a-z]{2}$/i.test(code)) return null;
  return (
    (await listCountries()).find(
      (country) => country.code === code.toUpperCase(),
    ) ?? null
  );
}

/** Every country the directory knows, by name. */
export const listCountries = cachedRead(
  "countries",
  async (): Promise<CountryDto[]> =>
    db.country.findMany({
      select: { code: true, name: true },
      orderBy: { name: "asc" },
    }),
  () => [tags.countries],
);

/** Countries with at least one published organisation, by name, with how many. */
export const listCountriesWithOrganisations = cachedRead(
  "countries-with-organisations",
  async (): Promise<CountryWithCount[]> => {
    const countries = await db.country.findMany({
      where: {
        organisations: { some: { organisation: { status: "PUBLISHED" } } },
      },
      select: {
        code: true,
        name: true,
        _count: {
          select: {
            organisations: { where: { organisation: { status: "PUBLISHED" } } },
          },
        },
      },
      orderBy: { name: "asc" },
    });
    return countries.map(({ _count, ...country }) => ({
      ...country,
      organisationCount: _count.organisations,
    }));
  },
  () => [tags.organisations],
);
