import "server-only";
import { db } from "@/lib/db";
import type { OrganisationDocument } from "@/lib/change-sets/document";
import { keysOf, type MatchKey } from "@/lib/import/plan";
import { openStatuses } from "@/lib/data/change-sets/shared";
import { parseStored } from "@/lib/data/stored-documents";

// What an import matches against: the directory's organisations, found by the keys of a batch of
// rows in three indexed lookups, a few organisations per key at most (a website's host: the `website_host` expression index; an e-mail:
// the contacts' value index; a name: the unaccented-name index), then keyed in the same way as the
// rows (lib/import/plan.ts), so that a row and an organisation meet on equal keys only.

export type Candidate = { id: string; archived: boolean };

/**
 * Organisations read per key: a key that more than one has says nothing about which, whatever the
 * number, so a name or a host that thousands share (a ministry's portal) costs a few rows, not
 * thousands.
 */
const perKey = 2;

/** For each key of these rows, the organisations (published or archived) that have it. */
export async function organisationsByKeys(rows: { website: string | null; name: string; countries: string[]; emails: string[] }[], keys: readonly MatchKey[]): Promise<Map<string, Candidate[]>> {
  const hosts = keys.includes("website") ? rows.flatMap((row) => (row.website ? [row.website] : [])) : [];
  const emails = keys.includes("email") ? rows.flatMap((row) => row.emails.map((email) => email.toLowerCase())) : [];
  // A name is looked for in each of the row's countries (`= ANY(countryCodes)`, not `@>`: the GIN
  // index on the countries would read a whole country's rows for each name).
  const named = keys.includes("name") ? rows.flatMap((row) => row.countries.map((country) => [row.name, country] as const)) : [];
  const names = named.map(([name]) => name);
  const nameCountries = named.map(([, country]) => country);
  // A batch's lookups read a few hundred index entries, from disk when the cache is cold: more
  // than the 2.5 s a request may take (lib/db.ts), and an import is no request.
  const found = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL statement_timeout = 60000`;
    return tx.$queryRaw<{ id: string; status: string; name: string; website: string | null; countryCodes: string[]; emails: string[] }[]>`
    WITH matched AS (
      SELECT m.id FROM unnest(${hosts}::text[]) url,
        LATERAL (SELECT id FROM "Organisation" WHERE website_host(website) = website_host(url) LIMIT ${perKey}) m
      UNION
      SELECT m.id FROM unnest(${emails}::text[]) email,
        LATERAL (SELECT "organisationId" AS id FROM "Contact" WHERE value = email AND type = 'email' LIMIT ${perKey}) m
      UNION
      SELECT m.id FROM unnest(${names}::text[], ${nameCountries}::text[]) AS k(n, country),
        LATERAL (SELECT id FROM "Organisation" WHERE f_unaccent(lower(name)) = f_unaccent(lower(k.n)) AND k.country = ANY("countryCodes") LIMIT ${perKey}) m
    )
    SELECT o.id, o.status::text, o.name, o.website, o."countryCodes",
      COALESCE(array_agg(lower(c.value)) FILTER (WHERE c.type = 'email'), '{}') AS emails
    FROM matched m JOIN "Organisation" o ON o.id = m.id LEFT JOIN "Contact" c ON c."organisationId" = o.id
    GROUP BY o.id`;
  });
  const byKey = new Map<string, Candidate[]>();
  for (const organisation of found) {
    const contacts = organisation.emails.map((value) => ({ type: "EMAIL" as const, value }));
    for (const key of keysOf({ name: organisation.name, website: organisation.website, countries: organisation.countryCodes, contacts }, keys)) {
      byKey.set(key, [...(byKey.get(key) ?? []), { id: organisation.id, archived: organisation.status === "archived" }]);
    }
  }
  return byKey;
}


/**
 * What imports waiting for review already propose for these rows: updates of these organisations,
 * and creations sharing one of these keys (ChangeSet.importKeys), so that importing the same file
 * again proposes nothing new.
 */
export async function openImportProposals(
  organisationIds: string[],
  keys: string[],
): Promise<{ updates: { id: string; organisationId: string; proposed: OrganisationDocument }[]; creations: { id: string; keys: string[]; proposed: OrganisationDocument }[] }> {
  const [updates, creations] = await Promise.all([
    organisationIds.length
      ? db.changeSet.findMany({
          where: { organisationId: { in: organisationIds }, importBatchId: { not: null }, status: { in: openStatuses } },
          select: { id: true, organisationId: true, proposed: true },
        })
      : [],
    keys.length
      ? db.changeSet.findMany({ where: { kind: "CREATE", importKeys: { hasSome: keys }, status: { in: openStatuses } }, select: { id: true, importKeys: true, proposed: true } })
      : [],
  ]);
  return {
    updates: updates.map((changeSet) => ({ id: changeSet.id, organisationId: changeSet.organisationId!, proposed: parseStored(changeSet.proposed, "ChangeSet.proposed", changeSet.id) })),
    creations: creations.map((changeSet) => ({ id: changeSet.id, keys: changeSet.importKeys, proposed: parseStored(changeSet.proposed, "ChangeSet.proposed", changeSet.id) })),
  };
}
