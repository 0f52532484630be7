import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reviewDigests } from "./notifications";
import { toStored } from "./stored-documents";

const run = crypto.randomUUID().slice(0, 8);
const users: string[] = [];

afterAll(async () => {
  await db.changeSet.deleteMany({ where: { OR: [{ authorId: { in: users } }, { note: `digest-${run}` }] } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

async function user(role: "EDITOR" | "REVIEWER" | "ADMIN", options: { digest?: boolean; disabled?: boolean } = {}) {
  const { id } = await db.user.create({
    data: { email: `digest-${run}-${users.length}@prova.test`, name: `Digest ${users.length}`, role, notifyReviewDigest: options.digest ?? false, disabledAt: options.disabled ? new Date() : null },
    select: { id: true },
  });
  users.push(id);
  return id;
}

/** A change set submitted at `submittedAt` by `authorId` (null: a public suggestion). */
async function submitted(name: string, submittedAt: Date, authorId: string | null) {
  const proposed = toStored({ slug: "", name, acronym: null, kind: "OTHER", description: "", website: null, countries: ["MT"], contacts: [], archived: false, originalLanguage: "en", translations: {} });
  await db.changeSet.create({ data: { kind: "CREATE", status: "SUBMITTED", submittedAt, authorId, public: authorId === null, proposed, note: `digest-${run}` } });
}

describe("reviewDigests", () => {
  it("gives each reviewer and admin who asked for it the changes they may decide that waited more than a day, oldest first, and nobody else anything", async () => {
    // In 1990: before every other test's change sets, so only these count.
    const now = new Date("1990-01-10T07:00:00Z");
    const day = (d: number, hour = 9) => new Date(Date.UTC(1990, 0, d, hour));
    const wantsIt = await user("REVIEWER", { digest: true });
    const admin = await user("ADMIN", { digest: true });
    await user("REVIEWER");
    await user("REVIEWER", { digest: true, disabled: true });
    const editor = await user("EDITOR");
    await submitted(`Oldest ${run}`, day(2), editor);
    await submitted(`Suggested ${run}`, day(5), null);
    await submitted(`Own ${run}`, day(3), wantsIt);
    await submitted(`Recent ${run}`, day(9, 12), editor);

    const digests = (await reviewDigests(now)).filter((digest) => users.includes(digest.userId));
    expect(digests).toEqual([
      { userId: wantsIt, to: `digest-${run}-0@prova.test`, name: "Digest 0", language: "en", count: 2, oldest: [{ name: `Oldest ${run}`, days: 7 }, { name: `Suggested ${run}`, days: 4 }] },
      {
        userId: admin,
        to: `digest-${run}-1@prova.test`,
        name: "Digest 1",
        language: "en",
        count: 3,
        oldest: [{ name: `Oldest ${run}`, days: 7 }, { name: `Own ${run}`, days: 6 }, { name: `Suggested ${run}`, days: 4 }],
      },
    ]);
    // A day with nothing waiting that long: no digest at all.
    expect((await reviewDigests(day(2, 12))).filter((digest) => users.includes(digest.userId))).toEqual([]);
  });
});
