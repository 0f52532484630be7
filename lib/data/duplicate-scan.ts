import "server-only";
import pg from "pg";
import { registrableDomain, sharedPlatforms } from "@/lib/domains";
import { serverEnv } from "@/lib/env";
import { duplicateReasons, maxGroup, nameThreshold, type DuplicateReason } from "./duplicates";

// The nightly scan for likely duplicates (job duplicates-scan): every pair among the published
// organisations, written into DuplicatePair for the staff page (./duplicates.ts reads it).

/** Each name is compared with this many neighbours in each of three orders (see scanDuplicates). */
const nameWindow = 5;
/** Rows written or deleted per statement (each its own transaction). */
const batchSize = 5_000;
/** What each reason says about two organisations being one, combined into a pair's score. */
const weights = { email: 0.9, phone: 0.8, domain: 0.7, name: 0.8 } as const;

export type ScanSummary = {
  /** Pairs found (dismissed ones included); new among them; no longer found, deleted. */
  pairs: number;
  added: number;
  removed: number;
  /** Pairs found for each reason (a pair can have several). */
  byReason: Record<DuplicateReason, number>;
  /** Seconds each step took. */
  seconds: Record<"contacts" | "domains" | "names" | "write" | "total", number>;
};

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/**
 * Recomputes the likely duplicates among published organisations and brings DuplicatePair up to
 * date: new pairs added, changed ones updated, pairs no longer found deleted, unless staff
 * dismissed them (those stay, and stay dismissed). Idempotent; scans run one at a time (an
 * advisory lock: a second waits for the first), on a connection of their own without the app's
 * short statement timeout. The work is bounded, so it ends in minutes at a million organisations:
 *
 * - e-mail, phone: contacts grouped by their normalised value (E.164 phones, faxes included;
 *   lower-case e-mails), groups of 2 to `maxGroup` organisations;
 * - domain: websites grouped by registrable domain (tldts, lib/domains.ts). PostgreSQL groups the
 *   hosts by their last two labels (example.org); only those labels that are a public suffix
 *   (org.uk, gov.it) need the list, so only their hosts come here. Shared platforms never count;
 * - name: the unaccented lower-case names (the trigram index's expression), identical or with a
 *   similarity of at least `nameThreshold`, in a country both work in. Comparing every name with
 *   every other is out of the question at a million, and so is a trigram index probe per name (a
 *   few ms at 100,000 rows, tens at a million): each distinct name is compared with its
 *   `nameWindow` neighbours in each country in three orders (the name, the name reversed, its
 *   words sorted), which finds names that differ at the end, at the start, or in word order.
 */
export async function scanDuplicates({ now = new Date() }: { now?: Date } = {}): Promise<ScanSummary> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL, application_name: "prova-duplicates-scan", statement_timeout: 15 * 60_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('prova:duplicates-scan'))");
    // Timestamps are stored in UTC, as Prisma writes them.
    await client.query("SET TIME ZONE 'UTC'");
    await client.query("SET work_mem = '128MB'");
    await client.query("CREATE TEMP TABLE found (a uuid NOT NULL, b uuid NOT NULL, reason text NOT NULL, value text, similarity real)");

    let step = performance.now();
    await findSharedContacts(client);
    const contacts = seconds(step);
    step = performance.now();
    await findSharedDomains(client);
    const domains = seconds(step);
    step = performance.now();
    await findSimilarNames(client);
    const names = seconds(step);

    step = performance.now();
    await client.query(`
      CREATE TEMP TABLE pairs AS
      SELECT a, b, array_agg(DISTINCT reason ORDER BY reason) AS reasons,
        min(value) FILTER (WHERE reason = 'domain') AS domain,
        min(value) FILTER (WHERE reason = 'email') AS email,
        min(value) FILTER (WHERE reason = 'phone') AS phone,
        max(similarity) FILTER (WHERE reason = 'name') AS similarity
      FROM found GROUP BY a, b`);
    await client.query("ALTER TABLE pairs ADD PRIMARY KEY (a, b)");
    const { rows: counts } = await client.query<{ reason: DuplicateReason; n: number }>(
      "SELECT reason, count(*)::int AS n FROM pairs, unnest(reasons) AS reason GROUP BY reason",
    );
    const written = await writePairs(client, now);
    const removed = await removeStalePairs(client);
    const write = seconds(step);
    await client.query(`INSERT INTO "DuplicateScan" (id, "startedAt", "finishedAt", pairs, added, removed) VALUES (gen_random_uuid(), $1::timestamptz, now(), $2, $3, $4)`, [
      now.toISOString(),
      written.pairs,
      written.added,
      removed,
    ]);
    const byReason = Object.fromEntries(duplicateReasons.map((reason) => [reason, counts.find((row) => row.reason === reason)?.n ?? 0])) as Record<DuplicateReason, number>;
    return { pairs: written.pairs, added: written.added, removed, byReason, seconds: { contacts, domains, names, write, total: seconds(started) } };
  } finally {
    // Ending the session drops the temporary tables and releases the lock.
    await client.end().catch(() => {});
  }
}

/** Pairs of every group of 2 to maxGroup organisations, from a query giving `value` and `ids`. */
const pairsOfGroups = (reason: DuplicateReason, groups: string) => `
  INSERT INTO found (a, b, reason, value)
  SELECT x.id, y.id, '${reason}', g.value FROM (${groups}) g, unnest(g.ids) AS x(id), unnest(g.ids) AS y(id)
  WHERE x.id < y.id`;

async function findSharedContacts(client: pg.Client): Promise<void> {
  for (const [reason, types] of [
    ["email", "'email'"],
    ["phone", "'phone', 'fax'"],
  ] as const) {
    await client.query(
      pairsOfGroups(
        reason,
        `SELECT c.value, array_agg(DISTINCT c."organisationId") AS ids
         FROM "Contact" c JOIN "Organisation" o ON o.id = c."organisationId"
         WHERE c.type IN (${types}) AND o.status = 'published'
         GROUP BY c.value HAVING count(DISTINCT c."organisationId") BETWEEN 2 AND ${maxGroup}`,
      ),
    );
  }
}

async function findSharedDomains(client: pg.Client): Promise<void> {
  // The host of each website (lower case, no trailing dot; IP addresses left out), and its last two labels.
  await client.query(`
    CREATE TEMP TABLE hosts AS
    SELECT id, host, substring(host FROM '([^.]+\\.[^.]+)$') AS l2 FROM (
      SELECT id, rtrim(lower(substring(website FROM '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:@]+)')), '.') AS host
      FROM "Organisation" WHERE status = 'published' AND website IS NOT NULL
    ) h
    WHERE host LIKE '%.%' AND host !~ '^[0-9.]+$'`);
  await client.query("CREATE TEMP TABLE domain_members (domain text NOT NULL, id uuid NOT NULL)");
  const { rows } = await client.query<{ l2: string; n: number }>("SELECT l2, count(*)::int AS n FROM hosts GROUP BY l2 HAVING count(*) >= 2");
  // Two labels that are a registrable domain are the domain of every host under them; others (a
  // public suffix such as org.uk, an international name) are looked up host by host.
  const whole: string[] = [];
  const suffixes: string[] = [];
  for (const { l2, n } of rows) {
    if (registrableDomain(l2) !== l2) suffixes.push(l2);
    else if (n <= maxGroup && !sharedPlatforms.has(l2)) whole.push(l2);
  }
  await client.query("INSERT INTO domain_members (domain, id) SELECT l2, id FROM hosts WHERE l2 = ANY($1::text[])", [whole]);
  if (suffixes.length) {
    const { rows: hosts } = await client.query<{ id: string; host: string }>("SELECT id, host FROM hosts WHERE l2 = ANY($1::text[])", [suffixes]);
    const members = hosts.flatMap(({ id, host }) => {
      const domain = registrableDomain(host);
      return domain && !sharedPlatforms.has(domain) ? [{ id, domain }] : [];
    });
    for (let i = 0; i < members.length; i += batchSize) {
      const batch = members.slice(i, i + batchSize);
      await client.query("INSERT INTO domain_members (domain, id) SELECT * FROM unnest($1::text[], $2::uuid[])", [batch.map((m) => m.domain), batch.map((m) => m.id)]);
    }
  }
  await client.query(pairsOfGroups("domain", `SELECT domain AS value, array_agg(id) AS ids FROM domain_members GROUP BY domain HAVING count(*) BETWEEN 2 AND ${maxGroup}`));
}

async function findSimilarNames(client: pg.Client): Promise<void> {
  // Each distinct name of each country with its organisations; a name more than maxGroup share is common.
  await client.query(`
    CREATE TEMP TABLE names AS
    SELECT oc."countryCode" AS country, f_unaccent(lower(o.name)) AS key, array_agg(o.id) AS ids
    FROM "Organisation" o JOIN "OrganisationCountry" oc ON oc."organisationId" = o.id
    WHERE o.status = 'published'
    GROUP BY 1, 2 HAVING count(*) <= ${maxGroup}`);
  // The same name.
  await client.query(`
    INSERT INTO found (a, b, reason, similarity)
    SELECT x.id, y.id, 'name', 1 FROM names g, unnest(g.ids) AS x(id), unnest(g.ids) AS y(id) WHERE x.id < y.id`);
  // Similar names: neighbours in three orders.
  await client.query(`
    CREATE TEMP TABLE ranked AS
    SELECT country, key, ids,
      row_number() OVER (PARTITION BY country ORDER BY key) AS r1,
      row_number() OVER (PARTITION BY country ORDER BY reverse(key)) AS r2,
      row_number() OVER (PARTITION BY country ORDER BY array_to_string(array(
        SELECT w FROM regexp_split_to_table(key, '[^[:alnum:]]+') AS w WHERE w <> '' ORDER BY w), ' ')) AS r3
    FROM names`);
  for (const order of ["r1", "r2", "r3"]) {
    await client.query(
      `INSERT INTO found (a, b, reason, similarity)
       SELECT least(x.id, y.id), greatest(x.id, y.id), 'name', m.similarity FROM (
         SELECT a.ids AS ia, b.ids AS ib, similarity(a.key, b.key) AS similarity
         FROM ranked a CROSS JOIN generate_series(1, $1::int) AS d JOIN ranked b ON b.country = a.country AND b.${order} = a.${order} + d
         WHERE cardinality(a.ids) + cardinality(b.ids) <= ${maxGroup} AND similarity(a.key, b.key) >= $2::real
       ) m, unnest(m.ia) AS x(id), unnest(m.ib) AS y(id)`,
      [nameWindow, nameThreshold],
    );
  }
}

/** Writes the pairs found, a batch per statement; rows that did not change are left alone. */
async function writePairs(client: pg.Client, now: Date): Promise<{ pairs: number; added: number }> {
  let after: [string, string] = ["00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"];
  let pairs = 0;
  let added = 0;
  const score = (["email", "phone", "domain"] as const)
    .map((reason) => `(1 - CASE WHEN '${reason}' = ANY(f.reasons) THEN ${weights[reason]} ELSE 0 END)`)
    .concat(`(1 - ${weights.name} * coalesce(f.similarity, 0))`)
    .join(" * ");
  for (;;) {
    const { rows } = await client.query<{ n: number; added: number; last_a: string | null; last_b: string | null }>(
      `WITH batch AS (
         SELECT * FROM pairs f WHERE (f.a, f.b) > ($1::uuid, $2::uuid) ORDER BY f.a, f.b LIMIT $3
       ), written AS (
         INSERT INTO "DuplicatePair" AS p (id, "organisationAId", "organisationBId", reasons, domain, email, phone, "nameSimilarity", score, "countryCodes", "foundAt")
         SELECT gen_random_uuid(), f.a, f.b, f.reasons::"DuplicateReason"[], f.domain, f.email, f.phone, f.similarity, 1 - ${score},
           ARRAY(SELECT DISTINCT c FROM unnest(oa."countryCodes" || ob."countryCodes") AS c ORDER BY c), $4::timestamptz
         FROM batch f JOIN "Organisation" oa ON oa.id = f.a JOIN "Organisation" ob ON ob.id = f.b
         ON CONFLICT ("organisationAId", "organisationBId") DO UPDATE SET
           reasons = excluded.reasons, domain = excluded.domain, email = excluded.email, phone = excluded.phone,
           "nameSimilarity" = excluded."nameSimilarity", score = excluded.score, "countryCodes" = excluded."countryCodes"
         WHERE (p.reasons, p.domain, p.email, p.phone, p."nameSimilarity", p.score, p."countryCodes")
           IS DISTINCT FROM (excluded.reasons, excluded.domain, excluded.email, excluded.phone, excluded."nameSimilarity", excluded.score, excluded."countryCodes")
         RETURNING (xmax = 0) AS inserted
       )
       SELECT (SELECT count(*)::int FROM batch) AS n,
         (SELECT count(*)::int FROM written WHERE inserted) AS added,
         (SELECT a FROM batch ORDER BY a DESC, b DESC LIMIT 1) AS last_a,
         (SELECT b FROM batch ORDER BY a DESC, b DESC LIMIT 1) AS last_b`,
      [after[0], after[1], batchSize, now.toISOString()],
    );
    const [{ n, added: inserted, last_a, last_b }] = rows;
    pairs += n;
    added += inserted;
    if (n < batchSize || !last_a || !last_b) return { pairs, added };
    after = [last_a, last_b];
  }
}

/** Deletes the pairs this scan did not find, unless they were dismissed; a batch per statement. */
async function removeStalePairs(client: pg.Client): Promise<number> {
  let after = "00000000-0000-0000-0000-000000000000";
  let removed = 0;
  for (;;) {
    const { rows } = await client.query<{ n: number; removed: number; last: string | null }>(
      `WITH batch AS (
         SELECT id, "organisationAId" AS a, "organisationBId" AS b FROM "DuplicatePair"
         WHERE id > $1::uuid AND "dismissedAt" IS NULL ORDER BY id LIMIT $2
       ), gone AS (
         DELETE FROM "DuplicatePair" p USING batch s
         WHERE p.id = s.id AND p."dismissedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM pairs f WHERE f.a = s.a AND f.b = s.b)
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM batch) AS n, (SELECT count(*)::int FROM gone) AS removed,
         (SELECT id FROM batch ORDER BY id DESC LIMIT 1) AS last`,
      [after, batchSize],
    );
    const [{ n, removed: gone, last }] = rows;
    removed += gone;
    if (n < batchSize || !last) return removed;
    after = last;
  }
}
