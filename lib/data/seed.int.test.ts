// Every fact of the original Belgium page is in the database, correctly typed. Not circular:
// the expectations come from a list written here by hand and from parsing the verbatim copy
// of the page (prisma/seed/source), never from the seed file the database was loaded from.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadSeed } from "@/prisma/seed/load";

const page = readFileSync(path.join(import.meta.dirname, "../../prisma/seed/source/prova-belgium.txt"), "utf8");

async function belgianOrganisations() {
  return db.organisation.findMany({
    // Other test files add (and remove) organisations of their own; they are never published in Belgium.
    where: { status: "PUBLISHED", countries: { some: { countryCode: "BE" } } },
    select: {
      name: true,
      acronym: true,
      kind: true,
      description: true,
      website: true,
      status: true,
      countries: { select: { countryCode: true, position: true } },
      contacts: { select: { type: true, label: true, value: true, rawValue: true, position: true }, orderBy: { position: "asc" } },
    },
    orderBy: { name: "asc" },
  });
}

afterAll(() => db.$disconnect());

describe("the seeded directory, against a hand-written list of the source page's facts", () => {
  const expected = [
    { name: "Alliance of Liberals and Democrats for Europe", acronym: null, kind: "POLITICAL_GROUP", website: "https://alde-cor.eu/radicalisation/", contacts: [["CONTACT_FORM", "https://alde-cor.eu/contact/"]] },
    { name: "Allo-Tolerance", acronym: null, kind: "PROJECT", website: "https://www.allo-tolerance.eu", contacts: [["CONTACT_FORM", "https://www.allo-tolerance.eu/en/contact"]] },
    {
      name: "Coordination Unit for Threat Assessment",
      acronym: "CUTA",
      kind: "GOVERNMENT_BODY",
      website: "http://www.comiteri.be/index.php/en/39-pages-gb/306-what-is-the-coordination-unit-for-threat-assessment",
      contacts: [["ADDRESS", "Rue de la Loi 22\n1000 Brussels"], ["PHONE", "+3222385686"], ["EMAIL", "srt@ocamocad.fgov.be"]],
    },
    { name: "Counter Extremism Project", acronym: "CEP", kind: "NGO", website: null, contacts: [] },
    {
      name: "Kingdom of Belgium / Foreign Affairs, Foreign Trade and Development Cooperation",
      acronym: null,
      kind: "GOVERNMENT_BODY",
      website: "https://diplomatie.belgium.be/en/policy/policy_areas/peace_and_security/terrorism/fight_against_terrorism",
      contacts: [["CONTACT_FORM", "https://diplomatie.belgium.be/en/Contact"]],
    },
    { name: "S.A.V.E. BELGIUM", acronym: null, kind: "NGO", website: "http://www.savebelgium.org", contacts: [["EMAIL", "info@savebelgium.org"], ["PHONE", "+32471512745"]] },
    {
      name: "State Security Service",
      acronym: "VSSE",
      kind: "SECURITY_SERVICE",
      website: "http://www.presscenter.org/en/source/belgian-state-security-vsse?setlang=1",
      contacts: [
        ["ADDRESS", "Résidence Palace - International Press Centre\nrue de la Loi 155 C\n1040 Brussels"],
        ["PHONE", "+3222352111"],
        ["FAX", "+3222352110"],
        ["EMAIL", "info@presscenter.org"],
      ],
    },
  ];

  it("has each organisation with its name, acronym, kind, website and typed contacts, in order", async () => {
    const organisations = await belgianOrganisations();
    expect(
      organisations.map((o) => ({
        name: o.name,
        acronym: o.acronym,
        kind: o.kind,
        website: o.website,
        contacts: o.contacts.map((c) => [c.type, c.value]),
      })),
    ).toEqual(expected);
    for (const organisation of organisations) {
      expect(organisation.status).toBe("PUBLISHED");
      expect(organisation.countries).toEqual([{ countryCode: "BE", position: 0 }]);
    }
  });

  it("keeps what was typed beside each normalised value", async () => {
    const contacts = (await belgianOrganisations()).flatMap((o) => o.contacts);
    expect(contacts.find((c) => c.value === "+32471512745")?.rawValue).toBe("0032 471 51 27 45");
    expect(contacts.find((c) => c.value === "+3222385686")?.rawValue).toBe("02 / 238.56.86");
  });

  it("keeps the Counter Extremism Project, which has no description or contact in the source", async () => {
    const cep = (await belgianOrganisations()).find((o) => o.acronym === "CEP");
    expect(cep).toMatchObject({ description: "", website: null, contacts: [] });
  });
});

/** The page, cut into one section per organisation (the heading line appears twice: layout, not data). */
function sections() {
  const lines = page.split("\n").map((line) => line.trim());
  const headings: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines.findIndex((line, j) => j > i && line !== "");
    if (lines[i] && next > 0 && lines[next] === lines[i]) headings.push(i, next);
  }
  const starts = headings.filter((_, k) => k % 2 === 0);
  return starts.map((start, k) => {
    const body = lines.slice(headings[2 * k + 1] + 1, starts[k + 1] ?? lines.length);
    const labelAt = body.findIndex((line) => /^(website|webside):?$/i.test(line));
    const paragraphs = (labelAt < 0 ? body : body.slice(0, labelAt)).filter(Boolean);
    const rest = labelAt < 0 ? [] : body.slice(labelAt + 1).filter((line) => line && line !== "\u00a0");
    return { heading: lines[start], paragraphs, rest };
  });
}

const squash = (text: string) => text.replace(/\s*\/\s*/g, " / ").replace(/[\s,-]+/g, " ").trim();

/** The page's heading is the name, with the acronym in brackets where it gives one. */
const isHeadingOf = (o: { name: string; acronym: string | null }, heading: string) =>
  [o.name, `${o.name} (${o.acronym})`].some((form) => squash(form) === squash(heading));

describe("the seeded directory, against the verbatim copy of the source page", () => {
  it("finds seven organisations in the page", () => {
    expect(sections().map((s) => s.heading)).toHaveLength(7);
  });

  it("has every organisation under its heading, with every description paragraph", async () => {
    const organisations = await belgianOrganisations();
    for (const section of sections()) {
      const match = organisations.find((o) => isHeadingOf(o, section.heading));
      expect(match, section.heading).toBeDefined();
      expect(match!.description, section.heading).toBe(section.paragraphs.join("\n\n"));
    }
  });

  it("has every web address, e-mail, phone, fax and address of the page, correctly typed", async () => {
    const organisations = await belgianOrganisations();
    for (const section of sections()) {
      const organisation = organisations.find((o) => isHeadingOf(o, section.heading))!;
      const addressLines: string[] = [];
      const urls: string[] = [];
      for (const line of section.rest) {
        if (/^(\d+\.\s*)?(e-mail \/ contact \/ telephone|mail \/ contact:?)$/i.test(line)) continue;
        const url = line.match(/^(https?:\/\/\S+|www\.\S+)$/)?.[1];
        const email = line.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/)?.[0];
        const phone = line.match(/(\+|0)\d[\d\s/.]{6,}\d/)?.[0];
        if (url) urls.push(url.startsWith("www.") ? `https://${url}` : url);
        else if (email) expect(organisation.contacts, email).toContainEqual(expect.objectContaining({ type: "EMAIL", value: email.toLowerCase() }));
        else if (phone) {
          const digits = `+32${phone.replace(/\D/g, "").replace(/^(0032|32|0)/, "")}`;
          const type = /^fax/i.test(line) ? "FAX" : "PHONE";
          expect(organisation.contacts, line).toContainEqual(expect.objectContaining({ type, value: digits }));
        } else addressLines.push(line);
      }
      // The first URL of a section is the website; the others are contact forms.
      expect(organisation.website ?? undefined, section.heading).toBe(urls[0]);
      for (const url of urls.slice(1)) {
        expect(organisation.contacts, url).toContainEqual(expect.objectContaining({ type: "CONTACT_FORM", value: url }));
      }
      if (addressLines.length) {
        const address = organisation.contacts.find((c) => c.type === "ADDRESS");
        expect(address, section.heading).toBeDefined();
        expect(squash(address!.value)).toBe(squash(addressLines.join(" ")));
      } else {
        expect(organisation.contacts.some((c) => c.type === "ADDRESS"), section.heading).toBe(false);
      }
    }
  });
});

describe("loading the seed", () => {
  it("is idempotent: a second run adds nothing", async () => {
    const before = await Promise.all([db.organisation.count(), db.contact.count(), db.country.count(), db.user.count()]);
    const report = await loadSeed({ demo: true });
    expect(report).toEqual({ countries: 0, organisations: 0, users: 0 });
    const after = await Promise.all([db.organisation.count(), db.contact.count(), db.country.count(), db.user.count()]);
    expect(after).toEqual(before);
  });

  it("has the EU member states, the UK, Norway and Switzerland among the countries", async () => {
    const codes = new Set((await db.country.findMany({ select: { code: true } })).map((c) => c.code));
    for (const code of ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "NO", "CH"]) {
      expect(codes.has(code), code).toBe(true);
    }
  });
});
