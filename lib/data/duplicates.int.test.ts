import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ContactType } from "@/lib/generated/prisma/enums";
import { scanDuplicates } from "./duplicate-scan";
import { dismissPair, lastDuplicateScan, listDuplicatePairs } from "./duplicates";

const created: string[] = [];

afterAll(async () => {
  await db.organisation.deleteMany({ where: { id: { in: created } } });
  await db.user.deleteMany({ where: { email: { startsWith: "duplicates-editor-" } } });
  await db.$disconnect();
});

/** Letters only, so that names made from it stay apart from every other test's. */
const token = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => String.fromCharCode(97 + (byte % 26))).join("");
const digits = () => String(crypto.getRandomValues(new Uint32Array(1))[0]).padStart(10, "0").slice(0, 8);

type Options = { name?: string; website?: string; countries?: string[]; contacts?: { type: ContactType; value: string }[]; status?: "PUBLISHED" | "ARCHIVED" };

async function organisation({ name = `Duplicates ${token()}`, website, countries = ["LU"], contacts = [], status = "PUBLISHED" }: Options = {}): Promise<string> {
  const row = await db.organisation.create({
    data: {
      slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${token()}`,
      name,
      kind: "NGO",
      status,
      website,
      countryCodes: countries,
      countries: { create: countries.map((countryCode, position) => ({ countryCode, position })) },
      contacts: { create: contacts.map((contact, position) => ({ position, ...contact, rawValue: contact.value })) },
    },
    select: { id: true },
  });
  created.push(row.id);
  return row.id;
}

/** The stored pair of two organisations (in either order), or null. */
async function pairOf(one: string, other: string) {
  const [a, b] = [one, other].sort();
  return db.duplicatePair.findUnique({
    where: { organisationAId_organisationBId: { organisationAId: a, organisationBId: b } },
    select: { reasons: true, domain: true, email: true, phone: true, nameSimilarity: true, dismissedAt: true, dismissedById: true, foundAt: true },
  });
}

async function editor() {
  const user = await db.user.create({ data: { email: `duplicates-editor-${token()}@prova.test`, name: "Duplicates Editor", role: "EDITOR" }, select: { id: true, role: true } });
  return { ...user, address: "192.0.2.23" };
}

describe("scanDuplicates", () => {
  it("pairs organisations with the same e-mail address, and with the same phone or fax number", async () => {
    const email = `office-${token()}@example.org`;
    const phone = `+3522${digits()}`;
    const first = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    const second = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    const third = await organisation({ contacts: [{ type: "PHONE", value: phone }] });
    const fourth = await organisation({ contacts: [{ type: "FAX", value: phone }], countries: ["MT"] });
    const summary = await scanDuplicates();
    expect(await pairOf(first, second)).toMatchObject({ reasons: ["EMAIL"], email, phone: null, domain: null, dismissedAt: null });
    expect(await pairOf(third, fourth)).toMatchObject({ reasons: ["PHONE"], phone, email: null });
    expect(await pairOf(first, third)).toBeNull();
    expect(summary.pairs).toBeGreaterThanOrEqual(2);
    expect(summary.byReason.email).toBeGreaterThanOrEqual(1);
    expect((await lastDuplicateScan())?.pairs).toBe(summary.pairs);
  });

  it("pairs websites on the same registrable domain: www or not, any path, subdomains, under a public suffix such as co.uk", async () => {
    const domain = `${token()}.org`;
    const www = await organisation({ website: `https://www.${domain}` });
    const bare = await organisation({ website: `http://${domain}/about/us` });
    const sub = await organisation({ website: `https://news.${domain}/` });
    const uk = token();
    const shop = await organisation({ website: `https://shop.${uk}.co.uk` });
    const home = await organisation({ website: `https://www.${uk}.co.uk/home` });
    const other = await organisation({ website: `https://www.${token()}.co.uk/` });
    await scanDuplicates();
    expect(await pairOf(www, bare)).toMatchObject({ reasons: ["DOMAIN"], domain });
    expect(await pairOf(www, sub)).toMatchObject({ reasons: ["DOMAIN"], domain });
    expect(await pairOf(bare, sub)).toMatchObject({ reasons: ["DOMAIN"], domain });
    expect(await pairOf(shop, home)).toMatchObject({ reasons: ["DOMAIN"], domain: `${uk}.co.uk` });
    // co.uk itself is nobody's domain.
    expect(await pairOf(shop, other)).toBeNull();
  });

  it("leaves out a domain shared by more than five organisations, and the platforms everyone uses", async () => {
    const host = `${token()}-hosting.net`;
    const hosted = [];
    for (let i = 0; i < 6; i++) hosted.push(await organisation({ website: `https://site${i}.${host}/` }));
    const facebook = [await organisation({ website: `https://www.facebook.com/${token()}` }), await organisation({ website: `https://facebook.com/${token()}` })];
    await scanDuplicates();
    expect(await pairOf(hosted[0], hosted[1])).toBeNull();
    expect(await db.duplicatePair.count({ where: { organisationAId: { in: hosted } } })).toBe(0);
    expect(await pairOf(facebook[0], facebook[1])).toBeNull();
  });

  it("pairs very similar names in a country both work in, and not the same names in different countries", async () => {
    const word = token();
    const name = `Stichting ${word} Brugwachters Utrecht`;
    const first = await organisation({ name, countries: ["NL"] });
    const similar = await organisation({ name: `${name} e.V.`, countries: ["DE", "NL"] });
    const same = await organisation({ name: `STICHTING ${word} Brügwachters Utrecht`, countries: ["NL"] });
    const abroad = await organisation({ name, countries: ["LU"] });
    await scanDuplicates();
    const pair = await pairOf(first, similar);
    expect(pair).toMatchObject({ reasons: ["NAME"] });
    expect(pair!.nameSimilarity).toBeGreaterThanOrEqual(0.8);
    expect(pair!.nameSimilarity).toBeLessThan(1);
    // Case and accents aside, the same name.
    expect(await pairOf(first, same)).toMatchObject({ reasons: ["NAME"], nameSimilarity: 1 });
    expect(await pairOf(first, abroad)).toBeNull();
    expect(await pairOf(similar, abroad)).toBeNull();
  });

  it("leaves out archived organisations", async () => {
    const email = `archived-${token()}@example.org`;
    const published = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    const archived = await organisation({ contacts: [{ type: "EMAIL", value: email }], status: "ARCHIVED" });
    await scanDuplicates();
    expect(await pairOf(published, archived)).toBeNull();
  });

  it("keeps a pair dismissed as not the same across later scans, and a rescan changes nothing else", async () => {
    const email = `dismissed-${token()}@example.org`;
    const first = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    const second = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    await scanDuplicates();
    const found = await pairOf(first, second);
    expect(found).toMatchObject({ dismissedAt: null });
    const actor = await editor();
    await dismissPair(actor, second, first);
    const again = await scanDuplicates();
    expect(await pairOf(first, second)).toMatchObject({ reasons: ["EMAIL"], dismissedById: actor.id, foundAt: found!.foundAt });
    expect((await pairOf(first, second))!.dismissedAt).not.toBeNull();
    expect(again.added).toBe(0);
    // Dismissed: not listed.
    const { pairs } = await listDuplicatePairs({ reason: "email", country: "LU" });
    expect(pairs.map((pair) => pair.organisations.map((organisation) => organisation.id).sort())).not.toContainEqual([first, second].sort());
    // Dismissing again is no change; a pair nobody found is not there to dismiss.
    await dismissPair(actor, first, second);
    await expect(dismissPair(actor, first, crypto.randomUUID())).rejects.toThrow("not listed");
  });

  it("deletes a pair no scan finds any more, and one whose organisation is archived", async () => {
    const email = `gone-${token()}@example.org`;
    const first = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    const second = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    const third = await organisation({ contacts: [{ type: "EMAIL", value: email }] });
    await scanDuplicates();
    expect(await pairOf(first, second)).not.toBeNull();
    await db.contact.updateMany({ where: { organisationId: second }, data: { value: `other-${token()}@example.org` } });
    await db.organisation.update({ where: { id: third }, data: { status: "ARCHIVED" } });
    const summary = await scanDuplicates();
    expect(await pairOf(first, second)).toBeNull();
    expect(await pairOf(first, third)).toBeNull();
    expect(summary.removed).toBeGreaterThanOrEqual(3);
  });
});

describe("listDuplicatePairs", () => {
  it("lists pairs newest first with both organisations and what they share, by reason and by country, a page at a time", async () => {
    const phone = `+3522${digits()}`;
    const first = await organisation({ name: `List ${token()}`, countries: ["IS"], website: "https://first.example.net/", contacts: [{ type: "PHONE", value: phone }] });
    const second = await organisation({ name: `List ${token()}`, countries: ["LU", "IS"], contacts: [{ type: "PHONE", value: phone }] });
    await scanDuplicates({ now: new Date(Date.now() + 60_000) });
    const { pairs } = await listDuplicatePairs({ reason: "phone", country: "IS" });
    const listed = pairs.find((pair) => pair.organisations.some((organisation) => organisation.id === first));
    expect(listed).toMatchObject({ reasons: ["phone"], phone, email: null });
    expect(listed!.organisations.map((organisation) => organisation.id).sort()).toEqual([first, second].sort());
    const one = listed!.organisations.find((organisation) => organisation.id === first)!;
    expect(one).toMatchObject({ countryCodes: ["IS"], website: "https://first.example.net/" });
    // Found a minute "later" than every other pair: the first of the list.
    expect((await listDuplicatePairs({})).pairs[0].id).toBe(listed!.id);
    expect((await listDuplicatePairs({ reason: "domain", country: "IS" })).pairs.map((pair) => pair.id)).not.toContain(listed!.id);
    expect((await listDuplicatePairs({ reason: "phone", country: "MT" })).pairs.map((pair) => pair.id)).not.toContain(listed!.id);
    // Archived since the scan: no longer listed, before the next scan deletes it.
    await db.organisation.update({ where: { id: second }, data: { status: "ARCHIVED" } });
    expect((await listDuplicatePairs({ reason: "phone", country: "IS" })).pairs.map((pair) => pair.id)).not.toContain(listed!.id);
  });

  it("pages by keyset without repeating or skipping a pair", async () => {
    // Twelve addresses, each listed by five organisations: 120 pairs, found together, on three pages.
    const ids: string[] = [];
    for (let group = 0; group < 12; group++) {
      const email = `paged-${token()}@example.org`;
      for (let i = 0; i < 5; i++) ids.push(await organisation({ countries: ["SM"], contacts: [{ type: "EMAIL", value: email }] }));
    }
    await scanDuplicates();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const { pairs, next } = await listDuplicatePairs({ country: "SM", reason: "email", after });
      seen.push(...pairs.map((pair) => pair.id));
      after = next ?? undefined;
      pages++;
    } while (after && pages < 100);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    const ours = await db.duplicatePair.findMany({ where: { organisationAId: { in: ids }, organisationBId: { in: ids } }, select: { id: true } });
    expect(ours).toHaveLength(120);
    for (const { id } of ours) expect(seen).toContain(id);
    // A cursor that is not one of ours is the first page.
    expect((await listDuplicatePairs({ country: "SM", after: "not-a-cursor" })).pairs.length).toBeGreaterThan(0);
  });
});
