import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordRevision } from "@/lib/data/change-sets";
import type { Role } from "@/lib/generated/prisma/enums";
import { slugFor } from "@/lib/slug";
import { organisationSchema, type OrganisationInput } from "@/lib/validation/organisation";

export type SeedReport = { countries: number; organisations: number; users: number };

export async function seedCountries(countries: { code: string; name: string }[]): Promise<number> {
  const existing = new Set((await db.country.findMany({ select: { code: true } })).map((country) => country.code));
  const missing = countries.filter((country) => !existing.has(country.code));
  if (missing.length) await db.country.createMany({ data: missing, skipDuplicates: true });
  return missing.length;
}

/**
 * Loads directory entries that are not there yet (matched by name and first country), each
 * validated and normalised by the same schema as the editor's form. Running it twice adds nothing.
 */
export async function seedOrganisations(entries: OrganisationInput[]): Promise<number> {
  const parsed = entries.map((entry) => {
    const result = organisationSchema.safeParse(entry);
    if (!result.success) {
      throw new Error(`Seed entry "${entry.name}" is invalid: ${JSON.stringify(result.error.issues)}`);
    }
    return result.data;
  });
  // Only the rows these entries could match: reading every organisation took longer than the
  // client's statement timeout at a million.
  const existing = await db.organisation.findMany({
    where: { name: { in: parsed.map((organisation) => organisation.name) } },
    select: { name: true, countries: { select: { countryCode: true }, where: { position: 0 } } },
  });
  const present = new Set(existing.map((o) => `${o.name}\u0000${o.countries[0]?.countryCode}`));
  const taken = new Set<string>();
  let created = 0;
  for (const organisation of parsed) {
    if (present.has(`${organisation.name}\u0000${organisation.countries[0]}`)) continue;
    const slug = await freeSlug(organisation.name, taken);
    taken.add(slug);
    const { id } = await db.organisation.create({
      select: { id: true },
      data: {
        slug,
        name: organisation.name,
        acronym: organisation.acronym,
        kind: organisation.kind,
        description: organisation.description,
        website: organisation.website,
        countryCodes: organisation.countries,
        countries: { create: organisation.countries.map((countryCode, position) => ({ countryCode, position })) },
        contacts: {
          create: organisation.contacts.map((contact, position) => ({
            position,
            type: contact.type,
            label: contact.label,
            value: contact.value,
            rawValue: contact.rawValue,
          })),
        },
      },
    });
    // History starts complete: the seeded state is revision 1.
    await recordRevision(id);
    // The typo fallback's dictionary, as an approval keeps it (the function is the migration's):
    // the words of what was added, not of every organisation (at a million, longer than the
    // client's statement timeout).
    await db.$executeRaw`SELECT prova_add_search_words(${`${organisation.name} ${organisation.acronym ?? ""}`})`;
    created++;
  }
  if (created) await db.$executeRaw`ANALYZE "SearchWord"`;
  return created;
}

/** The first of slug, slug-2, slug-3… that no organisation has and `taken` does not hold, asked twenty at a time. */
async function freeSlug(name: string, taken: ReadonlySet<string>): Promise<string> {
  const base = slugFor(name);
  for (let from = 1; ; from += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => (from + i === 1 ? base : `${base}-${from + i}`));
    const used = new Set((await db.organisation.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((row) => row.slug));
    const free = candidates.find((slug) => !used.has(slug) && !taken.has(slug));
    if (free) return free;
  }
}

/** Creates the accounts that do not exist yet; an existing account is left as it is. */
export async function seedUsers(
  users: { email: string; name: string; role: Role; password: string }[],
): Promise<number> {
  let created = 0;
  for (const user of users) {
    const exists = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (exists) continue;
    await db.user.create({
      data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) },
    });
    created++;
  }
  return created;
}

export async function isDirectoryEmpty(): Promise<boolean> {
  return (await db.organisation.count()) === 0;
}
