import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { Toast } from "@/components/ui/toast";
import { currentSession, requireRole } from "@/lib/auth/session";
import { listImportsInReview, listQueueAuthors, listReviewQueue, type PublishedRevision, type QueueItem } from "@/lib/data/reviews";
import { ChangeSetKind } from "@/lib/generated/prisma/enums";
import { defaultLocale, formatDay, type Locale } from "@/lib/i18n/locales";
import { idOrUndefined } from "@/lib/validation/ids";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Reviews" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Texts = Awaited<ReturnType<typeof getTranslations<"Reviews">>>;

const kinds = Object.values(ChangeSetKind);
const decided = { approve: "decidedApprove", reject: "decidedReject", "request-changes": "decidedRequestChanges" } as const;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Who a change is by: its author, or for a public suggestion its sender (not an author: nobody on the staff wrote it). */
function by(item: QueueItem, t: Texts) {
  if (!item.public) return item.author ?? t("deletedAccount");
  if (item.fromOrganisation) return t("suggestedByOrganisation");
  return item.suggester ? t("suggestedByNamed", { name: item.suggester }) : t("suggestedByPublic");
}

/** What it was drafted from, and whether the listing has changed since. */
function draftedFrom(item: QueueItem, t: Texts, locale: Locale) {
  const revision = ({ revision, publishedAt }: PublishedRevision, start = false) =>
    publishedAt ? t(start ? "revisionOfStart" : "revisionOf", { revision, date: formatDay(locale, publishedAt) }) : t(start ? "revisionStart" : "revision", { revision });
  if (!item.draftedFrom) return t("fromNothing");
  if (!item.publishedNow) return t("fromPublished", { revision: revision(item.draftedFrom) });
  return (
    <>
      {revision(item.draftedFrom, true)} <span className="rounded bg-amber-100 px-2 text-amber-900">{t("changedSinceNow", { revision: revision(item.publishedNow) })}</span>
    </>
  );
}

function age(hours: number, t: Texts) {
  if (hours < 1) return t("lessThanAnHour");
  if (hours < 48) return t("hours", { count: hours });
  return t("days", { count: Math.floor(hours / 24) });
}

export default async function ReviewsPage({ searchParams }: Props) {
  const session = await requireRole(["ADMIN", "REVIEWER"], "/admin/reviews");
  const locale = session.user.language ?? defaultLocale;
  const params = await searchParams;
  const kind = first(params.kind) as ChangeSetKind | undefined;
  const filters = {
    kind: kind && kinds.includes(kind) ? kind : undefined,
    publicOnly: first(params.kind) === "PUBLIC",
    country: /^[a-z]{2}$/i.test(first(params.country) ?? "") ? first(params.country) : undefined,
    authorId: idOrUndefined(first(params.author)),
  };
  const [items, authors, imports, t, admin] = await Promise.all([
    listReviewQueue(filters),
    listQueueAuthors(),
    listImportsInReview(),
    getTranslations({ locale, namespace: "Reviews" }),
    getTranslations({ locale, namespace: "Admin" }),
  ]);
  const outcome = first(params.decided);
  const kindOf = (item: QueueItem) => t("kind", { kind: item.kind });
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <Toast message={outcome && Object.hasOwn(decided, outcome) ? t(decided[outcome as keyof typeof decided]) : undefined} className="mt-4" />
      {imports.length > 0 ? (
        <section aria-labelledby="imports-heading" className="mt-6">
          <h2 id="imports-heading" className="text-lg font-semibold">
            {t("importsHeading")}
          </h2>
          <ul className="mt-2 space-y-1">
            {imports.map((batch) => {
              const link = (chunks: React.ReactNode) => (
                <Link href={`/admin/imports/${batch.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                  {chunks}
                </Link>
              );
              return (
                <li key={batch.id}>
                  {batch.author
                    ? t.rich("importBy", { link, file: batch.fileName, author: batch.author, count: batch.waiting })
                    : t.rich("importByDeleted", { link, file: batch.fileName, count: batch.waiting })}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <FilterBar label={t("filterLabel")} submit={admin("show")}>
        <FilterSelect
          name="kind"
          label={t("filterKind")}
          value={filters.publicOnly ? "PUBLIC" : filters.kind}
          options={[{ value: "", label: t("anyKind") }, ...kinds.map((value) => ({ value, label: t("kind", { kind: value }) })), { value: "PUBLIC", label: t("publicSuggestion") }]}
        />
        <FilterInput name="country" label={t("countryCode")} type="text" value={filters.country} maxLength={2} className="w-20 uppercase" />
        <FilterSelect
          name="author"
          label={t("author")}
          value={filters.authorId}
          options={[{ value: "", label: t("anyone") }, ...authors.map((author) => ({ value: author.id, label: author.name }))]}
        />
      </FilterBar>
      <DataTable
        caption={t("queueCaption")}
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState title={t("queueEmpty")} />}
        columns={[
          {
            header: t("change"),
            cell: (item) => (
              <Link href={`/admin/reviews/${item.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                {item.name}
              </Link>
            ),
          },
          { header: t("filterKind"), cell: kindOf },
          { header: t("authorOrSender"), cell: (item) => by(item, t) },
          { header: t("waitingFor"), cell: (item) => age(item.waitingHours, t) },
          { header: t("draftedFrom"), cell: (item) => draftedFrom(item, t, locale) },
        ]}
      />
    </>
  );
}
