// Every spec imports `test` from here. It adds two things to Playwright's:
// - `make`: factories for the rows a test needs (users of a role, published organisations),
//   unique per test and removed after it, so that tests run in parallel, in any order, and twice.
// - a suite lock every test holds: shared by default, exclusive for a test tagged `@exclusive`,
//   which then runs with no other test of the suite beside it (one that breaks a shared table for
//   a moment, or counts rows everyone writes). It is a PostgreSQL advisory lock on the test
//   database, so it spans the workers; a waiting exclusive request holds back new shared ones.
import { test as base, expect } from "@playwright/test";
import { everyPageOf } from "../lib/cache-tags";
import { revalidateToken } from "../lib/security/keys";
import { connectPg, withPg } from "../scripts/lib/pg-client";
import { demoUsers, sql } from "./support";

export { expect };

export type Role = "editor" | "reviewer" | "admin";
export type TestUser = { id: string; email: string; name: string; password: string; role: Role };
export type ContactSpec = { type: "email" | "phone" | "fax" | "address" | "contact_form"; value: string; rawValue?: string; label?: string | null };
export type TestOrganisation = { id: string; slug: string; name: string; acronym: string | null; countries: string[]; contacts: ContactSpec[] };

type OrganisationOptions = {
  name?: string;
  acronym?: string | null;
  /** The database's enum value, lower case. */
  kind?: string;
  description?: string;
  website?: string | null;
  /** Not Belgium by default: the read-only specs count the seeded Belgian directory. */
  countries?: string[];
  contacts?: ContactSpec[];
  /** Refresh the public lists (home, country pages, sitemap) after creating it and after removing it. */
  listed?: boolean;
};

const suiteLockKey = 21_021;
const unique = () => crypto.randomUUID().slice(0, 8);
const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);

/** Expires cache tags on the test server (or `baseURL`) through its revalidation hook. */
export async function revalidate(tags: string[], baseURL = test.info().project.use.baseURL!) {
  const response = await fetch(`${baseURL}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidateToken(process.env.NEXTAUTH_SECRET!)}`, "content-type": "application/json" },
    body: JSON.stringify({ tags }),
  });
  expect(response.status, `revalidate ${tags.join(", ")}`).toBe(200);
}

export class Factory {
  private users: string[] = [];
  /** Listed ones are on public pages, which are refreshed when they go. */
  private organisations: { id: string; listed: boolean }[] = [];

  constructor(private readonly baseURL: string) {}

  /** An account of `role` with the demo editor's password (so no hashing is needed), named uniquely. */
  async user(role: Role = "editor", { name }: { name?: string } = {}): Promise<TestUser> {
    const suffix = unique();
    const email = `e2e-${role}-${suffix}@prova.test`;
    const fullName = name ?? `${capitalised(role)} ${suffix}`;
    const [{ id }] = await sql<{ id: string }>(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, $3::"Role", "passwordHash", now() FROM "User" WHERE email = $4 RETURNING id`,
      [email, fullName, role, demoUsers.editor.email],
    );
    this.users.push(id);
    return { id, email, name: fullName, password: demoUsers.editor.password, role };
  }

  /**
   * A published organisation with its countries, contacts and first revision (as the seed makes
   * them), in one transaction. Updated a year ago, so it does not crowd the home page's latest entries.
   */
  async organisation(options: OrganisationOptions = {}): Promise<TestOrganisation> {
    const suffix = unique();
    const name = options.name ?? `Test Organisation ${suffix}`;
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}${options.name ? `-${suffix}` : ""}`;
    const countries = options.countries ?? ["MT"];
    const contacts = options.contacts ?? [
      { type: "email", value: `office-${suffix}@example.org` },
      { type: "phone", value: "+35621234567", rawValue: "+356 2123 4567" },
    ];
    const acronym = options.acronym ?? null;
    const id = await withPg(process.env.DATABASE_URL!, async (client) => {
      await client.query("BEGIN");
      try {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO "Organisation" (id, slug, name, acronym, kind, description, website, status, version, "createdAt", "updatedAt", "countryCodes")
           VALUES (gen_random_uuid(), $1, $2, $3, $4::"OrganisationKind", $5, $6, 'published', 1, now() - interval '1 year', now() - interval '1 year', $7) RETURNING id`,
          [slug, name, acronym, options.kind ?? "ngo", options.description ?? `What ${name} does, in a sentence.`, options.website ?? null, countries],
        );
        const organisationId = rows[0].id;
        for (const [position, code] of countries.entries()) {
          await client.query(`INSERT INTO "OrganisationCountry" ("organisationId", "countryCode", position) VALUES ($1, $2, $3)`, [organisationId, code, position]);
        }
        for (const [position, contact] of contacts.entries()) {
          await client.query(
            `INSERT INTO "Contact" (id, "organisationId", position, type, label, value, "rawValue") VALUES (gen_random_uuid(), $1, $2, $3::"ContactType", $4, $5, $6)`,
            [organisationId, position, contact.type, contact.label ?? null, contact.value, contact.rawValue ?? contact.value],
          );
        }
        // Revision 1, written by the migration's function (which knows the stored format); other
        // tests' uncommitted organisations are invisible to it.
        await client.query(`SELECT prova_backfill_revisions()`);
        await client.query("COMMIT");
        return organisationId;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    });
    this.organisations.push({ id, listed: options.listed ?? false });
    if (options.listed) await revalidate(everyPageOf(id, slug, countries), this.baseURL);
    // Its public page is cached from the start, like a page someone has visited. Otherwise the
    // admin edit page's link prefetch renders it first, and a render that began before a change
    // and is stored after the change's revalidation is taken as fresh.
    expect((await fetch(`${this.baseURL}/organisations/${slug}`)).status).toBe(200);
    return { id, slug, name, acronym, countries, contacts };
  }

  /** Removes an organisation the test made another way (through the forms) with the test's own. */
  adoptOrganisation(id: string, { listed = false } = {}) {
    this.organisations.push({ id, listed });
  }

  /** Removes a user the test made another way (through the forms) with the test's own. */
  adoptUser(id: string) {
    this.users.push(id);
  }

  async cleanup() {
    const organisationIds = this.organisations.map((organisation) => organisation.id);
    if (organisationIds.length) {
      const listed = this.organisations.filter((organisation) => organisation.listed).map((organisation) => organisation.id);
      const shown = await sql<{ id: string; slug: string; countryCodes: string[] }>(`SELECT id, slug, "countryCodes" FROM "Organisation" WHERE id = ANY($1::uuid[])`, [listed]);
      await sql(`DELETE FROM "ChangeSet" WHERE "organisationId" = ANY($1::uuid[])`, [organisationIds]);
      await sql(`DELETE FROM "Organisation" WHERE id = ANY($1::uuid[])`, [organisationIds]);
      const tags = [...new Set(shown.flatMap((row) => everyPageOf(row.id, row.slug, row.countryCodes)))];
      if (tags.length) await revalidate(tags, this.baseURL);
    }
    if (this.users.length) {
      // Their open changes go with them; decided ones stay in the history, without a name.
      await sql(`UPDATE "ChangeSet" SET "decidedById" = NULL WHERE "decidedById" = ANY($1::uuid[])`, [this.users]);
      await sql(`DELETE FROM "ChangeSet" WHERE "authorId" = ANY($1::uuid[]) AND status NOT IN ('approved', 'partly_approved')`, [this.users]);
      await sql(`DELETE FROM "User" WHERE id = ANY($1::uuid[])`, [this.users]);
    }
    this.organisations = [];
    this.users = [];
  }
}

export const test = base.extend<{ make: Factory; suiteLock: void }>({
  suiteLock: [
    async ({}, provide, testInfo) => {
      const client = await connectPg(process.env.DATABASE_URL!);
      try {
        const exclusive = testInfo.tags.includes("@exclusive");
        await client.query(exclusive ? "SELECT pg_advisory_lock($1)" : "SELECT pg_advisory_lock_shared($1)", [suiteLockKey]);
        await provide();
      } finally {
        // Ending the session releases the lock.
        await client.end();
      }
    },
    // Waiting for the lock does not count against the test's own timeout: an exclusive test may
    // wait for the longest test of the other worker.
    { auto: true, timeout: 600_000 },
  ],
  make: async ({ suiteLock }, provide, testInfo) => {
    void suiteLock;
    const factory = new Factory(testInfo.project.use.baseURL!);
    try {
      await provide(factory);
    } finally {
      await factory.cleanup();
    }
  },
});
