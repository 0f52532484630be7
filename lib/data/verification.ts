import "server-only";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/data/keyset";
import { serverEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import {
  verificationDueAt,
  verificationSources,
  type VerificationSource,
} from "@/lib/verification";

export type DueListing = {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  countryCodes: string[];
  /** ISO timestamps. */
  lastVerifiedAt: string | null;
  lastVerifiedSource: VerificationSource | null;
  /** The name of who verified it last, while their account exists. */
  lastVerifiedBy: string | null;
  dueAt: string;
  overdue: boolean;
};

// Raw rows carry the database's enum labels (lower case), not Prisma's names.
type Row = Omit<
  DueListing,
  "kind" | "lastVerifiedAt" | "lastVerifiedSource" | "dueAt" | "overdue"
> & {
  kind: string;
  lastVerifiedAt: Date | null;
  lastVerifiedSource: string | null;
  createdAt: Date;
  basis: Date;
};

const kinds = Object.values(OrganisationKind);
const fromLabel = <T extends string>(names: readonly T[], label: string): T => {
  const name = names.find((candidate) => candidate.toLowerCase() === label);
  if (!name) throw new Error(`Unknown enum label ${label}`);
  return name;
};

export const duePageSize = 50;

/**
 * Published organisations in the order they are due for checking again: overdue first (the
 * longest overdue at the top), then the soonest due; of one country (any of its countries) and
 * one kind when given. Keyset pages on (last verification or creation, id): the order of the
 * expression indexes `Organisation_verification_due_idx` and `…_due_kind_idx`, so a page reads
 * its fifty rows from an index whatever the table's size (a small country's few rows come from
 * the GIN index on countryCodes and are sorted). The due date is computed, not stored:
 * a change of VERIFICATION_INTERVAL_MONTHS applies to every listing at once.
 */
export async function listDueForChecking({
  country,
  kind,
  cursor,
  now = new Date(),
  months = serverEnv().VERIFICATION_INTERVAL_MONTHS,
  limit = duePageSize,
}: {
  country?: string;
  kind?: OrganisationKind;
  cursor?: string;
  now?: Date;
  months?: number;
  limit?: number;
}): Promise<{ listings: DueListing[]; next: string | null }> {
  const after = decodeCursor(cursor);
  const afterDate = after ? new Date(after.value) : null;
  const conditions = [
    Prisma.sql`o.status = 'published'`,
    kind
      ? Prisma.sql`o.kind = ${kind.toLowerCase()}::"OrganisationKind"`
      : null,
    // `@>`, which the GIN index on countryCodes serves: PostgreSQL walks the due order for a large
    // country and takes a small one's few rows from the GIN index (with the kind index when given).
    country ? Prisma.sql`o."countryCodes" @> ARRAY[${country}]::text[]` : null,
    after && afterDate && !Number.isNaN(afterDate.getTime())
      ? Prisma.sql`(COALESCE(o."lastVerifiedAt", o."createdAt"), o.id) > (${afterDate}::timestamp, ${after.id}::uuid)`
      : null,
  ].filter((condition) => condition !== null);
  const rows = await db.$queryRaw<Row[]>`
    SELECT o.id, o.slug, o.name, o.kind, o."countryCodes", o."lastVerifiedAt", o."lastVerifiedSource", o."createdAt",
      COALESCE(o."lastVerifiedAt", o."createdAt") AS basis, u.name AS "lastVerifiedBy"
    FROM "Organisation" o LEFT JOIN "User" u ON u.id = o."lastVerifiedById"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY COALESCE(o."lastVerifiedAt", o."createdAt"), o.id
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    listings: page.map((row) => {
      const dueAt = verificationDueAt(row, months);
      return {
        id: row.id,
        slug: row.slug,
        name: row.name,
        kind: fromLabel(kinds, row.kind),
        countryCodes: row.countryCodes,
        lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
        lastVerifiedSource:
          row.lastVerifiedSource === null
            ? null
            : fromLabel(verificationSources, row.lastVerifiedSource),
        lastVerifiedBy: row.lastVerifiedBy,
        dueAt: dueAt.toISOString(),
        overdue: dueAt <= now,
      };
    }),
    next:
      rows.length > limit && last
        ? encodeCursor({ value: last.basis.toISOString(), id: last.id })
        : null,
  };
}

/**
 * How many published listings are overdue for checking, counted up to `cap` (the admin home says
 * "more than" past it, so the count stays quick at a million). Overdue as in the due list: the
 * last verification, or the creation, at least `months` ago.
 */
export async function countOverdue({ cap = 1000, now = new Date(), months = serverEnv().VERIFICATION_INTERVAL_MONTHS }: { cap?: number; now?: Date; months?: number } = {}): Promise<number> {
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM "Organisation" o
      WHERE o.status = 'published' AND COALESCE(o."lastVerifiedAt", o."createdAt") <= ${now}::timestamp - make_interval(months => ${months}::int)
      LIMIT ${cap + 1}) overdue`;
  return count;
}
