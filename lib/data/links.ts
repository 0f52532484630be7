import "server-only";
import pg from "pg";
import { getOrganisationDocument, saveDraft } from "@/lib/data/change-sets";
import type { Actor } from "@/lib/data/actor";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { LinkVerdict, Prisma } from "@/lib/generated/prisma/client";
import type { CheckResult, Verdict } from "@/lib/links/check";
import { classifyHistory } from "@/lib/links/history";

// The URLs the directory publishes and what the link checker found there (prisma: Link,
// LinkCheck). The jobs (lib/jobs) keep the list, take the due links a host at a time, and record
// each result here; staff read it on the link health page, the public as a note beside a website
// that has been broken for a week.

type Client = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** How often a link is checked, and a failing one again (it is called broken after three days of failures). */
export type LinkSchedule = { intervalDays: number; failingRecheckHours: number };

/** A link that has been broken this long gets the public note beside it. */
export const publicNoteAfterDays = 7;

const toDb = (verdict: Verdict) => verdict.toUpperCase() as LinkVerdict;
const fromDb = (verdict: LinkVerdict) => verdict.toLowerCase() as Verdict;

/** The host a URL is fetched from (lower case), or null for what is not an http(s) URL. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** What published organisations list: their websites and contact forms. */
const listedUrls = `
  SELECT website AS url FROM "Organisation" WHERE status = 'published' AND website IS NOT NULL
  UNION
  SELECT c.value FROM "Contact" c JOIN "Organisation" o ON o.id = c."organisationId"
  WHERE o.status = 'published' AND c.type = 'contact_form'`;

/**
 * Every URL published organisations list (their websites and contact forms), each once: new ones
 * are due at once, those nobody lists any more are forgotten with their history. Returns how many
 * were added and removed. Run by the scheduled job, on a connection of its own: at a million
 * organisations its statements take longer than the app's 2.5 s limit. An approval adds its own
 * URLs with `addLinks`.
 */
export async function syncLinks(): Promise<{ added: number; removed: number }> {
  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL, application_name: "prova-links-sync", statement_timeout: 15 * 60_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ url: string }>(`SELECT s.url FROM (${listedUrls}) s WHERE NOT EXISTS (SELECT 1 FROM "Link" l WHERE l.url = s.url)`);
    const fresh = rows.flatMap(({ url }) => {
      const host = hostOf(url);
      return host ? [{ url, host }] : [];
    });
    let added = 0;
    for (let i = 0; i < fresh.length; i += 5000) {
      const batch = fresh.slice(i, i + 5000);
      const inserted = await client.query(`INSERT INTO "Link" (url, host) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (url) DO NOTHING`, [
        batch.map((row) => row.url),
        batch.map((row) => row.host),
      ]);
      added += inserted.rowCount ?? 0;
    }
    const removed = await client.query(`DELETE FROM "Link" l WHERE NOT EXISTS (SELECT 1 FROM (${listedUrls}) s WHERE s.url = l.url)`);
    return { added, removed: removed.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}

/** Adds the URLs not known yet, due at once (in the caller's transaction when given). Returns how many were new. */
export async function addLinks(urls: Iterable<string>, client: Client = db): Promise<number> {
  const rows = [...new Set(urls)].flatMap((url) => {
    const host = hostOf(url);
    return host ? [{ url, host }] : [];
  });
  let added = 0;
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    added += await client.$executeRaw`
      INSERT INTO "Link" (url, host)
      SELECT * FROM unnest(${batch.map((row) => row.url)}::text[], ${batch.map((row) => row.host)}::text[])
      ON CONFLICT (url) DO NOTHING`;
  }
  return added;
}

/**
 * Takes up to `limit` links that are due, grouped by host, and puts them off by `leaseMinutes` so
 * that no other run takes them meanwhile (a check that never reports is tried again then).
 */
export async function takeDueLinks(limit: number, leaseMinutes = 60, now = new Date()): Promise<Map<string, string[]>> {
  const taken = await db.$queryRaw<{ url: string; host: string }[]>`
    UPDATE "Link" SET "nextCheckAt" = ${now}::timestamp + make_interval(mins => ${leaseMinutes})
    WHERE url IN (
      SELECT url FROM "Link" WHERE "nextCheckAt" <= ${now} ORDER BY "nextCheckAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING url, host`;
  const byHost = new Map<string, string[]>();
  for (const { url, host } of taken) byHost.set(host, [...(byHost.get(host) ?? []), url]);
  return byHost;
}

/** The checks of a link kept to decide whether failures have lasted (lib/links/history.ts). */
const historyKept = 20;

/**
 * Records one check of a link, and its verdict: `failing` becomes `broken` once failures have
 * lasted. A URL that was not checked (its host asked us to wait) is only put off. Returns the
 * verdict before and after, for the caller to refresh the pages that show it; null when the link
 * is not listed any more.
 */
export async function recordCheck(
  result: CheckResult,
  schedule: LinkSchedule,
  now = new Date(),
): Promise<{ before: Verdict | null; after: Verdict; publicNoteChanged: boolean } | null> {
  return db.$transaction(async (tx) => {
    const [link] = await tx.$queryRaw<{ verdict: Verdict | null; verdictSince: Date | null }[]>`
      SELECT verdict, "verdictSince" FROM "Link" WHERE url = ${result.url} FOR UPDATE`;
    if (!link) return null;
    const before = link.verdict;
    if (result.error?.startsWith("not checked:")) {
      const wait = result.retryAfterMs ?? 60 * 60_000;
      await tx.$executeRaw`UPDATE "Link" SET "nextCheckAt" = ${new Date(now.getTime() + wait)} WHERE url = ${result.url}`;
      return { before, after: before ?? "blocked", publicNoteChanged: false };
    }
    await tx.linkCheck.create({
      data: { url: result.url, checkedAt: now, verdict: toDb(result.verdict), status: result.status, finalUrl: result.finalUrl, error: result.error, ms: Math.round(result.ms) },
    });
    const history = await tx.linkCheck.findMany({ where: { url: result.url }, orderBy: { checkedAt: "desc" }, take: historyKept, select: { checkedAt: true, verdict: true } });
    const classified = classifyHistory(history.map((check) => ({ checkedAt: check.checkedAt, verdict: fromDb(check.verdict) })));
    const after = classified.verdict ?? result.verdict;
    const since = before === after && link.verdictSince ? link.verdictSince : after === "broken" && classified.failingSince ? classified.failingSince : now;
    const waitMs =
      result.retryAfterMs !== null && result.verdict === "blocked"
        ? Math.min(result.retryAfterMs, 24 * 60 * 60_000)
        : after === "failing"
          ? schedule.failingRecheckHours * 60 * 60_000
          : schedule.intervalDays * 24 * 60 * 60_000;
    await tx.link.update({
      where: { url: result.url },
      data: {
        verdict: toDb(after),
        verdictSince: since,
        status: result.status,
        finalUrl: result.finalUrl,
        suggestedUrl: after === "moved" ? result.suggestedUrl : null,
        error: result.error,
        checkedAt: now,
        nextCheckAt: new Date(now.getTime() + waitMs),
      },
    });
    const noted = (verdict: Verdict | null, sinceAt: Date | null) =>
      verdict === "broken" && sinceAt !== null && now.getTime() - sinceAt.getTime() >= publicNoteAfterDays * 24 * 60 * 60_000;
    return { before, after, publicNoteChanged: noted(before, link.verdictSince) !== noted(after, since) };
  });
}

/** The ids of the published organisations that list a URL (as website or contact form). */
export async function organisationsListing(url: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Organisation" WHERE website = ${url} AND status = 'published'
    UNION
    SELECT o.id FROM "Contact" c JOIN "Organisation" o ON o.id = c."organisationId"
    WHERE c.value = ${url} AND c.type = 'contact_form' AND o.status = 'published'`;
  return rows.map((row) => row.id);
}

export type LinkState = { url: string; verdict: Verdict | null; verdictSince: string | null; checkedAt: string | null; status: number | null; error: string | null; suggestedUrl: string | null };

/** What is known of these URLs, by URL (those never seen are absent). */
export async function linkStates(urls: string[]): Promise<Map<string, LinkState>> {
  if (urls.length === 0) return new Map();
  const links = await db.link.findMany({
    where: { url: { in: urls } },
    select: { url: true, verdict: true, verdictSince: true, checkedAt: true, status: true, error: true, suggestedUrl: true },
  });
  return new Map(
    links.map((link) => [
      link.url,
      {
        ...link,
        verdict: link.verdict ? fromDb(link.verdict) : null,
        verdictSince: link.verdictSince?.toISOString() ?? null,
        checkedAt: link.checkedAt?.toISOString() ?? null,
      },
    ]),
  );
}

/** The public note for a website: when it was last checked, if it has been broken for a week; else null. */
export function publicNote(state: LinkState | undefined, now = new Date()): { checkedAt: string } | null {
  if (state?.verdict !== "broken" || !state.verdictSince || !state.checkedAt) return null;
  return now.getTime() - Date.parse(state.verdictSince) >= publicNoteAfterDays * 24 * 60 * 60_000 ? { checkedAt: state.checkedAt } : null;
}

/** The verdicts staff are shown as problems, worst first. */
export const problemVerdicts = ["broken", "failing", "moved", "refused", "blocked"] as const satisfies readonly Verdict[];
export type ProblemVerdict = (typeof problemVerdicts)[number];

export type LinkProblem = LinkState & {
  verdict: ProblemVerdict;
  /** The published organisations listing it, and where (their website, or a contact form). */
  organisations: { id: string; name: string; field: "website" | "contact" }[];
};

const problemsPerPage = 50;

/**
 * Links with a problem, newest problems first, for the link health page: of one verdict or any,
 * listed by an organisation of one country or any. Page by page (the list is short when the
 * directory is well kept).
 */
export async function listLinkProblems({ verdict, country, page }: { verdict?: ProblemVerdict; country?: string; page: number }): Promise<{ problems: LinkProblem[]; hasMore: boolean }> {
  // Raw SQL sees the enum's stored (lower-case) values.
  const verdicts = verdict ? [verdict] : problemVerdicts;
  const rows = await db.$queryRaw<(Omit<LinkState, "verdictSince" | "checkedAt" | "verdict"> & { verdict: ProblemVerdict; verdictSince: Date | null; checkedAt: Date | null; organisations: LinkProblem["organisations"] })[]>`
    SELECT l.url, l.verdict, l."verdictSince", l."checkedAt", l.status, l.error, l."suggestedUrl",
      json_agg(json_build_object('id', x.id, 'name', x.name, 'field', x.field) ORDER BY x.name) AS organisations
    FROM "Link" l
    JOIN LATERAL (
      SELECT o.id, o.name, o."countryCodes", 'website' AS field FROM "Organisation" o WHERE o.website = l.url AND o.status = 'published'
      UNION ALL
      SELECT o.id, o.name, o."countryCodes", 'contact' FROM "Contact" c JOIN "Organisation" o ON o.id = c."organisationId"
      WHERE c.value = l.url AND c.type = 'contact_form' AND o.status = 'published'
    ) x ON ${country ?? null}::text IS NULL OR ${country ?? null}::text = ANY(x."countryCodes")
    WHERE l.verdict = ANY(${verdicts}::"LinkVerdict"[])
    GROUP BY l.url
    ORDER BY l."verdictSince" DESC, l.url
    LIMIT ${problemsPerPage + 1} OFFSET ${(page - 1) * problemsPerPage}`;
  return {
    problems: rows.slice(0, problemsPerPage).map((row) => ({
      ...row,
      verdictSince: row.verdictSince?.toISOString() ?? null,
      checkedAt: row.checkedAt?.toISOString() ?? null,
    })),
    hasMore: rows.length > problemsPerPage,
  };
}

/** How many links are broken, counted up to `cap` (the admin home says "more than" past it). */
export async function countBrokenLinks(cap = 1000): Promise<number> {
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (SELECT 1 FROM "Link" WHERE verdict = 'broken' LIMIT ${cap + 1}) broken`;
  return count;
}

/** For each of these organisations, its links with a problem (website first), for badges in admin lists and forms. */
export async function linkProblemsOf(organisationIds: string[]): Promise<Map<string, LinkState[]>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ organisationId: string; url: string; verdict: Verdict; verdictSince: Date | null; checkedAt: Date | null; status: number | null; error: string | null; suggestedUrl: string | null }[]>`
    SELECT x."organisationId", l.url, l.verdict, l."verdictSince", l."checkedAt", l.status, l.error, l."suggestedUrl"
    FROM (
      SELECT id AS "organisationId", website AS url, 0 AS position FROM "Organisation" WHERE id = ANY(${organisationIds}::uuid[]) AND website IS NOT NULL
      UNION ALL
      SELECT "organisationId", value, 1 + position FROM "Contact" WHERE "organisationId" = ANY(${organisationIds}::uuid[]) AND type = 'contact_form'
    ) x JOIN "Link" l ON l.url = x.url
    WHERE l.verdict = ANY(${problemVerdicts}::"LinkVerdict"[])
    ORDER BY x."organisationId", x.position`;
  const byOrganisation = new Map<string, LinkState[]>();
  for (const { organisationId, ...link } of rows) {
    const state = { ...link, verdictSince: link.verdictSince?.toISOString() ?? null, checkedAt: link.checkedAt?.toISOString() ?? null };
    byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), state]);
  }
  return byOrganisation;
}

/**
 * Drafts a change of an organisation replacing a moved URL (its website, or a contact form) with
 * where it now leads: a change set like any other, which its author submits for review. The
 * checker itself never changes published data.
 */
export async function draftMovedLink(actor: Actor, organisationId: string, url: string): Promise<{ id: string }> {
  const link = await db.link.findUnique({ where: { url }, select: { verdict: true, suggestedUrl: true } });
  if (link?.verdict !== "MOVED" || !link.suggestedUrl) throw new ConflictError("This link has not moved, or was checked again since: reload the page.");
  const found = await getOrganisationDocument(organisationId);
  if (!found) throw new NotFoundError("This organisation does not exist.");
  const { document } = found;
  const moved = link.suggestedUrl;
  const contacts = document.contacts.map((contact) => (contact.type === "CONTACT_FORM" && contact.value === url ? { ...contact, value: moved, rawValue: moved } : contact));
  const website = document.website === url ? moved : document.website;
  if (website === document.website && contacts.every((contact, i) => contact === document.contacts[i])) {
    throw new ConflictError("This organisation no longer lists that address.");
  }
  return saveDraft(actor, {
    kind: "UPDATE",
    organisationId,
    document: { ...document, website, contacts },
    note: `The link checker found that ${url} has moved permanently to ${moved}.`,
  });
}
