// npm run db:generate-demo: synthetic organisations that obey the same rules as an editor's input.
// Each run gets its own fresh database on the test server (the shared test database keeps exactly
// the seeded directory that the other integration tests expect).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import countries from "../prisma/seed/countries.json" with { type: "json" };
import { normaliseAddress, normaliseEmail, normalisePhone, normaliseUrl } from "../lib/validation/normalise";
import { freePort } from "./lib/database";
import { pgQuery } from "./lib/pg-client";
import { contactTypes, generateDemo, organisationKinds, type DemoProgress, type DemoSummary } from "./lib/demo-data";

const root = path.resolve(import.meta.dirname, "..");
const serverUrl = process.env.DATABASE_URL!;
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `prova_demo_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await pgQuery(serverUrl, `CREATE DATABASE "${name}"`);
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const name of created) {
    await pgQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/generate-demo.ts", ...args],
      // DATABASE_URL is set on purpose: the generator must not fall back to it.
      { cwd: root, env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", DATABASE_URL: serverUrl } },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const count = 2000;
const seed = 42;

describe("generateDemo", () => {
  let url: string;
  let summary: DemoSummary;
  const progress: DemoProgress[] = [];

  beforeAll(async () => {
    url = await freshDatabase();
    summary = await generateDemo({ url, count, seed, batchSize: 300, onProgress: (p) => progress.push(p) });
  }, 120_000);

  const query = <T extends pg.QueryResultRow>(sql: string) => pgQuery<T>(url, sql);

  it("migrates the database, loads the countries and writes the counted rows", async () => {
    expect(summary.migrationsApplied.length).toBeGreaterThan(0);
    expect(summary.countriesInserted).toBe(countries.countries.length);
    expect(summary.organisations).toBe(count);
    const [row] = await query<{ organisations: number; links: number; contacts: number; countries: number }>(`
      SELECT (SELECT count(*) FROM "Organisation")::int AS organisations,
             (SELECT count(*) FROM "OrganisationCountry")::int AS links,
             (SELECT count(*) FROM "Contact")::int AS contacts,
             (SELECT count(*) FROM "Country")::int AS countries`);
    expect(row).toEqual({ organisations: count, links: summary.countryLinks, contacts: summary.contacts, countries: countries.countries.length });
    expect(summary.countryLinks / count).toBeGreaterThan(1.4);
    expect(summary.countryLinks / count).toBeLessThan(2.1);
    expect(summary.contacts / count).toBeGreaterThan(2);
    expect(summary.contacts / count).toBeLessThan(3.2);
    const organisationSteps = progress.filter((p) => p.phase === "organisations");
    expect(organisationSteps.at(-1)).toEqual({ phase: "organisations", done: count, total: count });
    expect(progress.map((p) => p.phase)).toContain("analyze");
  });

  it("writes revision 1 of every organisation, matching its rows", async () => {
    const [row] = await query<{ revisions: number; mismatched: number }>(`
      SELECT (SELECT count(*) FROM "Revision" WHERE version = 1)::int AS revisions,
             (SELECT count(*) FROM "Revision" r JOIN "Organisation" o ON o.id = r."organisationId"
               WHERE r.snapshot->>'name' <> o.name OR jsonb_array_length(r.snapshot->'contacts') <> (SELECT count(*) FROM "Contact" c WHERE c."organisationId" = o.id))::int AS mismatched`);
    expect(row).toEqual({ revisions: count, mismatched: 0 });
    expect(progress.map((p) => p.phase)).toContain("revisions");
  });

  it("gives every organisation 1–3 countries, in positions 0..n-1", async () => {
    const rows = await query<{ positions: number[] }>(`
      SELECT array_agg("position" ORDER BY "position") AS positions FROM "OrganisationCountry" GROUP BY "organisationId"`);
    expect(rows).toHaveLength(count);
    const lengths = new Set<number>();
    for (const { positions } of rows) {
      lengths.add(positions.length);
      expect(positions).toEqual([...positions.keys()]);
    }
    expect([...lengths].sort()).toEqual([1, 2, 3]);
  });

  it("writes 0–5 contacts of every type, in positions 0..n-1", async () => {
    const rows = await query<{ positions: number[] }>(`
      SELECT array_agg("position" ORDER BY "position") AS positions FROM "Contact" GROUP BY "organisationId"`);
    expect(rows.length).toBeGreaterThan(count * 0.8);
    expect(rows.length).toBeLessThan(count);
    for (const { positions } of rows) {
      expect(positions.length).toBeLessThanOrEqual(5);
      expect(positions).toEqual([...positions.keys()]);
    }
    const types = await query<{ type: string }>(`SELECT DISTINCT "type"::text AS type FROM "Contact" ORDER BY 1`);
    expect(types.map((row) => row.type)).toEqual([...contactTypes].sort());
  });

  it("stores normalised contact values, with raw values that normalise to them", async () => {
    const contacts = await query<{ type: string; value: string; rawValue: string; region: string }>(`
      SELECT c."type"::text AS type, c."value", c."rawValue", oc."countryCode" AS region
      FROM "Contact" c JOIN "OrganisationCountry" oc ON oc."organisationId" = c."organisationId" AND oc."position" = 0`);
    expect(contacts.length).toBe(summary.contacts);
    let differentRaw = 0;
    for (const { type, value, rawValue, region } of contacts) {
      if (rawValue !== value) differentRaw++;
      switch (type) {
        case "email":
          expect(value).toBe(value.toLowerCase());
          expect(normaliseEmail(rawValue)).toEqual({ ok: true, value });
          break;
        case "phone":
        case "fax":
          expect(value).toMatch(/^\+\d{8,15}$/);
          // Valid for its country (libphonenumber's metadata), read in the organisation's default region.
          expect(normalisePhone(rawValue, region), `${rawValue} in ${region}`).toEqual({ ok: true, value });
          break;
        case "contact_form":
          expect(value).toMatch(/^https?:\/\//);
          expect(normaliseUrl(rawValue)).toEqual({ ok: true, value });
          break;
        case "address":
          expect(value).toContain("\n");
          expect(normaliseAddress(rawValue)).toEqual({ ok: true, value });
          break;
        default:
          throw new Error(`unexpected contact type ${type}`);
      }
    }
    // People type values in many ways: some raw values differ from the stored ones.
    expect(differentRaw).toBeGreaterThan(contacts.length * 0.2);
  });

  it("writes realistic organisations", async () => {
    const rows = await query<{
      name: string;
      slug: string;
      acronym: string | null;
      kind: string;
      description: string;
      website: string | null;
      status: string;
      version: number;
      createdAt: Date;
      updatedAt: Date;
      lastVerifiedAt: Date | null;
      lastVerifiedSource: string | null;
      first: string;
    }>(`
      SELECT o.*, o."kind"::text AS kind, o."status"::text AS status, o."lastVerifiedSource"::text AS "lastVerifiedSource", oc."countryCode" AS first
      FROM "Organisation" o JOIN "OrganisationCountry" oc ON oc."organisationId" = o."id" AND oc."position" = 0`);
    expect(rows).toHaveLength(count);

    const archived = rows.filter((row) => row.status === "archived").length / count;
    expect(archived).toBeGreaterThan(0.05);
    expect(archived).toBeLessThan(0.2);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["published", "archived"]));
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(organisationKinds));

    expect(new Set(rows.map((row) => row.slug)).size).toBe(count);
    for (const row of rows) expect(row.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-\d+$/);

    // Several languages: accents, and now and then Greek or Cyrillic script.
    expect(rows.some((row) => /[À-ž]/u.test(row.name))).toBe(true);
    expect(rows.filter((row) => /[éèàçôü]/u.test(row.name)).length).toBeGreaterThan(count * 0.05);
    const nonLatin = rows.filter((row) => /\p{Script=Greek}|\p{Script=Cyrillic}/u.test(row.name));
    expect(nonLatin.length).toBeGreaterThan(0);
    // …based in a country that speaks the language.
    for (const row of nonLatin) expect(["GR", "CY", "UA"]).toContain(row.first);

    const withAcronym = rows.filter((row) => row.acronym).length / count;
    expect(withAcronym).toBeGreaterThan(0.1);
    expect(withAcronym).toBeLessThan(0.6);
    const withWebsite = rows.filter((row) => row.website);
    expect(withWebsite.length / count).toBeGreaterThan(0.7);
    for (const { website } of withWebsite) {
      expect(website).toMatch(/^https?:\/\//);
      expect(normaliseUrl(website!)).toEqual({ ok: true, value: website });
    }
    expect(rows.filter((row) => row.description.includes("\n\n")).length).toBeGreaterThan(0);

    const now = Date.now();
    for (const row of rows) {
      expect(row.version).toBe(1);
      expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
      expect(row.updatedAt.getTime()).toBeLessThanOrEqual(now);
      if (row.lastVerifiedAt) expect(row.lastVerifiedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
      // Verified by staff, as far as the generated data says.
      expect(row.lastVerifiedSource).toBe(row.lastVerifiedAt ? "staff" : null);
    }
    const years = new Set(rows.map((row) => row.createdAt.getUTCFullYear()));
    expect(years.size).toBeGreaterThan(5);
    expect(rows.some((row) => row.lastVerifiedAt)).toBe(true);
    expect(rows.some((row) => !row.lastVerifiedAt)).toBe(true);
  });

  it("is deterministic: the same seed gives the same organisations in another database", async () => {
    const otherUrl = await freshDatabase();
    await generateDemo({ url: otherUrl, count, seed });
    const sql = `SELECT "slug", "name", "acronym", "description", "website" FROM "Organisation" ORDER BY "slug"`;
    const first = await query(sql);
    const second = await pgQuery(otherUrl, sql);
    expect(second).toEqual(first);
    const contactsSql = `SELECT o."slug", c."position", c."type", c."value", c."rawValue" FROM "Contact" c JOIN "Organisation" o ON o."id" = c."organisationId" ORDER BY 1, 2`;
    expect(await pgQuery(otherUrl, contactsSql)).toEqual(await query(contactsSql));
  });

  it("adds to a database that already has organisations, without slug or id collisions", async () => {
    const again = await generateDemo({ url, count: 150, seed });
    expect(again.migrationsApplied).toEqual([]);
    expect(again.countriesInserted).toBe(0);
    expect(again.firstSlugNumber).toBe(count + 1);
    const [row] = await query<{ organisations: number; slugs: number }>(
      `SELECT count(*)::int AS organisations, count(DISTINCT "slug")::int AS slugs FROM "Organisation"`,
    );
    expect(row).toEqual({ organisations: count + 150, slugs: count + 150 });
  });
});

describe("npm run db:generate-demo", () => {
  it("needs --database, and does not fall back to DATABASE_URL", async () => {
    const { code, output } = await runCli(["--count", "10"]);
    expect(code).toBe(1);
    expect(output).toContain("Name the database to fill with --database postgresql://");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("says so in one line when --count or --database is wrong, or the server is unreachable", async () => {
    const badCount = await runCli(["--database", serverUrl, "--count", "lots"]);
    expect(badCount.code).toBe(1);
    expect(badCount.output).toContain('--count must be a whole number from 1 to 100,000,000, not "lots".');

    const badUrl = await runCli(["--database", "mysql://localhost/prova"]);
    expect(badUrl.code).toBe(1);
    expect(badUrl.output).toContain("--database must be a postgresql:// URL");

    const port = await freePort();
    const unreachable = await runCli(["--database", `postgresql://postgres@127.0.0.1:${port}/prova_bench`, "--count", "10"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port}/prova_bench: nothing is listening there.`);
    for (const { output } of [badCount, badUrl, unreachable]) expect(output).not.toMatch(/\n\s+at /);
  });
});
