import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LinkVerdict } from "@/components/links/link-verdict";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExternalLink } from "@/components/ui/external-link";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listQuery } from "@/components/ui/keyset-links";
import { draftLinkChange } from "@/lib/actions/links";
import { currentSession, requireRole } from "@/lib/auth/session";
import { listCountries } from "@/lib/data/countries";
import { listLinkProblems, problemVerdicts, type LinkProblem, type ProblemVerdict } from "@/lib/data/links";
import { compareIn, countryNameIn, defaultLocale, intlLocale, type Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Links" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Texts = Awaited<ReturnType<typeof getTranslations<"Links">>>;

const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

export default async function LinkHealthPage({ searchParams }: Props) {
  const session = await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/links");
  const locale = session.user.language ?? defaultLocale;
  const params = await searchParams;
  const verdict = problemVerdicts.find((value) => value === params.verdict) as ProblemVerdict | undefined;
  const [countries, t, admin] = await Promise.all([
    listCountries(),
    getTranslations({ locale, namespace: "Links" }),
    getTranslations({ locale, namespace: "Admin" }),
  ]);
  const country = countries.find((candidate) => candidate.code === String(params.country ?? "").toUpperCase())?.code;
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const { problems, hasMore } = await listLinkProblems({ verdict, country, page });
  const pageHref = (to: number) => {
    const query = listQuery({ verdict, country: country?.toLowerCase(), page: to > 1 ? String(to) : undefined });
    return `/admin/links${query ? `?${query}` : ""}`;
  };
  const filtered = verdict !== undefined || country !== undefined;
  // English days as the page has always shown them (3 Mar 2026), other languages' own way.
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  // English keeps the directory's own country names and order; other languages name and sort them their way.
  const countryOptions = countries.map(({ code, name }) => ({ value: code.toLowerCase(), label: countryNameIn(locale, code, name) }));
  if (locale !== defaultLocale) countryOptions.sort((a, b) => compareIn(locale)(a.label, b.label));
  const verdictOptions = [
    { value: "", label: t("everyProblem") },
    { value: "broken", label: t("brokenOption") },
    { value: "failing", label: t("failingOption") },
    { value: "moved", label: t("movedOption") },
    { value: "refused", label: t("refusedOption") },
    { value: "blocked", label: t("blockedOption") },
  ];
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      <FilterBar label={t("filterLabel")} submit={admin("show")}>
        <FilterSelect name="verdict" label={t("problem")} value={verdict} options={verdictOptions} />
        <FilterSelect name="country" label={t("country")} value={country?.toLowerCase()} options={[{ value: "", label: t("everyCountry") }, ...countryOptions]} />
      </FilterBar>
      <DataTable
        caption={t("caption")}
        rows={problems}
        rowKey={(problem) => problem.url}
        empty={
          <EmptyState title={filtered ? t("noneFiltered") : page > 1 ? t("noMore") : t("none")}>{filtered ? null : t("noneHint")}</EmptyState>
        }
        columns={[
          { header: t("link"), cell: (problem) => <ExternalLink href={problem.url} locale={locale}>{problem.url}</ExternalLink>, className: "break-all" },
          { header: t("problem"), cell: (problem) => <Problem problem={problem} locale={locale} date={date} t={t} /> },
          { header: t("since"), cell: (problem) => (problem.verdictSince ? date.format(new Date(problem.verdictSince)) : "—"), className: "whitespace-nowrap" },
          { header: t("listedBy"), cell: (problem) => <ListedBy problem={problem} t={t} /> },
        ]}
      />
      <Pager
        label={admin("pages")}
        links={[...(page > 1 ? [{ label: t("newer"), href: pageHref(page - 1) }] : []), ...(hasMore ? [{ label: t("older"), href: pageHref(page + 1) }] : [])]}
      />
    </>
  );
}

function Problem({ problem, locale, date, t }: { problem: LinkProblem; locale: Locale; date: Intl.DateTimeFormat; t: Texts }) {
  return (
    <>
      <LinkVerdict link={problem} locale={locale} />
      <span className="mt-1 block text-sm text-slate-700">
        {problem.verdict === "moved" && problem.suggestedUrl
          ? t.rich("nowAt", { url: problem.suggestedUrl, address: (chunks) => <span className="break-all">{chunks}</span> })
          : [problem.status ? `HTTP ${problem.status}` : null, problem.error].filter(Boolean).join(": ")}
      </span>
      {problem.checkedAt ? <span className="block text-xs text-slate-600">{t("checked", { date: date.format(new Date(problem.checkedAt)) })}</span> : null}
    </>
  );
}

function ListedBy({ problem, t }: { problem: LinkProblem; t: Texts }) {
  return (
    <ul className="space-y-2">
      {problem.organisations.map((organisation) => (
        <li key={`${organisation.id}-${organisation.field}`}>
          <Link href={`/admin/organisations/${organisation.id}/edit`} className="text-brand-700 underline">
            {organisation.name}
          </Link>{" "}
          <span className="text-sm text-slate-600">({t("field", { field: organisation.field })})</span>
          {problem.verdict === "moved" && problem.suggestedUrl ? (
            <ActionForm
              action={draftLinkChange}
              fields={{ organisationId: organisation.id, url: problem.url }}
              submit={t.rich("draft", { name: organisation.name, hidden })}
              pending={t("drafting")}
              className="mt-1"
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
