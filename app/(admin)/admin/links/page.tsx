import type { Metadata } from "next";
import Link from "next/link";
import { LinkVerdict } from "@/components/links/link-verdict";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExternalLink } from "@/components/ui/external-link";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listQuery } from "@/components/ui/keyset-links";
import { draftLinkChange } from "@/lib/actions/links";
import { requireRole } from "@/lib/auth/session";
import { listCountries } from "@/lib/data/countries";
import { listLinkProblems, problemVerdicts, type LinkProblem, type ProblemVerdict } from "@/lib/data/links";

export const metadata: Metadata = { title: "Link health", robots: { index: false } };

const verdictOptions = [
  { value: "", label: "Every problem" },
  { value: "broken", label: "Broken (404, 410, no such name, or failing for three days)" },
  { value: "failing", label: "Failing (server errors, timeouts)" },
  { value: "moved", label: "Moved permanently" },
  { value: "refused", label: "Unsafe address (not checked)" },
  { value: "blocked", label: "Blocks checks (401, 403, 429)" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function LinkHealthPage({ searchParams }: Props) {
  await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/links");
  const params = await searchParams;
  const verdict = problemVerdicts.find((value) => value === params.verdict) as ProblemVerdict | undefined;
  const countries = await listCountries();
  const country = countries.find((candidate) => candidate.code === String(params.country ?? "").toUpperCase())?.code;
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const { problems, hasMore } = await listLinkProblems({ verdict, country, page });
  const pageHref = (to: number) => {
    const query = listQuery({ verdict, country: country?.toLowerCase(), page: to > 1 ? String(to) : undefined });
    return `/admin/links${query ? `?${query}` : ""}`;
  };
  const filtered = verdict !== undefined || country !== undefined;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Link health</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Every website and contact form the directory publishes is checked every week, and soon after an approval that changes one. A failing link is
        checked daily and called broken after three days of failures. The checker never changes a listing: a moved link can be drafted as a change for
        review.
      </p>
      <FilterBar label="Filter links">
        <FilterSelect name="verdict" label="Problem" value={verdict} options={verdictOptions} />
        <FilterSelect
          name="country"
          label="Country"
          value={country?.toLowerCase()}
          options={[{ value: "", label: "Every country" }, ...countries.map((candidate) => ({ value: candidate.code.toLowerCase(), label: candidate.name }))]}
        />
      </FilterBar>
      <DataTable
        caption="Links with a problem, newest problems first (dates in UTC)"
        rows={problems}
        rowKey={(problem) => problem.url}
        empty={
          <EmptyState title={filtered ? "No link has this problem." : page > 1 ? "No more problems." : "No link has a problem."}>
            {filtered ? null : "Every website and contact form answered when last checked, or has not been checked yet."}
          </EmptyState>
        }
        columns={[
          { header: "Link", cell: (problem) => <ExternalLink href={problem.url}>{problem.url}</ExternalLink>, className: "break-all" },
          { header: "Problem", cell: (problem) => <Problem problem={problem} /> },
          { header: "Since", cell: (problem) => (problem.verdictSince ? date.format(new Date(problem.verdictSince)) : "—"), className: "whitespace-nowrap" },
          { header: "Listed by", cell: (problem) => <ListedBy problem={problem} /> },
        ]}
      />
      <Pager
        links={[...(page > 1 ? [{ label: "Newer problems", href: pageHref(page - 1) }] : []), ...(hasMore ? [{ label: "Older problems", href: pageHref(page + 1) }] : [])]}
      />
    </>
  );
}

function Problem({ problem }: { problem: LinkProblem }) {
  return (
    <>
      <LinkVerdict link={problem} />
      <span className="mt-1 block text-sm text-slate-700">
        {problem.verdict === "moved" && problem.suggestedUrl ? (
          <>Now at <span className="break-all">{problem.suggestedUrl}</span></>
        ) : (
          [problem.status ? `HTTP ${problem.status}` : null, problem.error].filter(Boolean).join(": ")
        )}
      </span>
      {problem.checkedAt ? <span className="block text-xs text-slate-600">Checked {date.format(new Date(problem.checkedAt))}</span> : null}
    </>
  );
}

function ListedBy({ problem }: { problem: LinkProblem }) {
  return (
    <ul className="space-y-2">
      {problem.organisations.map((organisation) => (
        <li key={`${organisation.id}-${organisation.field}`}>
          <Link href={`/admin/organisations/${organisation.id}/edit`} className="text-brand-700 underline">
            {organisation.name}
          </Link>{" "}
          <span className="text-sm text-slate-600">({organisation.field === "website" ? "website" : "contact form"})</span>
          {problem.verdict === "moved" && problem.suggestedUrl ? (
            <ActionForm
              action={draftLinkChange}
              fields={{ organisationId: organisation.id, url: problem.url }}
              submit={<>Draft the change<span className="sr-only"> for {organisation.name}</span></>}
              pending="Drafting…"
              className="mt-1"
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
