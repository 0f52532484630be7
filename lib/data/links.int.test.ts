import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CheckResult } from "@/lib/links/check";
import { addLinks, countBrokenLinks, draftMovedLink, hostOf, linkProblemsOf, linkStates, listLinkProblems, organisationsListing, publicNote, recordCheck, syncLinks, takeDueLinks } from "./links";

const created: string[] = [];

afterAll(async () => {
  await db.changeSet.deleteMany({ where: { organisationId: { in: created } } });
  await db.organisation.deleteMany({ where: { id: { in: created } } });
  await db.user.deleteMany({ where: { email: { startsWith: "links-editor-" } } });
  await db.$disconnect();
});

const token = () => crypto.randomUUID().slice(0, 8);
const schedule = { intervalDays: 7, failingRecheckHours: 24 };
const day = 24 * 60 * 60_000;

async function organisation({ website, form, status = "PUBLISHED", country = "BE" }: { website?: string; form?: string; status?: "PUBLISHED" | "ARCHIVED"; country?: string }) {
  const name = `Links ${token()}`;
  const row = await db.organisation.create({
    data: {
      slug: name.toLowerCase().replace(/\W+/g, "-"),
      name,
      kind: "NGO",
      status,
      website,
      countryCodes: [country],
      countries: { create: [{ countryCode: country, position: 0 }] },
      contacts: form ? { create: [{ position: 0, type: "CONTACT_FORM", value: form, rawValue: form }] } : undefined,
    },
    select: { id: true },
  });
  created.push(row.id);
  return row.id;
}

const result = (url: string, verdict: CheckResult["verdict"], extra: Partial<CheckResult> = {}): CheckResult => ({
  url,
  verdict,
  status: verdict === "ok" ? 200 : verdict === "failing" ? 503 : null,
  finalUrl: url,
  error: verdict === "ok" ? null : `${verdict} for the test`,
  ms: 12,
  suggestedUrl: null,
  retryAfterMs: null,
  ...extra,
});

describe("the list of links", () => {
  it("holds every published website and contact form once, due at once, and forgets what nobody lists any more", async () => {
    const host = `${token()}.example.org`;
    const shared = `https://${host}/`;
    const form = `https://${host}/contact`;
    const first = await organisation({ website: shared });
    await organisation({ website: shared, form });
    await organisation({ website: `https://${host}/archived`, status: "ARCHIVED" });
    await syncLinks();
    const links = await db.link.findMany({ where: { host }, orderBy: { url: "asc" }, select: { url: true, nextCheckAt: true } });
    expect(links.map((link) => link.url)).toEqual([shared, form]);
    for (const link of links) expect(link.nextCheckAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await organisationsListing(shared)).sort()).toContain(first);

    await db.organisation.update({ where: { id: first }, data: { status: "ARCHIVED" } });
    await db.contact.deleteMany({ where: { value: form } });
    await syncLinks();
    // The other organisation still lists the website; nobody lists the form.
    expect((await db.link.findMany({ where: { host }, select: { url: true } })).map((link) => link.url)).toEqual([shared]);
  });

  it("takes due links grouped by host, and not the same ones twice while they are out", async () => {
    const [a, b] = [`${token()}.example.net`, `${token()}.example.net`];
    await addLinks([`https://${a}/1`, `https://${a}/2`, `http://${b}/`, "mailto:someone@example.org", "not a url"]);
    expect(await db.link.count({ where: { host: { in: [a, b] } } })).toBe(3);
    const now = new Date(Date.now() + 1000);
    const taken = await takeDueLinks(100_000, 60, now);
    expect(taken.get(a)?.sort()).toEqual([`https://${a}/1`, `https://${a}/2`]);
    expect(taken.get(b)).toEqual([`http://${b}/`]);
    const again = await takeDueLinks(100_000, 60, now);
    expect(again.has(a) || again.has(b)).toBe(false);
    expect(hostOf("HTTPS://Example.ORG/x")).toBe("example.org");
  });
});

describe("recordCheck", () => {
  it("keeps each check as history and schedules the next: a week after an ok, a day after a failure", async () => {
    const url = `https://${token()}.example.com/`;
    await addLinks([url]);
    const now = new Date();
    expect(await recordCheck(result(url, "ok"), schedule, now)).toEqual({ before: null, after: "ok", publicNoteChanged: false });
    let link = await db.link.findUniqueOrThrow({ where: { url } });
    expect(link.nextCheckAt.getTime() - now.getTime()).toBe(7 * day);
    const later = new Date(now.getTime() + 7 * day);
    expect((await recordCheck(result(url, "failing"), schedule, later))!.after).toBe("failing");
    link = await db.link.findUniqueOrThrow({ where: { url } });
    expect(link.nextCheckAt.getTime() - later.getTime()).toBe(day);
    expect(await db.linkCheck.count({ where: { url } })).toBe(2);
  });

  it("calls failures broken once they have lasted three days, and the public note appears a week after that", async () => {
    const url = `https://${token()}.example.com/`;
    await addLinks([url]);
    const start = new Date(Date.now() - 30 * day);
    const at = (days: number) => new Date(start.getTime() + days * day);
    await recordCheck(result(url, "ok"), schedule, at(0));
    expect((await recordCheck(result(url, "failing"), schedule, at(1)))!.after).toBe("failing");
    expect((await recordCheck(result(url, "failing"), schedule, at(2)))!.after).toBe("failing");
    // Three failures, but only two days apart.
    expect((await recordCheck(result(url, "failing"), schedule, at(3)))!.after).toBe("failing");
    expect(await recordCheck(result(url, "failing"), schedule, at(4))).toEqual({ before: "failing", after: "broken", publicNoteChanged: false });
    const state = (await linkStates([url])).get(url)!;
    // Broken since the failures began.
    expect(state.verdictSince).toBe(at(1).toISOString());
    expect(publicNote(state, at(7))).toBeNull();
    expect(publicNote(state, at(8))).toEqual({ checkedAt: at(4).toISOString() });
    // Still broken ten days on: the note came with time (pages show it at their hourly refresh),
    // not with this check; it goes with the check that finds the website answering again.
    expect(await recordCheck(result(url, "failing"), schedule, at(11))).toEqual({ before: "broken", after: "broken", publicNoteChanged: false });
    expect(await recordCheck(result(url, "ok"), schedule, at(12))).toEqual({ before: "broken", after: "ok", publicNoteChanged: true });
    expect(publicNote((await linkStates([url])).get(url), at(13))).toBeNull();
  });

  it("a 404 is broken at once; a moved link keeps its suggestion; a host that asked us to wait is only put off", async () => {
    const [gone, moved, busy] = [`https://${token()}.example.com/gone`, `https://${token()}.example.com/old`, `https://${token()}.example.com/`];
    await addLinks([gone, moved, busy]);
    const now = new Date();
    expect((await recordCheck(result(gone, "broken", { status: 404 }), schedule, now))!.after).toBe("broken");
    await recordCheck(result(moved, "moved", { status: 200, suggestedUrl: "https://new.example.com/" }), schedule, now);
    expect((await linkStates([moved])).get(moved)!.suggestedUrl).toBe("https://new.example.com/");
    await recordCheck(result(busy, "blocked", { error: "not checked: example.com answered 429", retryAfterMs: 120_000 }), schedule, now);
    const link = await db.link.findUniqueOrThrow({ where: { url: busy } });
    expect(link.verdict).toBeNull();
    expect(link.nextCheckAt.getTime() - now.getTime()).toBe(120_000);
    expect(await db.linkCheck.count({ where: { url: busy } })).toBe(0);
  });

  it("does nothing for a link nobody lists any more", async () => {
    expect(await recordCheck(result(`https://${token()}.example.com/`, "ok"), schedule)).toBeNull();
  });
});

describe("what staff see", () => {
  it("lists links with a problem, newest first, by verdict and by the country of who lists them, with those organisations", async () => {
    const host = `${token()}.example.org`;
    const [gone, moved, fine] = [`https://${host}/gone`, `https://${host}/moved`, `https://${host}/fine`];
    const belgian = await organisation({ website: gone, form: moved });
    const french = await organisation({ website: moved, country: "FR" });
    await organisation({ website: fine });
    await syncLinks();
    const now = Date.now();
    await recordCheck(result(gone, "broken", { status: 404 }), schedule, new Date(now - 2000));
    await recordCheck(result(moved, "moved", { status: 200, suggestedUrl: `https://${host}/new` }), schedule, new Date(now - 1000));
    await recordCheck(result(fine, "ok"), schedule, new Date(now));

    const ours = (problems: { url: string }[]) => problems.filter((problem) => problem.url.includes(host)).map((problem) => problem.url);
    const all = await listLinkProblems({ page: 1 });
    expect(ours(all.problems)).toEqual([moved, gone]);
    const movedRow = all.problems.find((problem) => problem.url === moved)!;
    expect(movedRow.organisations.map((o) => o.id).sort()).toEqual([belgian, french].sort());
    expect(movedRow.organisations.find((o) => o.id === belgian)!.field).toBe("contact");
    expect(ours((await listLinkProblems({ verdict: "broken", page: 1 })).problems)).toEqual([gone]);
    const inFrance = await listLinkProblems({ country: "FR", page: 1 });
    expect(ours(inFrance.problems)).toEqual([moved]);
    expect(inFrance.problems.find((problem) => problem.url === moved)!.organisations.map((o) => o.id)).toEqual([french]);

    const badges = await linkProblemsOf([belgian, french]);
    expect(badges.get(belgian)!.map((link) => [link.url, link.verdict])).toEqual([
      [gone, "broken"],
      [moved, "moved"],
    ]);
    expect(badges.get(french)!.map((link) => link.verdict)).toEqual(["moved"]);
  });

  it("drafts the change a moved link calls for, for review like any other, and refuses one that has not moved", async () => {
    const host = `${token()}.example.org`;
    const [old, moved] = [`https://${host}/old`, `https://${host}/new`];
    const id = await organisation({ website: old, form: old });
    await syncLinks();
    const editor = await db.user.create({ data: { email: `links-editor-${token()}@prova.test`, name: "Links editor", role: "EDITOR" }, select: { id: true, role: true } });
    await expect(draftMovedLink(editor, id, old)).rejects.toThrow(/has not moved/);
    await recordCheck(result(old, "moved", { status: 200, suggestedUrl: moved }), schedule);
    const draft = await draftMovedLink(editor, id, old);
    const stored = await db.changeSet.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, proposed: true, note: true, organisationId: true } });
    expect(stored.status).toBe("DRAFT");
    expect(stored.organisationId).toBe(id);
    expect(JSON.stringify(stored.proposed)).toContain(`"website":"${moved}"`);
    expect(JSON.stringify(stored.proposed)).not.toContain(old);
    expect(stored.note).toContain(moved);
    // Published data is untouched until a reviewer approves.
    expect((await db.organisation.findUniqueOrThrow({ where: { id }, select: { website: true } })).website).toBe(old);
  });
});

describe("countBrokenLinks", () => {
  it("counts broken links, up to one past its cap", async () => {
    const urls = [`https://${token()}.example.com/a`, `https://${token()}.example.com/b`];
    await addLinks(urls);
    const before = await countBrokenLinks(1_000_000);
    for (const url of urls) await recordCheck(result(url, "broken", { status: 404 }), schedule);
    expect(await countBrokenLinks(1_000_000)).toBe(before + 2);
    expect(await countBrokenLinks(1)).toBe(2);
  });
});
