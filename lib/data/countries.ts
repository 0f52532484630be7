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

/** Country names by code, to show a list of codes in words (`fresh`: read now, not from Next's data cache). */
export async function countryNames({ fresh = false } = {}): Promise<Map<string, string>> {
  return new Map((await (fresh ? listCountries.uncached() : listCountries())).map((country) => [country.code, country.name]));
}

/** Countries with at least one published organisation, by name, with how many. */
export const listCountriesWithOrganisations = cachedRead(
  "countries-with-organisations",
  async (): Promise<CountryWithCount[]> => {
    const rows = await db.$queryRaw<{ code: string; name: string; organisationCount: bigint }[]>`
      SELECT c.code, c.name, l.count AS "organisationCount"
      FROM (SELECT "countryCode", count(*) FROM "CountryListing" GROUP BY "countryCode") l
      JOIN "Country" c ON c.code = l."countryCode"
      ORDER BY c.name`;
    return rows.map((row) => ({ code: row.code, name: row.name, organisationCount: Number(row.organisationCount) }));
  },
  () => [tags.directory],
);
