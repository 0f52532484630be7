import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adminPageSize, findSimilarOrganisations, listOrganisationsForAdmin, type AdminListFilters } from "./admin-organisations";

afterAll(() => db.$disconnect());

describe("listOrganisationsForAdmin", () => {
  it("searches names (accents ignored), acronyms, websites and contact values", async () => {
    const names = async (q: string) => (await listOrganisationsForAdmin({ q, sort: "name" })).items.map((item) => item.name);
    expect(await names("tolérance")).toContain("Allo-Tolerance");
    expect(await names("cuta")).toEqual(["Coordination Unit for Threat Assessment"]);
    const [allo] = await db.organisation.findMany({ where: { slug: "allo-tolerance" }, select: { website: true, contacts: { select: { value: true } } } });
    const host = new URL(allo.website!).host;
    expect(await names(host)).toContain("Allo-Tolerance");
    const contact = allo.contacts[0];
    expect(contact).toBeDefined();
    expect(await names(contact.value.slice(-12))).toContain("Allo-Tolerance");
    // Wildcards typed in full width are not wildcards once accents are folded.
    expect(await names("％")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("zzzz-no-such-thing")).toEqual([]);
  });

  it("lists as not verified those not verified within the verification interval (12 months by default)", async () => {
    const stamp = crypto.randomUUID().slice(0, 8);
    const day = 24 * 60 * 60_000;
    const made = await Promise.all(
      [
        ["old", new Date(Date.now() - 400 * day)],
        ["recent", new Date(Date.now() - day)],
        ["never", null],
      ].map(([label, at]) =>
        db.organisation.create({ data: { slug: `verif-${label}-${stamp}`, name: `Verif ${label} ${stamp}`, kind: "NGO", lastVerifiedAt: at as Date | null }, select: { id: true, name: true } }),
      ),
    );
    try {
      const names = (await listOrganisationsForAdmin({ q: stamp, unverified: true, sort: "name" })).items.map((item) => item.name);
      expect(names).toEqual([`Verif never ${stamp}`, `Verif old ${stamp}`]);
    } finally {
      await db.organisation.deleteMany({ where: { id: { in: made.map((row) => row.id) } } });
    }
  });

  it("finds what was written a moment ago, whoever wrote it: the search text follows every change", async () => {
    const stamp = crypto.randomUUID().slice(0, 8);
    const ids = async (q: string) => (await listOrganisationsForAdmin({ q, sort: "name" })).items.map((item) => item.id);
    const { id } = await db.organisation.create({
      data: { slug: `follow-${stamp}`, name: `Fóllow ${stamp}`, kind: "NGO", contacts: { create: { position: 0, type: "EMAIL", value: `desk-${stamp}@example.org`, rawValue: `desk-${stamp}@example.org` } } },
      select: { id: true },
    });
    try {
      expect(await ids(`follow ${stamp}`)).toEqual([id]);
      expect(await ids(`desk-${stamp}`)).toEqual([id]);
      await db.contact.updateMany({ where: { organisationId: id }, data: { value: `office-${stamp}@example.org` } });
      expect(await ids(`desk-${stamp}`)).toEqual([]);
      expect(await ids(`office-${stamp}`)).toEqual([id]);
      await db.organisation.update({ where: { id }, data: { name: `Renamed ${stamp}`, acronym: `ACR${stamp}`, website: `https://site-${stamp}.example` } });
      expect(await ids(`follow ${stamp}`)).toEqual([]);
      for (const q of [`renamed ${stamp}`, `acr${stamp}`, `site-${stamp}`]) expect(await ids(q)).toEqual([id]);
      // Filters and both orders read the search table's copies of the columns: they follow too.
      await db.organisation.update({ where: { id }, data: { status: "ARCHIVED", kind: "GOVERNMENT_BODY", countryCodes: ["LU"] } });
      const filtered = { q: `renamed ${stamp}`, country: "lu", kind: "GOVERNMENT_BODY", status: "ARCHIVED" } as const;
      for (const sort of ["name", "updated"] as const) {
        expect((await listOrganisationsForAdmin({ ...filtered, sort })).items.map((item) => item.id)).toEqual([id]);
      }
      expect((await listOrganisationsForAdmin({ ...filtered, status: "PUBLISHED", sort: "name" })).items).toEqual([]);
      expect((await listOrganisationsForAdmin({ ...filtered, country: "be", sort: "name" })).items).toEqual([]);
      expect((await listOrganisationsForAdmin({ ...filtered, kind: "NGO", sort: "name" })).items).toEqual([]);
      // A contact moved to another organisation: found with that one only.
      const other = await db.organisation.create({ data: { slug: `other-${stamp}`, name: `Other ${stamp}`, kind: "NGO" }, select: { id: true } });
      await db.contact.updateMany({ where: { organisationId: id }, data: { organisationId: other.id } });
      expect(await ids(`office-${stamp}`)).toEqual([other.id]);
      await db.contact.updateMany({ where: { organisationId: other.id }, data: { organisationId: id } });
      await db.organisation.delete({ where: { id: other.id } });
      expect(await ids(`office-${stamp}`)).toEqual([id]);
      await db.contact.deleteMany({ where: { organisationId: id } });
      expect(await ids(`office-${stamp}`)).toEqual([]);
      // Parts are separate lines: a search cannot match across the end of one and the start of the next.
      expect(await ids(`${stamp} acr`)).toEqual([]);
    } finally {
      await db.organisation.delete({ where: { id } });
    }
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM "OrganisationSearchText" WHERE "organisationId" = ${id}::uuid`).toEqual([]);
  });

  it("filters by country, kind and status", async () => {
    const belgian = await listOrganisationsForAdmin({ country: "be", sort: "name" });
    expect(belgian.items.length).toBeGreaterThan(0);
    expect(belgian.items.every((item) => item.countryCodes.includes("BE"))).toBe(true);
    const ngos = await listOrganisationsForAdmin({ kind: "NGO", sort: "name" });
    expect(ngos.items.every((item) => item.kind === "NGO")).toBe(true);
    expect((await listOrganisationsForAdmin({ status: "ARCHIVED", sort: "name" })).items.every((item) => item.status === "ARCHIVED")).toBe(true);
  });

  it("walks every organisation exactly once, page by page, in both orders", async () => {
    const total = await db.organisation.count();
    const stamp = Date.now();
    // Enough rows for three pages.
    const created = await db.organisation.createManyAndReturn({
      data: Array.from({ length: adminPageSize * 2 + 5 }, (_, index) => ({ slug: `walk-${stamp}-${index}`, name: `Walk ${stamp} ${String(index % 7)}`, kind: "OTHER" as const })),
      select: { id: true },
    });
    try {
      const walk = async (filters: Omit<AdminListFilters, "after">) => {
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await listOrganisationsForAdmin({ ...filters, after });
          seen.push(...page.items.map((item) => item.id));
          after = page.next ?? undefined;
        } while (after);
        return seen;
      };
      for (const sort of ["name", "updated"] as const) {
        const seen = await walk({ sort });
        expect(seen).toHaveLength(total + created.length);
        expect(new Set(seen).size).toBe(seen.length);
        // A search pages through the search table's order: every match once.
        const found = await walk({ sort, q: `walk ${stamp}` });
        expect(found).toHaveLength(created.length);
        expect(new Set(found)).toEqual(new Set(created.map((row) => row.id)));
      }
    } finally {
      await db.organisation.deleteMany({ where: { id: { in: created.map((row) => row.id) } } });
    }
  });
});

describe("findSimilarOrganisations", () => {
  it("finds a very similar name, accents and typos aside, and a website on the same domain", async () => {
    const byName = await findSimilarOrganisations({ name: "Allo Tolérence" });
    expect(byName.find((item) => item.name === "Allo-Tolerance")?.matches).toEqual([{ reason: "name", shared: null }]);
    const [allo] = await db.organisation.findMany({ where: { slug: "allo-tolerance" }, select: { id: true, website: true } });
    const host = new URL(allo.website!).hostname.replace(/^www\./, "");
    const byWebsite = await findSimilarOrganisations({ website: `http://news.${host}/about` });
    expect(byWebsite.find((item) => item.name === "Allo-Tolerance")?.matches).toEqual([{ reason: "domain", shared: host }]);
    // Not itself, when editing it.
    expect((await findSimilarOrganisations({ name: "Allo-Tolerance", excludeId: allo.id })).map((item) => item.id)).not.toContain(allo.id);
    expect(await findSimilarOrganisations({ name: "Qwxz Zzyv Unlike Anything" })).toEqual([]);
  });
});

describe("findSimilarOrganisations: the same e-mail, phone or domain as a published organisation", () => {
  const created: string[] = [];
  afterAll(() => db.organisation.deleteMany({ where: { id: { in: created } } }));
  const stamp = () => crypto.randomUUID().slice(0, 8);
  async function organisation(website: string | null, contacts: { type: "EMAIL" | "PHONE" | "FAX"; value: string }[], status: "PUBLISHED" | "ARCHIVED" = "PUBLISHED") {
    const name = `Similar ${stamp()}`;
    const { id } = await db.organisation.create({
      data: { slug: name.toLowerCase().replace(/\W+/g, "-"), name, kind: "NGO", status, website, contacts: { create: contacts.map((contact, position) => ({ ...contact, position, rawValue: contact.value })) } },
      select: { id: true },
    });
    created.push(id);
    return { id, name };
  }

  it("says why, once per organisation, strongest reason first", async () => {
    const domain = `hint-${stamp()}.org`;
    const email = `desk-${stamp()}@example.org`;
    const phone = `+3562${String(Date.now()).slice(-7)}`;
    const both = await organisation(`https://www.${domain}/`, [{ type: "EMAIL", value: email }]);
    const byPhone = await organisation(null, [{ type: "FAX", value: phone }]);
    const archived = await organisation(null, [{ type: "EMAIL", value: email }], "ARCHIVED");
    const found = await findSimilarOrganisations({ website: `https://news.${domain}/about`, emails: [email], phones: [phone] });
    expect(found.find((item) => item.id === both.id)?.matches).toEqual([
      { reason: "email", shared: email },
      { reason: "domain", shared: domain },
    ]);
    expect(found.find((item) => item.id === byPhone.id)).toEqual({ id: byPhone.id, name: byPhone.name, matches: [{ reason: "phone", shared: phone }] });
    expect(found.map((item) => item.id)).not.toContain(archived.id);
    // Not itself, when editing it.
    expect((await findSimilarOrganisations({ website: `https://${domain}`, emails: [email], excludeId: both.id })).map((item) => item.id)).not.toContain(both.id);
  });

  it("says nothing of a domain or an address more than five organisations share", async () => {
    const domain = `shared-${stamp()}.org`;
    const email = `network-${stamp()}@example.org`;
    for (let i = 0; i < 6; i++) await organisation(`https://unit${i}.${domain}/`, [{ type: "EMAIL", value: email }]);
    expect(await findSimilarOrganisations({ website: `https://${domain}`, emails: [email] })).toEqual([]);
    // A shared address does not hide another one's holder.
    const other = `desk-${stamp()}@example.org`;
    const holder = await organisation(null, [{ type: "EMAIL", value: other }]);
    expect((await findSimilarOrganisations({ emails: [email, other] })).map((item) => item.id)).toEqual([holder.id]);
    expect(await findSimilarOrganisations({ website: "https://www.facebook.com/some-page" })).toEqual([]);
  });
});
