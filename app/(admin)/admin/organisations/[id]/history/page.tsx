import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangeSummary } from "@/components/changes/change-summary";
import { RestoreButton } from "@/components/changes/restore-button";
import { currentSession, requireUser } from "@/lib/auth/session";
import { countryNames } from "@/lib/data/countries";
import { listRevisions, type RevisionItem } from "@/lib/data/revisions";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";
import { isId } from "@/lib/validation/ids";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Organisations" });
  return { title: t("historyTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const number = (value: string | string[] | undefined) => Number(Array.isArray(value) ? value[0] : value) || undefined;

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const session = await requireUser(`/admin/organisations/${id}/history`);
  const locale = session.user.language ?? defaultLocale;
  const revisions = isId(id) ? await listRevisions(id) : [];
  if (revisions.length === 0) notFound();
  const t = await getTranslations({ locale, namespace: "Organisations" });
  // English times as the page has always shown them (3 Mar 2026, 14:05), other languages' own way.
  const time = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const latest = revisions[0];
  const query = await searchParams;
  // Compare any two revisions; by default the latest with the one before it.
  const to = revisions.find((revision) => revision.revisionNumber === number(query.to)) ?? latest;
  const from = revisions.find((revision) => revision.revisionNumber === number(query.from)) ?? revisions.find((revision) => revision.revisionNumber < to.revisionNumber) ?? to;
  const options = revisions.map((revision) => (
    <option key={revision.revisionNumber} value={revision.revisionNumber}>
      {t("revisionOption", { number: revision.revisionNumber, time: time.format(revision.createdAt) })}
    </option>
  ));
  /** Who proposed and approved a revision, in a sentence. */
  const madeBy = ({ proposedBy, approvedBy }: Pick<RevisionItem, "proposedBy" | "approvedBy">) =>
    proposedBy
      ? approvedBy
        ? t("proposedApproved", { proposer: proposedBy.name ?? t("memberOfPublic"), approver: approvedBy })
        : t("proposed", { proposer: proposedBy.name ?? t("memberOfPublic") })
      : approvedBy
        ? t("loadedApproved", { approver: approvedBy })
        : t("loaded");
  return (
    <>
      <Breadcrumb href={`/admin/organisations/${id}/edit`} label={latest.snapshot.name} current={t("historyCrumb")} />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">{t("historyHeading", { name: latest.snapshot.name })}</h1>
      <section aria-labelledby="compare" className="mt-6">
        <h2 id="compare" className="text-lg font-semibold">
          {t("compareHeading")}
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="from" className="block text-sm font-medium">
              {t("from")}
            </label>
            <select id="from" name="from" defaultValue={from.revisionNumber} className="mt-1 rounded-md border border-slate-400 px-2 py-2">
              {options}
            </select>
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-medium">
              {t("to")}
            </label>
            <select id="to" name="to" defaultValue={to.revisionNumber} className="mt-1 rounded-md border border-slate-400 px-2 py-2">
              {options}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            {t("compare")}
          </Button>
        </form>
        <div className="mt-4">
          {from.revisionNumber === to.revisionNumber ? <p className="text-slate-700">{t("onlyOneRevision")}</p> : <ChangeSummary base={from.snapshot} proposed={to.snapshot} countries={await countryNames()} locale={locale} />}
        </div>
      </section>
      <section aria-labelledby="revisions" className="mt-8">
        <h2 id="revisions" className="text-lg font-semibold">
          {t("revisions")}
        </h2>
        <ol className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
          {revisions.map((revision) => (
            <li key={revision.revisionNumber} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div>
                <p className="font-medium">
                  {t("revision", { number: revision.revisionNumber, time: time.format(revision.createdAt) })}
                  {revision.revisionNumber === latest.revisionNumber ? <span className="ml-2 rounded bg-green-100 px-2 text-sm text-green-900">{t("publishedBadge")}</span> : null}
                </p>
                <p className="text-sm text-slate-700">
                  {madeBy(revision)}
                  {revision.note ? ` ${t("note", { note: revision.note })}` : ""}
                  {revision.decisionNote ? ` ${t("reviewerNote", { note: revision.decisionNote })}` : ""}
                </p>
              </div>
              {revision.revisionNumber === latest.revisionNumber ? null : <RestoreButton organisationId={id} revisionNumber={revision.revisionNumber} name={latest.snapshot.name} locale={locale} />}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
