import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContactType } from "@/lib/generated/prisma/enums";
import { decodeCursor, encodeCursor, escapeLike } from "./keyset";

export const contactPageSize = 50;

export type AdminContactItem = {
  id: string;
  type: ContactType;
  label: string | null;
  value: string;
  organisationId: string;
  organisationName: string;
};

/**
 * Every contact across organisations, in value order, a page at a time by keyset; `q` finds the
 * text anywhere in the value (every contact at one e-mail domain, say) through a trigram index.
 */
export async function listContactsForAdmin({ q, after }: { q?: string; after?: string }): Promise<{ items: AdminContactItem[]; next: string | null }> {
  const conditions: Prisma.Sql[] = [];
  const text = q?.trim().slice(0, 200);
  if (text) conditions.push(Prisma.sql`lower(c."value") LIKE ${`%${escapeLike(text.toLowerCase())}%`}`);
  const cursor = decodeCursor(after);
  if (cursor) conditions.push(Prisma.sql`(c."value", c."id") > (${cursor.value}, ${cursor.id}::uuid)`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<AdminContactItem, "type"> & { type: string })[]>`
    SELECT c."id", c."type"::text AS "type", c."label", c."value", o."id" AS "organisationId", o."name" AS "organisationName"
    FROM "Contact" c JOIN "Organisation" o ON o."id" = c."organisationId"
    ${where} ORDER BY c."value", c."id" LIMIT ${contactPageSize + 1}`;
  const items = rows.slice(0, contactPageSize).map((row) => ({ ...row, type: row.type.toUpperCase() as ContactType }));
  const last = items.at(-1);
  const next = rows.length > contactPageSize && last ? encodeCursor({ value: last.value, id: last.id }) : null;
  return { items, next };
}
