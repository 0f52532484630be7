import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { markVerified } from "@/lib/data/change-sets";
import type { VerificationSource } from "@/lib/generated/prisma/enums";
import { countOverdue, listDueForChecking } from "./verification";

const created: string[] = [];
const run = crypto.randomUUID().slice(0, 8);

afterAll(async () => {
  await db.organisation.deleteMany({ where: { id: { in: created } } });
  await db.user.deleteMany({
    where: { email: { startsWith: `verification-${run}-` } },
  });
  await db.$disconnect();
});

// Dates in the 1970s, before any other test's rows: this file's rows come first in the due order.
const at = (day: string) => new Date(`${day}T12:00:00.000Z`);
const now = at("1975-06-01");

type Options = {
  createdAt: Date;
  lastVerifiedAt?: Date;
  source?: VerificationSource;
  kind?: "NGO" | "PROJECT";
  country?: string;
  archived?: boolean;
};

async function organisation({
  createdAt,
  lastVerifiedAt,
  source,
  kind = "PROJECT",
  country = "MT",
  archived = false,
}: Options): Promise<string> {
  const row = await db.organisation.create({
    data: {
      slug: `verification-${run}-${created.length}`,
      name: `Verification ${run} ${created.length}`,
      kind,
      status: archived ? "ARCHIVED" : "PUBLISHED",
      createdAt,
      lastVerifiedAt,
      lastVerifiedSource: source,
      countryCodes: [country],
      countries: { create: [{ countryCode: country, position: 0 }] },
    },
    select: { id: true },
  });
  created.push(row.id);
  return row.id;
}

const mine = (ids: string[]) => ids.filter((id) => created.includes(id));

describe("listDueForChecking", async () => {
  const neverVerified = await organisation({ createdAt: at("1972-01-10") });
  const verifiedLongAgo = await organisation({
    createdAt: at("1970-01-01"),
    lastVerifiedAt: at("1971-03-01"),
    source: "IMPORT",
  });
  const dueSoon = await organisation({
    createdAt: at("1970-01-01"),
    lastVerifiedAt: at("1974-08-01"),
    source: "ORGANISATION",
  });
  const otherKind = await organisation({
    createdAt: at("1970-01-02"),
    kind: "NGO",
  });
  const otherCountry = await organisation({
    createdAt: at("1970-01-02"),
    country: "CY",
  });
  const archived = await organisation({
    createdAt: at("1970-01-01"),
    archived: true,
  });

  it("lists overdue first, the longest overdue at the top, then the soonest due, with the due date", async () => {
    const { listings } = await listDueForChecking({
      country: "MT",
      kind: "PROJECT",
      now,
      months: 12,
    });
    expect(mine(listings.map((listing) => listing.id))).toEqual([
      verifiedLongAgo,
      neverVerified,
      dueSoon,
    ]);
    const byId = new Map(listings.map((listing) => [listing.id, listing]));
    expect(byId.get(verifiedLongAgo)).toMatchObject({
      dueAt: "1972-03-01T12:00:00.000Z",
      overdue: true,
      lastVerifiedSource: "IMPORT",
      lastVerifiedAt: "1971-03-01T12:00:00.000Z",
    });
    // Never verified: due a year after it was added.
    expect(byId.get(neverVerified)).toMatchObject({
      dueAt: "1973-01-10T12:00:00.000Z",
      overdue: true,
      lastVerifiedAt: null,
      lastVerifiedSource: null,
    });
    expect(byId.get(dueSoon)).toMatchObject({
      dueAt: "1975-08-01T12:00:00.000Z",
      overdue: false,
      lastVerifiedSource: "ORGANISATION",
    });
  });

  it("follows the configured interval", async () => {
    const { listings } = await listDueForChecking({
      country: "MT",
      kind: "PROJECT",
      now,
      months: 6,
    });
    expect(listings.find((listing) => listing.id === dueSoon)).toMatchObject({
      dueAt: "1975-02-01T12:00:00.000Z",
      overdue: true,
    });
  });

  it("filters by kind and by any of the countries, and leaves archived listings out", async () => {
    const all = (await listDueForChecking({ now, limit: 200 })).listings.map(
      (listing) => listing.id,
    );
    expect(mine(all)).toEqual([
      otherKind,
      otherCountry,
      verifiedLongAgo,
      neverVerified,
      dueSoon,
    ]);
    expect(all).not.toContain(archived);
    expect(
      mine(
        (await listDueForChecking({ kind: "NGO", now })).listings.map(
          (listing) => listing.id,
        ),
      ),
    ).toEqual([otherKind]);
    expect(
      mine(
        (await listDueForChecking({ country: "CY", now })).listings.map(
          (listing) => listing.id,
        ),
      ),
    ).toEqual([otherCountry]);
  });

  it("pages by keyset without repeating or skipping a listing", async () => {
    const first = await listDueForChecking({
      country: "MT",
      kind: "PROJECT",
      now,
      limit: 2,
    });
    expect(first.next).not.toBeNull();
    const second = await listDueForChecking({
      country: "MT",
      kind: "PROJECT",
      now,
      limit: 2,
      cursor: first.next!,
    });
    expect(
      mine(
        [...first.listings, ...second.listings].map((listing) => listing.id),
      ),
    ).toEqual([verifiedLongAgo, neverVerified, dueSoon]);
    // A cursor that is not ours is the first page, never an error.
    expect(
      (
        await listDueForChecking({
          country: "MT",
          kind: "PROJECT",
          now,
          limit: 2,
          cursor: "not-a-cursor",
        })
      ).listings,
    ).toEqual(first.listings);
  });

  it("marking verified records who and how (a staff check), audited, refreshes its page alone and moves it to the end", async () => {
    const user = await db.user.create({
      data: {
        email: `verification-${run}-editor@prova.test`,
        name: "Vera Checker",
        role: "EDITOR",
      },
      select: { id: true, role: true },
    });
    const before = await db.organisation.findUniqueOrThrow({
      where: { id: neverVerified },
      select: { updatedAt: true, version: true },
    });
    expect(
      await markVerified({ ...user, address: "192.0.2.24" }, neverVerified),
    ).toEqual([`organisation:${neverVerified}`]);
    const row = await db.organisation.findUniqueOrThrow({
      where: { id: neverVerified },
      select: {
        lastVerifiedAt: true,
        lastVerifiedById: true,
        lastVerifiedSource: true,
        updatedAt: true,
        version: true,
      },
    });
    expect(row).toMatchObject({
      lastVerifiedById: user.id,
      lastVerifiedSource: "STAFF",
      updatedAt: before.updatedAt,
      version: before.version,
    });
    expect(Date.now() - row.lastVerifiedAt!.getTime()).toBeLessThan(60_000);
    expect(
      await db.auditEvent.count({
        where: {
          action: "organisation.verified",
          actorId: user.id,
          subject: `organisation:${neverVerified}`,
        },
      }),
    ).toBe(1);

    const { listings } = await listDueForChecking({
      country: "MT",
      kind: "PROJECT",
      now: new Date(),
      months: 12,
    });
    const listing = listings.find(
      (candidate) => candidate.id === neverVerified,
    );
    // Checked today: due in a year, after the others (or past the first page).
    if (listing)
      expect(listing).toMatchObject({
        overdue: false,
        lastVerifiedBy: "Vera Checker",
        lastVerifiedSource: "STAFF",
      });
    expect(mine(listings.map((candidate) => candidate.id)).slice(0, 2)).toEqual(
      [verifiedLongAgo, dueSoon],
    );
  });

  it("forgets who verified once their account is deleted, and keeps the date and source", async () => {
    await db.user.deleteMany({
      where: { email: `verification-${run}-editor@prova.test` },
    });
    const row = await db.organisation.findUniqueOrThrow({
      where: { id: neverVerified },
      select: {
        lastVerifiedAt: true,
        lastVerifiedById: true,
        lastVerifiedSource: true,
      },
    });
    expect(row).toMatchObject({
      lastVerifiedById: null,
      lastVerifiedSource: "STAFF",
    });
    expect(row.lastVerifiedAt).not.toBeNull();
  });
});

describe("countOverdue", () => {
  it("counts published listings last verified (or created) longer ago than the interval, up to one past its cap", async () => {
    // In the 1960s: before any other row, this file's included.
    const then = at("1968-06-01");
    await organisation({ createdAt: at("1965-03-01") });
    await organisation({ createdAt: at("1965-03-01"), lastVerifiedAt: at("1966-01-15"), source: "STAFF" });
    await organisation({ createdAt: at("1965-03-01"), lastVerifiedAt: at("1968-03-01"), source: "STAFF" });
    await organisation({ createdAt: at("1965-03-01"), archived: true });
    expect(await countOverdue({ now: then, months: 12 })).toBe(2);
    expect(await countOverdue({ now: then, months: 36 })).toBe(1);
    expect(await countOverdue({ now: then, months: 12, cap: 1 })).toBe(2);
    expect(await countOverdue({ now: at("1960-01-01"), months: 12 })).toBe(0);
  });
});
